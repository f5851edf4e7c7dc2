package io.wirestream.registry.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WireFormatTest {

    @Test
    void shouldWriteMagicByteAndBigEndianId() {
        assertArrayEquals(new byte[] {0, 0x01, 0x02, 0x03, 0x04}, WireFormat.header(0x01020304));
    }

    @Test
    void shouldReadBackTheIdOfAHeader() {
        byte[] framed = new byte[] {0, 0, 0, 1, 0x2c, 42, 7};
        assertEquals(300, WireFormat.schemaId(framed, "news.raw"));
        assertEquals(Integer.MAX_VALUE, WireFormat.schemaId(WireFormat.header(Integer.MAX_VALUE), "news.raw"));
    }

    @Test
    void shouldExplainAValueThatIsNotFramed() {
        byte[] json = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        SerializationException e = assertThrows(SerializationException.class, () -> WireFormat.schemaId(json, "news.raw"));
        assertEquals("news.raw: unknown magic byte 0x7b, expected 0x00: the value is not Confluent-framed Avro",
            e.getMessage());
    }

    @Test
    void shouldExplainAValueShorterThanTheHeader() {
        SerializationException e = assertThrows(SerializationException.class,
            () -> WireFormat.schemaId(new byte[] {0, 0, 1}, "news.raw"));
        assertEquals("news.raw: value has 3 bytes, too short for the 5-byte header", e.getMessage());
    }

    @Test
    void shouldNameTheKeyWhenTheKeyIsBroken() {
        SerializationException e = assertThrows(SerializationException.class,
            () -> WireFormat.schemaId(new byte[] {1}, "news.raw", true));
        assertEquals("news.raw: key has 1 byte, too short for the 5-byte header", e.getMessage());
    }
}
