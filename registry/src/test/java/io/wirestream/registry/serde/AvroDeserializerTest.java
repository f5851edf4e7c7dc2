package io.wirestream.registry.serde;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.RegistryClientConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Framing errors are found before the registry is asked, so no registry runs here. */
class AvroDeserializerTest {
    private final HttpSchemaRegistryClient unusedClient = HttpSchemaRegistryClient.fromConfigs(
        Map.of(RegistryClientConfig.URL_CONFIG, "http://127.0.0.1:9", RegistryClientConfig.RETRIES_CONFIG, 0));
    private final AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(unusedClient);

    @AfterEach
    void close() {
        deserializer.close();
        unusedClient.close();
    }

    @Test
    void shouldTurnATombstoneIntoNull() {
        assertNull(deserializer.deserialize("news.raw", null));
    }

    @Test
    void shouldRefusePlainJsonNamingTheTopic() {
        byte[] json = "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        SerializationException e = assertThrows(SerializationException.class,
            () -> deserializer.deserialize("news.raw", json));
        assertEquals("news.raw: unknown magic byte 0x7b, expected 0x00: the value is not Confluent-framed Avro",
            e.getMessage());
    }

    @Test
    void shouldRefuseATruncatedHeader() {
        SerializationException e = assertThrows(SerializationException.class,
            () -> deserializer.deserialize("news.enriched", new byte[] {0, 0}));
        assertEquals("news.enriched: value has 2 bytes, too short for the 5-byte header", e.getMessage());
    }

    @Test
    void shouldNameTheKeyForAKeyDeserializer() {
        deserializer.configure(Map.of(), true);
        SerializationException e = assertThrows(SerializationException.class,
            () -> deserializer.deserialize("news.raw", new byte[] {5, 0, 0, 0, 1}));
        assertEquals("news.raw: unknown magic byte 0x05, expected 0x00: the key is not Confluent-framed Avro",
            e.getMessage());
    }

    @Test
    void shouldSayTheRegistryCouldNotBeReachedForAWellFramedValue() {
        SerializationException e = assertThrows(SerializationException.class,
            () -> deserializer.deserialize("news.raw", new byte[] {0, 0, 0, 0, 4, 2}));
        String message = e.getMessage();
        assertEquals("news.raw: cannot fetch writer schema id 4 from the registry: GET http://127.0.0.1:9/schemas/ids/4",
            message.substring(0, message.indexOf(" (schema id 4)")));
    }
}
