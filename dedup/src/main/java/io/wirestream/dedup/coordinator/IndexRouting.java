package io.wirestream.dedup.coordinator;

/**
 * Where an index key lives: the partition whose index holds it. The streaming stage gives the partition the
 * producer's default partitioner picks for the key on the probe topic; tests give any fixed function.
 *
 * <p>Contract: a pure function of the key, the same on every instance, so that two articles sharing a key
 * always send it to the same place.
 */
@FunctionalInterface
public interface IndexRouting {

    /** @return the partition (0-based) that owns this index key */
    int partitionOf(byte[] indexKey);
}
