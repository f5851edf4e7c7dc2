package io.wirestream.core;

import io.wirestream.avro.DeadLetter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeadLettersTest {

    @Test
    void shouldKeepTheOriginalBytesThePositionAndTheReasonWithItsCauses() {
        Exception error = new IllegalStateException("stage failed", new NumberFormatException("For input string: \"x\""));
        DeadLetter d = DeadLetters.of("k".getBytes(), new byte[] {0, 1, 2}, DeadLetters.Source.kafka("news.raw", 3, 42L),
            "clean", error, "app", Instant.ofEpochMilli(1000));
        assertEquals(ByteBuffer.wrap(new byte[] {0, 1, 2}), d.getValue());
        assertEquals(ByteBuffer.wrap("k".getBytes()), d.getKey());
        assertEquals("news.raw", d.getTopic());
        assertEquals(3, d.getPartition());
        assertEquals(42L, d.getOffset());
        assertNull(d.getOrigin());
        assertEquals("clean", d.getStage());
        assertEquals("java.lang.IllegalStateException", d.getErrorClass());
        assertEquals("IllegalStateException: stage failed; caused by For input string: \"x\"", d.getErrorMessage());
        assertEquals(Instant.ofEpochMilli(1000), d.getFailedAt());
    }

    @Test
    void shouldCutVeryLongMessages() {
        String longMessage = "x".repeat(DeadLetters.MAX_MESSAGE_CHARS * 2);
        String described = DeadLetters.describe(new RuntimeException(longMessage));
        assertEquals(DeadLetters.MAX_MESSAGE_CHARS + " ... (cut at 4000 chars)".length(), described.length());
    }
}
