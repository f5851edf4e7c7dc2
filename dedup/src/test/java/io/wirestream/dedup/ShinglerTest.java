package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShinglerTest {

    @Test
    void shouldProduceOneShinglePerWindowOfWords() {
        assertEquals(3, new Shingler(3).shingles("a b c d e").length);
        assertEquals(5, new Shingler(1).shingles("a b c d e").length);
    }

    @Test
    void shouldIgnoreRepeatedShingles() {
        assertEquals(2, new Shingler(2).shingles("a b a b a").length);
    }

    @Test
    void shouldMakeOneShingleOfTextShorterThanTheWindow() {
        assertEquals(1, new Shingler(5).shingles("only three words").length);
    }

    @Test
    void shouldReturnNoShinglesForEmptyText() {
        assertEquals(0, new Shingler(3).shingles("").length);
    }

    @Test
    void shouldDependOnWordOrderInsideAShingle() {
        assertNotEquals(new Shingler(2).shingles("a b")[0], new Shingler(2).shingles("b a")[0]);
    }

    @Test
    void shouldBeDeterministic() {
        assertArrayEquals(new Shingler(3).shingles("one two three four"), new Shingler(3).shingles("one two three four"));
    }

    @Test
    void shouldRejectAnInvalidSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shingler(0));
        assertEquals("shingle size must be between 1 and 16 words, was 0", e.getMessage());
    }
}
