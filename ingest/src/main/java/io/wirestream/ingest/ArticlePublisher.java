package io.wirestream.ingest;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topic;
import io.wirestream.core.TopicProvisioner;
import io.wirestream.core.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes {@link RawArticle}s to the raw topic, keyed by article id, and dead letters to the dead-letter
 * topic. The producer is idempotent with {@code acks=all}: a retried send never writes a record twice,
 * and order per key is kept. Memory is bounded by {@code buffer.memory}: when it is full,
 * {@link #publish} blocks until the broker catches up.
 *
 * <p>Thread-safe (one producer shared by all sources). {@link #close()} flushes what is in flight.
 */
public final class ArticlePublisher implements AutoCloseable {
    private final IngestConfig config;
    private final SerdeFactory serdes;
    private final Topics topics;
    private final KafkaProducer<String, RawArticle> producer;
    private final KafkaProducer<String, DeadLetter> deadLetterProducer;

    public ArticlePublisher(IngestConfig config) {
        this.config = config;
        this.serdes = new SerdeFactory(config.registryConfigs());
        this.topics = new Topics(config.topicNames(), serdes);
        if (config.createTopics()) {
            TopicProvisioner.ensure(config.kafkaClientConfigs(),
                TopicProvisioner.definitions(config.topicNames(), config.topicSettings()), Duration.ofSeconds(30));
        }
        Topic<String, RawArticle> raw = topics.raw();
        this.producer = new KafkaProducer<>(producerConfigs(config, ""), raw.keySerde().serializer(), raw.valueSerde().serializer());
        Topic<String, DeadLetter> dlq = topics.deadLetters();
        this.deadLetterProducer = new KafkaProducer<>(producerConfigs(config, "-dlq"), Serdes.String().serializer(),
            dlq.valueSerde().serializer());
    }

    static Map<String, Object> producerConfigs(IngestConfig config, String clientIdSuffix) {
        Map<String, Object> p = new HashMap<>(config.kafkaClientConfigs());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.getString(IngestConfig.CLIENT_ID) + clientIdSuffix);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.getString(IngestConfig.COMPRESSION_TYPE));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.getLong(IngestConfig.BUFFER_MEMORY));
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return p;
    }

    public CompletableFuture<RecordMetadata> publish(RawArticle article) {
        return send(producer, new ProducerRecord<>(topics.raw().name(), article.getId(), article));
    }

    public CompletableFuture<RecordMetadata> publishDeadLetter(String key, DeadLetter letter) {
        return send(deadLetterProducer, new ProducerRecord<>(topics.deadLetters().name(), key, letter));
    }

    private static <V> CompletableFuture<RecordMetadata> send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    public Topics topics() {
        return topics;
    }

    public IngestConfig config() {
        return config;
    }

    public void flush() {
        producer.flush();
        deadLetterProducer.flush();
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(30));
            deadLetterProducer.close(Duration.ofSeconds(30));
        } finally {
            serdes.close();
        }
    }
}
