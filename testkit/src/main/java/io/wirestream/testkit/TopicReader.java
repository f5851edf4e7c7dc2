package io.wirestream.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads committed records of a topic from the beginning, as a downstream consumer would. */
public final class TopicReader {
    private TopicReader() {
    }

    /**
     * Reads until {@code expected} records have arrived and then {@code settle} more time has passed with
     * none arriving (so that extra, unexpected records are seen too), or until {@code timeout}.
     */
    public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrap, String topic, Deserializer<K> keys,
                                                         Deserializer<V> values, int expected, Duration timeout,
                                                         Duration settle) {
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), keys, values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastArrival = System.nanoTime();
            while (System.nanoTime() < deadline) {
                int before = out.size();
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
                if (out.size() > before) {
                    lastArrival = System.nanoTime();
                }
                if (out.size() >= expected && System.nanoTime() - lastArrival >= settle.toNanos()) {
                    break;
                }
            }
        }
        return out;
    }
}
