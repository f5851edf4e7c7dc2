package io.wirestream.processors.errors;

import io.wirestream.avro.DeadLetter;
import io.wirestream.core.SerdeFactory;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.registry.client.SchemaRegistryException;
import io.wirestream.testkit.InMemorySchemaRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production exception handler with the real DeadLetter serde, on the registry's rules in memory
 * ({@link InMemorySchemaRegistry}) given to it as the application gives its own client.
 */
@Timeout(120)
class DeadLetterProductionHandlerTest {
    /** The producer's default max.request.size. */
    private static final int PRODUCER_LIMIT = (Integer) ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);

    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
    private SerdeFactory serdes;

    @BeforeEach
    void setUp() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        Map<String, Object> configs = new HashMap<>(InMemorySchemaRegistry.config(Map.of()));
        configs.put(StreamsConfig.APPLICATION_ID_CONFIG, "handler-test");
        configs.put(ProcessorConfig.HANDLER_TOPIC_PREFIX, "hpt");
        configs.put(ProcessorConfig.HANDLER_REGISTRY_CLIENT, registry);
        handler.configure(configs);
        serdes = new SerdeFactory(registry, InMemorySchemaRegistry.config(Map.of()));
    }

    private record Context(byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
        @Override public String topic() { return "hpt.raw"; }
        @Override public int partition() { return 3; }
        @Override public long offset() { return 42L; }
        @Override public Headers headers() { return new RecordHeaders(); }
        @Override public String processorNodeId() { return "sink.enriched"; }
        @Override public TaskId taskId() { return new TaskId(0, 3); }
        @Override public long timestamp() { return 0L; }
    }

    private DeadLetter read(ProducerRecord<byte[], byte[]> record) {
        return serdes.forValues(DeadLetter.class).deserializer().deserialize(record.topic(), record.value());
    }

    @Test
    void shouldDeadLetterARecordTooLargeToWriteWithItsOriginalCutToFitTheProducerLimit() {
        byte[] original = new byte[1_300_000];
        new Random(7).nextBytes(original);
        byte[] key = "big-article".getBytes(StandardCharsets.UTF_8);
        Response response = handler.handleError(new Context(key, original),
            new ProducerRecord<>("hpt.enriched", key, original), new RecordTooLargeException("The message is 1300123 bytes"));

        assertEquals(Result.RESUME, response.result());
        List<ProducerRecord<byte[], byte[]>> letters = response.deadLetterQueueRecords();
        assertEquals(1, letters.size());
        ProducerRecord<byte[], byte[]> out = letters.get(0);
        assertEquals("hpt.dlq", out.topic());
        int size = out.value().length + out.key().length;
        assertTrue(size < PRODUCER_LIMIT - 10_000, "the dead letter is " + size + " bytes, the producer accepts " + PRODUCER_LIMIT);
        DeadLetter letter = read(out);
        assertEquals("produce", letter.getStage());
        assertEquals(ByteBuffer.wrap(Arrays.copyOf(original, 921_600 - key.length)), letter.getValue());
        assertEquals(ByteBuffer.wrap(key), letter.getKey());
        assertEquals("hpt.raw", letter.getTopic());
        assertEquals(42L, letter.getOffset());
        assertTrue(letter.getErrorMessage().contains("original value of 1300000 bytes, first " + (921_600 - key.length) + " kept"),
            letter.getErrorMessage());
    }

    @Test
    void shouldKeepASmallOriginalWhole() {
        byte[] original = "small".getBytes(StandardCharsets.UTF_8);
        Response response = handler.handleError(new Context(null, original),
            new ProducerRecord<>("hpt.enriched", null, original), new RecordTooLargeException("too large for the topic"));
        DeadLetter letter = read(response.deadLetterQueueRecords().get(0));
        assertEquals(ByteBuffer.wrap(original), letter.getValue());
        assertEquals("too large for the topic", letter.getErrorMessage());
    }

    @Test
    void shouldDeadLetterAValueThatCannotBeSerialisedButFailTheThreadWhenTheRegistryIsDown() {
        byte[] original = "x".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);
        Response bad = handler.handleSerializationError(new Context(null, original),
            new ProducerRecord<>("hpt.enriched", null, "value"), new SerializationException("field 'title' is not a string"),
            SerializationExceptionOrigin.VALUE);
        assertEquals(Result.RESUME, bad.result());
        DeadLetter letter = read(bad.deadLetterQueueRecords().get(0));
        assertEquals(921_600, letter.getValue().remaining());

        Response down = handler.handleSerializationError(new Context(null, original),
            new ProducerRecord<>("hpt.enriched", null, "value"),
            new SerializationException("cannot register", new SchemaRegistryException("down", "http://r", 503, 50003, "down", null)),
            SerializationExceptionOrigin.VALUE);
        assertEquals(Result.FAIL, down.result());
        Response refused = handler.handleSerializationError(new Context(null, original),
            new ProducerRecord<>("hpt.enriched", null, "value"), new SerializationException("x", new ConnectException("refused")),
            SerializationExceptionOrigin.KEY);
        assertEquals(Result.FAIL, refused.result());
    }

    @Test
    void shouldFailTheThreadOnAnyOtherWriteError() {
        Response response = handler.handleError(new Context(null, new byte[1]),
            new ProducerRecord<>("hpt.enriched", null, new byte[1]), new TopicAuthorizationException(Set.of("hpt.enriched")));
        assertEquals(Result.FAIL, response.result());
        assertTrue(response.deadLetterQueueRecords().isEmpty(), "no dead letter for a failure that is not the record's");
    }

    @Test
    void shouldRefuseARegistryClientSettingThatIsNoClient() {
        Map<String, Object> configs = new HashMap<>(InMemorySchemaRegistry.config(Map.of()));
        configs.put(StreamsConfig.APPLICATION_ID_CONFIG, "handler-test");
        configs.put(ProcessorConfig.HANDLER_REGISTRY_CLIENT, "http://registry.example:8081");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new DeadLetterProductionHandler().configure(configs));
        assertEquals("wirestream.handlers.registry.client must be a io.wirestream.registry.client.SchemaRegistryClient, got a java.lang.String",
            e.getMessage());
    }
}
