package io.wirestream.dedup.coordinator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParkedBatchRecordTest {

    @Test
    void shouldFindEachPayloadOfARecordAppendedTo() {
        byte[] record = ParkedBatchRecord.append(null, "first", bytes("one"));
        record = ParkedBatchRecord.append(record, "zweite-ä", new byte[0]);
        record = ParkedBatchRecord.append(record, "third", bytes("three, the longest of them"));

        assertArrayEquals(bytes("one"), ParkedBatchRecord.find(record, "first"));
        assertArrayEquals(new byte[0], ParkedBatchRecord.find(record, "zweite-ä"));
        assertArrayEquals(bytes("three, the longest of them"), ParkedBatchRecord.find(record, "third"));
        assertEquals(null, ParkedBatchRecord.find(record, "fourth"));
        assertEquals(null, ParkedBatchRecord.find(record, "firs"), "an id is matched whole");
        assertEquals(null, ParkedBatchRecord.find(null, "first"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
