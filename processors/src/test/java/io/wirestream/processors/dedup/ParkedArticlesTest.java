package io.wirestream.processors.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParkedArticlesTest {

    @Test
    void shouldFindEachPayloadOfARecordAppendedTo() {
        byte[] record = ParkedArticles.append(null, "first", bytes("one"));
        record = ParkedArticles.append(record, "zweite-ä", new byte[0]);
        record = ParkedArticles.append(record, "third", bytes("three, the longest of them"));

        assertArrayEquals(bytes("one"), ParkedArticles.find(record, "first"));
        assertArrayEquals(new byte[0], ParkedArticles.find(record, "zweite-ä"));
        assertArrayEquals(bytes("three, the longest of them"), ParkedArticles.find(record, "third"));
        assertEquals(null, ParkedArticles.find(record, "fourth"));
        assertEquals(null, ParkedArticles.find(record, "firs"), "an id is matched whole");
        assertEquals(null, ParkedArticles.find(null, "first"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
