package io.wirestream.processors.errors;

import io.wirestream.core.DeadLetters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dead letters written from the global thread (the {@code news.kb} store), which has no record collector:
 * a dead letter returned by an exception handler there cannot be sent (Kafka Streams 4.3 fails the global
 * thread with a {@code ClassCastException}, which stops the whole application). So the global processor
 * reads its topic as bytes, decodes each record itself, and sends what it cannot use with this producer
 * of its own (idempotent, {@code acks=all}), waiting for the acknowledgement before it goes on.
 *
 * <p>Delivery: at least once. The global thread has no transactions; a record read again after a crash
 * (between its dead letter and the next checkpoint of the store) is dead-lettered again.
 */
public final class GlobalDeadLetters implements AutoCloseable {
    /** Stage reported for records that could not be deserialised. */
    public static final String DESERIALIZE_STAGE = DeadLetterSender.DESERIALIZE_STAGE;
    private static final long SEND_TIMEOUT_MS = 60_000;

    private final DeadLetterSender sender;
    private final KafkaProducer<byte[], byte[]> producer;

    /** @param appConfigs the application's Streams configuration ({@code ProcessorContext.appConfigs()}) */
    public GlobalDeadLetters(Map<String, Object> appConfigs) {
        // the application's configs hold unset keys with null values, which the registry client does not take
        Map<String, Object> streamsConfigs = new java.util.HashMap<>();
        appConfigs.forEach((k, v) -> {
            if (v != null) {
                streamsConfigs.put(k, v);
            }
        });
        this.sender = new DeadLetterSender(streamsConfigs);
        String clientId = streamsConfigs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-global-dead-letters";
        Map<String, Object> producerConfigs = new StreamsConfig(streamsConfigs).getProducerConfigs(clientId);
        producerConfigs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerConfigs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfigs.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(producerConfigs, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Writes the dead letter of a record and waits for Kafka to acknowledge it.
     *
     * @throws StreamsException when it is not acknowledged within a minute (the global thread then stops,
     *                          rather than go on as if the record had been kept)
     */
    public void send(DeadLetters.Source source, byte[] key, byte[] value, String stage, Throwable error) {
        try {
            producer.send(sender.deadLetter(source, key, value, stage, error)).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StreamsException("cannot write the dead letter of " + source.topic() + "-" + source.partition() + "@"
                + source.offset() + " to " + sender.topic() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("interrupted while writing the dead letter of " + source.topic() + "-"
                + source.partition() + "@" + source.offset(), e);
        }
    }

    public String topic() {
        return sender.topic();
    }

    @Override
    public void close() {
        try {
            producer.close(java.time.Duration.ofSeconds(10));
        } finally {
            sender.close();
        }
    }
}
