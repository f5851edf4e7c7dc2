package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.core.AvroJson;
import io.wirestream.core.SerdeFactory;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads topics from the beginning as a downstream consumer would (committed records only) and renders each
 * record as one JSON object {@code {"topic":…,"key":…,"value":{…}}}, the value being
 * the Avro record as plain JSON (see {@link AvroJson}); a JSON object value (a route written as JSON) is shown as
 * it is. A value that is neither is rendered with
 * {@code "value":null} and an {@code "error"} saying why, so a dump never stops on a bad record.
 */
final class TopicDump implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<GenericRecord> values;
    private final SerdeFactory serdes;

    TopicDump(Map<String, Object> kafkaConfigs, Map<String, Object> registryConfigs) {
        Map<String, Object> c = new HashMap<>(kafkaConfigs);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "wirestream-tail-" + UUID.randomUUID());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.serdes = new SerdeFactory(registryConfigs);
        this.values = serdes.genericValues().deserializer();
    }

    /** Assigns every partition of the topics and seeks to the beginning. */
    void fromBeginning(List<String> topics, Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist");
            }
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Polls and hands each rendered record to {@code sink} until {@code stop} says so or no record arrived for
     * {@code maxIdle} (null: no idle limit).
     */
    void run(Consumer<ObjectNode> sink, Duration maxIdle, BooleanSupplier stop) {
        long lastArrival = System.nanoTime();
        while (!stop.getAsBoolean()) {
            var records = consumer.poll(Duration.ofMillis(200));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                sink.accept(render(r));
            }
            if (!records.isEmpty()) {
                lastArrival = System.nanoTime();
            } else if (maxIdle != null && System.nanoTime() - lastArrival >= maxIdle.toNanos()) {
                return;
            }
        }
    }

    ObjectNode render(ConsumerRecord<byte[], byte[]> r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", r.topic());
        node.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        try {
            GenericRecord value = values.deserialize(r.topic(), r.value());
            node.set("value", AvroJson.toJson(value));
        } catch (RuntimeException e) {
            JsonNode json = json(r.value());
            if (json != null) {
                node.set("value", json);
            } else {
                node.putNull("value");
                node.put("error", e.getMessage());
            }
        }
        return node;
    }

    /** The value of a JSON topic (a route with format json), or null when the bytes are not a JSON object. */
    private static JsonNode json(byte[] value) {
        if (value == null || value.length == 0 || value[0] != '{') {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
        serdes.close();
    }
}
