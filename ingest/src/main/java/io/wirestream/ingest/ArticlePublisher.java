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
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serdes;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Publishes {@link RawArticle}s to the raw topic, keyed by article id, and dead letters to the dead-letter
 * topic. The producer is idempotent with {@code acks=all}: a retried send never writes a record twice,
 * and order per key is kept. Memory is bounded by {@code buffer.memory}: when it is full,
 * {@link #publish} blocks until the broker catches up.
 *
 * <p>Permanent failures: what Kafka would refuse whatever the retries is caught before sending by
 * {@link #requirePublishable} (an article larger than {@code ingest.max.article.bytes} as Avro, a time outside
 * what Avro {@code timestamp-millis} holds), and a send that fails anyway for such a reason (a topic with a
 * lower {@code max.message.bytes}) is told apart by {@link #permanent}; sources dead-letter those once
 * instead of retrying them.
 *
 * <p>Thread-safe (one producer shared by all sources). {@link #close()} flushes what is in flight.
 */
public final class ArticlePublisher implements AutoCloseable {
    /** The earliest and latest instants an Avro {@code timestamp-millis} can hold. */
    static final Instant MIN_TIMESTAMP_MILLIS = Instant.ofEpochMilli(Long.MIN_VALUE);
    static final Instant MAX_TIMESTAMP_MILLIS = Instant.ofEpochMilli(Long.MAX_VALUE);
    /** Room left in a dead letter for everything but the original bytes (reason, origin, stage, ...). */
    private static final int DEAD_LETTER_HEADROOM = 64 * 1024;

    /** An article Kafka would refuse whatever the retries; the message says why. */
    public static final class UnpublishableArticleException extends Exception {
        private final boolean tooLarge;

        UnpublishableArticleException(String message, boolean tooLarge, Throwable cause) {
            super(message, cause);
            this.tooLarge = tooLarge;
        }

        /** Whether the article is refused for its size (else for its contents). */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

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

    /**
     * Checks what would make Kafka refuse {@code article} for good, before it is sent: its times must fit Avro
     * {@code timestamp-millis}, and its Avro encoding must not be larger than {@code ingest.max.article.bytes}.
     *
     * @throws UnpublishableArticleException naming what is wrong
     */
    public void requirePublishable(RawArticle article) throws UnpublishableArticleException {
        requireMillis("publishedAt", article.getPublishedAt());
        requireMillis("fetchedAt", article.getFetchedAt());
        int size;
        try {
            size = article.toByteBuffer().remaining();
        } catch (IOException | RuntimeException e) {
            throw new UnpublishableArticleException("the article cannot be written as Avro: " + e, false, e);
        }
        int max = config.maxArticleBytes();
        if (size > max) {
            throw new UnpublishableArticleException("the article is " + size + " bytes as Avro, larger than ingest.max.article.bytes="
                + max, true, null);
        }
    }

    private static void requireMillis(String field, Instant time) throws UnpublishableArticleException {
        if (time != null && (time.isBefore(MIN_TIMESTAMP_MILLIS) || time.isAfter(MAX_TIMESTAMP_MILLIS))) {
            throw new UnpublishableArticleException(field + " " + time + " is outside what an Avro timestamp-millis can hold ("
                + MIN_TIMESTAMP_MILLIS + " to " + MAX_TIMESTAMP_MILLIS + ")", false, null);
        }
    }

    /**
     * Whether a failed send was refused for the record itself, so that sending it again can never succeed:
     * too large for the producer or the topic, or a record the broker finds invalid. Timeouts, lost brokers
     * and a schema registry that cannot be reached are not permanent.
     */
    public static boolean permanent(Throwable error) {
        Throwable t = unwrap(error);
        return t instanceof RecordTooLargeException || t instanceof InvalidRecordException;
    }

    /** The reason for a dead letter or an answer: "Kafka refuses the article for good (RecordTooLargeException): ...". */
    public static String permanentReason(Throwable error) {
        Throwable t = unwrap(error);
        return "Kafka refuses the article for good (" + t.getClass().getSimpleName() + "): " + t.getMessage();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The most original bytes a dead letter may carry so that the dead letter itself stays under the
     * producer's {@code max.request.size} (1 MiB unless set otherwise).
     */
    public int maxDeadLetterValueBytes() {
        Object configured = config.kafkaClientConfigs().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        long maxRequest = configured == null ? 1024 * 1024 : Long.parseLong(configured.toString());
        return (int) Math.max(1024, Math.min(Integer.MAX_VALUE, maxRequest - DEAD_LETTER_HEADROOM));
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
