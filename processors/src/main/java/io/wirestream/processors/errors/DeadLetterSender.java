package io.wirestream.processors.errors;

import io.micrometer.core.instrument.Metrics;
import io.wirestream.avro.DeadLetter;
import io.wirestream.ops.metrics.PipelineMetrics;
import io.wirestream.core.DeadLetters;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.TopicNames;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.registry.client.SchemaRegistryClient;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a failure seen by one of the Streams exception handlers into a dead-letter record: the source
 * record's original key and value bytes, its topic, partition and offset, the stage and the reason.
 * Kafka Streams produces the returned record itself (in the same transaction under exactly-once).
 */
final class DeadLetterSender implements AutoCloseable {
    /** Stage reported for records that could not be deserialised. */
    static final String DESERIALIZE_STAGE = "deserialize";
    /** Stage reported for records that could not be written. */
    static final String PRODUCE_STAGE = "produce";
    /** The default of {@code dead.letter.max.bytes}, when the handlers are configured without it. */
    static final int DEFAULT_MAX_BYTES = 900 * 1024;

    private final String topic;
    private final String applicationId;
    private final SerdeFactory serdes;
    private final Serializer<DeadLetter> serializer;
    private final int maxBytes;

    DeadLetterSender(Map<String, ?> streamsConfigs) {
        Object prefix = streamsConfigs.get(io.wirestream.processors.ProcessorConfig.HANDLER_TOPIC_PREFIX);
        this.topic = new TopicNames(prefix == null ? TopicNames.DEFAULT_PREFIX : prefix.toString()).deadLetters();
        this.applicationId = String.valueOf(streamsConfigs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Object url = streamsConfigs.get(WirestreamConfig.SCHEMA_REGISTRY_URL);
        Objects.requireNonNull(url, "schema.registry.url must be set for the dead-letter handlers");
        Object client = streamsConfigs.get(io.wirestream.processors.ProcessorConfig.HANDLER_REGISTRY_CLIENT);
        if (client != null && !(client instanceof SchemaRegistryClient)) {
            throw new IllegalArgumentException(io.wirestream.processors.ProcessorConfig.HANDLER_REGISTRY_CLIENT
                + " must be a " + SchemaRegistryClient.class.getName() + ", got a " + client.getClass().getName());
        }
        // a client given by the application stays open with it; one built here is closed with this sender
        this.serdes = client == null ? new SerdeFactory(streamsConfigs) : new SerdeFactory((SchemaRegistryClient) client, streamsConfigs);
        this.serializer = serdes.forValues(DeadLetter.class).serializer();
        Object max = streamsConfigs.get(io.wirestream.processors.ProcessorConfig.DEAD_LETTER_MAX_BYTES);
        this.maxBytes = max == null ? DEFAULT_MAX_BYTES : Integer.parseInt(max.toString());
    }

    List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext ctx, byte[] key, byte[] value, String stage, Exception error) {
        // the handlers are created by Kafka Streams, so they reach the application's registry through the global one
        new PipelineMetrics(Metrics.globalRegistry).deadLetter(stage);
        return List.of(deadLetter(DeadLetters.Source.kafka(ctx.topic(), ctx.partition(), ctx.offset()), key, value, stage, error));
    }

    /** The dead-letter record of a failure at {@code source}, keyed by the original key (cut like the letter's copy). */
    ProducerRecord<byte[], byte[]> deadLetter(DeadLetters.Source source, byte[] key, byte[] value, String stage, Throwable error) {
        DeadLetter letter = BoundedDeadLetters.of(key, value, source, stage, error, applicationId, Instant.now(), maxBytes);
        byte[] keptKey = letter.getKey() == null ? null : java.util.Arrays.copyOf(letter.getKey().array(), letter.getKey().remaining());
        return new ProducerRecord<>(topic, null, keptKey, serializer.serialize(topic, letter));
    }

    /** The stage a processor belongs to: the part of its name before the first '.' (see PipelineStage). */
    static String stageOf(String processorNodeId) {
        if (processorNodeId == null || processorNodeId.isEmpty()) {
            return "unknown";
        }
        int dot = processorNodeId.indexOf('.');
        return dot > 0 ? processorNodeId.substring(0, dot) : processorNodeId;
    }

    String topic() {
        return topic;
    }

    @Override
    public void close() {
        serdes.close();
    }
}
