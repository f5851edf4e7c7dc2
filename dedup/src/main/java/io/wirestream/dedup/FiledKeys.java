package io.wirestream.dedup;

import java.util.List;

/**
 * The index keys one article is filed under on one partition, with the event time of the filing: the durable
 * form of that partition's index (one record per article and partition, instead of one per key), from which the
 * key-to-articles lookup is rebuilt.
 *
 * @param insertedAtSecond event time of the filing in epoch seconds; the entries expire by it
 * @param keys             the index keys, in the {@link IndexCodec} layout
 */
public record FiledKeys(long insertedAtSecond, List<byte[]> keys) {

    public FiledKeys {
        keys = List.copyOf(keys);
        if (insertedAtSecond < 0 || insertedAtSecond > 0xffff_ffffL) {
            throw new IllegalArgumentException("insertion time must fit in unsigned 32-bit epoch seconds, was " + insertedAtSecond);
        }
    }
}
