package io.wirestream.processors.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where index keys and article ids live, by the producer's default partitioner: an index key on the partition
 * picked for its hex string, an article id on the partition picked for the id (murmur2 of the UTF-8 bytes, made
 * positive, modulo the partition count), which is where Kafka Streams sends a record keyed by that String.
 * The stage's batches are sent to an explicit partition instead ({@link #TO_PARTITION}: the key is the number).
 *
 * <p>Contract: {@code partitions} must be the partition count of the stage's repartition topics, which Kafka
 * Streams gives the partition count of {@code news.raw}. A key always lands on the same partition whatever batch it
 * travels in, so the index is the same as with one probe per key.
 */
final class ProbeRouting {

    /**
     * Sends a record to the partition its key names (a decimal number below the partition count). A topic of one
     * partition takes everything (one task then serves every partition of ids and keys, as in a test driver).
     */
    static final StreamPartitioner<String, Object> TO_PARTITION = (topic, key, value, partitions) -> {
        if (partitions == 1) {
            return Optional.of(Set.of(0));
        }
        int partition = Integer.parseInt(key);
        if (partition < 0 || partition >= partitions) {
            throw new IllegalStateException("deduplication message for partition " + partition + " of " + topic + ", which has "
                    + partitions + " partitions: topic.partitions must be the partition count of the input topic");
        }
        return Optional.of(Set.of(partition));
    };

    private ProbeRouting() {
    }

    @SuppressWarnings("unchecked")
    static <V> StreamPartitioner<String, V> toPartition() {
        return (StreamPartitioner<String, V>) (StreamPartitioner<String, ?>) TO_PARTITION;
    }

    static String hex(byte[] indexKey) {
        return HexFormat.of().formatHex(indexKey);
    }

    /** The partition the default partitioner picks for this index key's hex string. */
    static int partitionOf(byte[] indexKey, int partitions) {
        return partitionOf(hex(indexKey), partitions);
    }

    /** The partition the default partitioner picks for a record keyed by this article id: where the id lives. */
    static int homeOf(String articleId, int partitions) {
        return partitionOf(articleId, partitions);
    }

    private static int partitionOf(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partition count must be at least 1, got " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
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
