package io.wirestream.dedup;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The key-value store the index lives in: byte keys to byte values, as a Kafka Streams
 * {@code KeyValueStore<Bytes, byte[]>} on RocksDB holds them. {@link InMemoryByteStore} is the
 * plain-Java implementation; the streaming stage adapts its state stores to this interface, so both
 * keep exactly the same bytes.
 */
public interface ByteStore {

    /** @return the value, or null when absent */
    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /**
     * Visits every entry once and applies the rewrite: the function returns the value to keep
     * (the same array to leave the entry as it is, another array to replace it, null to delete it).
     * Changes are applied after the visit, so the function sees the store as it was.
     *
     * @return the number of entries replaced or deleted
     */
    int rewriteAll(BiFunction<byte[], byte[], byte[]> rewrite);

    /** A change collected during {@link #rewriteAll}. */
    record Change(byte[] key, byte[] newValue) {
    }

    /** Applies collected changes; used by implementations of {@link #rewriteAll}. */
    default void apply(List<Change> changes) {
        for (Change c : changes) {
            if (c.newValue() == null) {
                delete(c.key());
            } else {
                put(c.key(), c.newValue());
            }
        }
    }
}
