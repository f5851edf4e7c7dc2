package io.wirestream.registry.server;

import io.wirestream.registry.client.RegistryErrors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The registry's journal on a compacted, single-partition Kafka topic.
 *
 * <p>Writes use an idempotent producer with {@code acks=all} and wait for the acknowledgement, so an
 * answered registration survives a restart. At start the topic is created if missing
 * ({@code cleanup.policy=compact}, one partition: a single total order of changes) and read from the
 * beginning up to its end offset.
 *
 * <p>Limit: one writer per topic. The server does not fence or follow other writers: two servers on one
 * topic would each hand out the same ids.
 */
public final class KafkaRegistryJournal implements RegistryJournal, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaRegistryJournal.class);

    private final String topic;
    private final Duration timeout;
    private final Map<String, Object> clientProps;
    private final RegistryEntryCodec codec = new RegistryEntryCodec();
    private final KafkaProducer<byte[], byte[]> producer;

    private KafkaRegistryJournal(RegistryServerConfig config) {
        this.topic = config.topic();
        this.timeout = config.timeout();
        this.clientProps = config.kafkaClientProperties();
        Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-registry-" + topic);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Ensures the topic exists, feeds every stored entry to {@code replay} in order, and returns a journal
     * ready for appends.
     */
    public static KafkaRegistryJournal open(RegistryServerConfig config, Consumer<RegistryEntry> replay) {
        ensureTopic(config);
        KafkaRegistryJournal journal = new KafkaRegistryJournal(config);
        try {
            journal.readAll(replay);
            return journal;
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    @Override
    public void append(RegistryEntry entry) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, codec.key(entry), codec.value(entry)))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RegistryException(500, RegistryErrors.OPERATION_TIMEOUT, "Writing to the schemas topic '"
                + topic + "' timed out after " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new RegistryException(500, RegistryErrors.STORE_ERROR, "Error while writing to the schemas topic '"
                + topic + "': " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(500, RegistryErrors.STORE_ERROR, "Interrupted writing to the schemas topic '"
                + topic + "'", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private void readAll(Consumer<RegistryEntry> replay) {
        Map<String, Object> c = new HashMap<>(clientProps);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-registry-reader-" + topic);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicPartition partition = new TopicPartition(topic, 0);
        Instant deadline = Instant.now().plus(timeout);
        int count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                 new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            while (consumer.position(partition, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading the schemas topic '" + topic + "' to its end offset " + end
                        + " took longer than " + RegistryServerConfig.TIMEOUT_MS_CONFIG + "=" + timeout.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Optional<RegistryEntry> entry;
                    try {
                        entry = codec.decode(record.key(), record.value());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("schemas topic '" + topic + "' offset " + record.offset()
                            + " is not a registry record: " + e.getMessage(), e);
                    }
                    entry.ifPresent(replay);
                    count += entry.isPresent() ? 1 : 0;
                }
            }
        }
        log.info("Schema registry read {} entries from topic '{}'", count, topic);
    }

    private static void ensureTopic(RegistryServerConfig config) {
        Map<String, Object> a = new HashMap<>(config.kafkaClientProperties());
        long ms = config.timeout().toMillis();
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, ms));
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, ms));
        String topic = config.topic();
        try (Admin admin = Admin.create(a)) {
            try {
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ms, TimeUnit.MILLISECONDS).get(topic);
                if (d.partitions().size() != 1) {
                    throw new IllegalStateException("schemas topic '" + topic + "' has " + d.partitions().size()
                        + " partitions; the registry needs exactly one (a single order of changes)");
                }
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe the schemas topic '" + topic + "' at "
                        + config.bootstrapServers() + ": " + e.getCause(), e.getCause());
                }
            }
            NewTopic newTopic = new NewTopic(topic, 1, config.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(newTopic)).all().get(ms, TimeUnit.MILLISECONDS);
                log.info("Created compacted schemas topic '{}'", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create the schemas topic '" + topic + "' at "
                        + config.bootstrapServers() + ": " + e.getCause(), e.getCause());
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka cluster at " + config.bootstrapServers() + " did not answer "
                + "within " + RegistryServerConfig.TIMEOUT_MS_CONFIG + "=" + ms + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the schemas topic '" + topic + "'", e);
        }
    }
}
