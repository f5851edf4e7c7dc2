package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void shouldFoldCaseAndCollapsePunctuationAndWhitespace() {
        assertEquals("the mayor said it s fine", normalizer.normalize("  The Mayor said: \u201cIt\u2019s  fine!\u201d\n"));
    }

    @Test
    void shouldApplyCompatibilityFormsAndFullCaseFolding() {
        assertEquals("strasse fi 12", normalizer.normalize("STRASSE \uFB01 \uFF11\uFF12"));
        assertEquals("strasse", normalizer.normalize("Stra\u00DFe"));
    }

    @Test
    void shouldKeepCyrillicAndAccentedLetters() {
        assertEquals("мэр йонас веллер сказал café", normalizer.normalize("Мэр Йонас Веллер — сказал: «Café»."));
    }

    @Test
    void shouldTreatNoBreakSpacesAndDashesAsSeparators() {
        assertEquals(normalizer.normalize("one two - three"), normalizer.normalize("one\u00a0two \u2013 three"));
    }

    @Test
    void shouldReturnEmptyForTextWithoutWords() {
        assertEquals("", normalizer.normalize(" ... \u2014 !!! "));
        assertEquals("", normalizer.normalize(null));
    }
}
