package io.wirestream.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Topic, producer and committed-offset utilities for tests against the embedded broker. */
public final class KafkaTestSupport implements AutoCloseable {
    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    public KafkaTestSupport(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        // Not idempotent: a batch retried after NOT_LEADER on a just-created partition was seen to loop forever on
        // OUT_OF_ORDER_SEQUENCE_NUMBER. One request in flight keeps the order without idempotence.
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
            new StringSerializer(), new StringSerializer());
    }

    public Admin admin() {
        return admin;
    }

    /** Creates the topic and returns once every partition's leader answers offset requests. */
    public void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        while (true) {
            try {
                admin.listOffsets(request).all().get();
                return;
            } catch (ExecutionException e) {
                Thread.sleep(50);
            }
        }
    }

    /** Writes {@code count} records to one partition and waits until all are acknowledged. */
    public void produce(String topic, int partition, int count) throws ExecutionException, InterruptedException {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, partition, "k" + i, "article " + i));
        }
        producer.flush();
    }

    /** A consumer of {@code group} with manual commits, reading from the earliest offset. */
    public KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Commits {@code offset} for the group on the partition, as a stopped or assign()-ing consumer would. */
    public void commit(String group, String topic, int partition, long offset) {
        try (KafkaConsumer<String, String> c = consumer(group)) {
            c.commitSync(Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        }
    }

    /** Ground truth from the AdminClient: log-end minus committed offset, per partition of the group. */
    public Map<TopicPartition, Long> adminLag(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> ends = admin.listOffsets(committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get()
            .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        return committed.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> ends.get(e.getKey()) - e.getValue().offset()));
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
