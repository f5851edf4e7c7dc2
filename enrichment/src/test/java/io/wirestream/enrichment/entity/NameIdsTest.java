package io.wirestream.enrichment.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NameIdsTest {

    @Test
    void shouldFoldRomanisationDifferences() {
        assertEquals("ws:azer-garaev", NameIds.idFor("Азер Гараев"));
        assertEquals("ws:azer-garaev", NameIds.idFor("Azer Garayev"));
        assertEquals("ws:ilham-aliev", NameIds.idFor("Ильхам Алиев"));
        assertEquals("ws:ilham-aliev", NameIds.idFor("Ilham Aliyev"));
        assertEquals("ws:zelensky", NameIds.idFor("Зеленский"));
        assertEquals("ws:zelensky", NameIds.idFor("Zelensky"));
    }

    @Test
    void shouldRejectNamesWithoutLetters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NameIds.idFor("«—»"));
        assertEquals("name has no letters or digits to build an id from: '«—»'", e.getMessage());
    }

    @Test
    void shouldGiveAnIdToLettersThatRomaniseToNothing() {
        // «Ъ» (a newspaper cited by its letter) has a letter but no Latin form
        assertEquals("ws:u42a", NameIds.idFor("Ъ"));
    }

    @Test
    void shouldDropTheMiddleDotBgnPutsBetweenTAndS() {
        assertEquals("Aziatskiy bank", NameIds.latin("Азиатский банк"));
        assertEquals("ws:aziatsky-bank", NameIds.idFor("Азиатский банк"));
    }
}
