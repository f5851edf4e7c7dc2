package io.wirestream.processors.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * Where an index key lives: the partition of {@code dedup-probes} that the producer's default partitioner
 * picks for the key's hex string (murmur2 of its UTF-8 bytes, made positive, modulo the partition count),
 * and the grouping of an article's keys by that partition, so that the article sends one probe per
 * partition instead of one per key.
 *
 * <p>Contract: {@code partitions} must be the partition count of {@code dedup-probes}, which Kafka Streams
 * gives the partition count of {@code news.raw}. A probe keyed by the hex of any key of its group then
 * lands where every key of the group lives, and a key always lands on the same partition whether it
 * travels alone or in a group, so the index is the same as with one probe per key.
 */
final class ProbeRouting {

    private ProbeRouting() {
    }

    static String hex(byte[] indexKey) {
        return HexFormat.of().formatHex(indexKey);
    }

    /** The partition the default partitioner picks for this index key's hex string. */
    static int partitionOf(byte[] indexKey, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partition count must be at least 1, got " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(hex(indexKey).getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The keys grouped by partition, each group in the keys' order, groups in order of their first key. */
    static Map<Integer, List<byte[]>> group(List<byte[]> indexKeys, int partitions) {
        Map<Integer, List<byte[]>> groups = new LinkedHashMap<>();
        for (byte[] key : indexKeys) {
            groups.computeIfAbsent(partitionOf(key, partitions), p -> new ArrayList<>()).add(key);
        }
        return groups;
    }
}
