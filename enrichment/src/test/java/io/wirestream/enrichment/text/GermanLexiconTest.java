package io.wirestream.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GermanLexiconTest {

    private final GermanLexicon german = GermanLexicon.shared();

    @Test
    void shouldTellCommonNounsFromProperNouns() {
        assertEquals(GermanLexicon.Kind.COMMON, german.kind("Folge"));
        assertEquals(GermanLexicon.Kind.COMMON, german.kind("Einschätzung"));
        assertEquals(GermanLexicon.Kind.PROPER, german.kind("Frankfurt"));
        assertEquals(GermanLexicon.Kind.GIVEN_NAME, german.kind("Christine"));
        assertEquals(GermanLexicon.Kind.ADJECTIVE, german.kind("Europäische"));
    }

    @Test
    void shouldTakeUnlistedCompoundsOfCommonNounsAsCommonNouns() {
        assertEquals(GermanLexicon.Kind.COMMON, german.kind("Notenbank"));
        assertEquals(GermanLexicon.Kind.COMMON, german.kind("Geldpolitik"));
        assertEquals(GermanLexicon.Kind.COMMON, german.kind("EZB-Präsidentin"));
    }

    @Test
    void shouldLeaveForeignNamesUnknown() {
        assertEquals(GermanLexicon.Kind.UNKNOWN, german.kind("Lagarde"));
        assertEquals(GermanLexicon.Kind.UNKNOWN, german.kind("Kourou"));
    }
}
