package io.wirestream.processors.errors;

import io.wirestream.registry.client.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeadLetterSenderTest {

    @Test
    void shouldTreatAnUnreachableOrFailingRegistryAsTransient() {
        assertEquals(true, TransientFailures.isTransient(new SerializationException("x", new ConnectException("refused"))));
        assertEquals(true, TransientFailures.isTransient(new SerializationException("x",
            new SchemaRegistryException("down", "http://r", 503, 50003, "unavailable", null))));
        assertEquals(true, TransientFailures.isTransient(new SchemaRegistryException("no answer", "http://r",
            SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, null, null)));
    }

    @Test
    void shouldTreatBadBytesAndUnknownSchemasAsTheRecordsFault() {
        assertEquals(false, TransientFailures.isTransient(new SerializationException("truncated", new EOFException())));
        assertEquals(false, TransientFailures.isTransient(new SerializationException("x",
            new SchemaRegistryException("Schema 99 not found", "http://r", 404, 40403, "Schema 99 not found", null))));
    }

    @Test
    void shouldReportTheStageAsThePartOfTheProcessorNameBeforeTheDot() {
        assertEquals("dedup", DeadLetterSender.stageOf("dedup.signature"));
        assertEquals("sink", DeadLetterSender.stageOf("sink"));
        assertEquals("unknown", DeadLetterSender.stageOf(null));
    }
}
