package io.wirestream.gazetteer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerEntryTest {

    private static final Predicate<String> COMMON = Set.of("help", "national", "savings", "of", "the", "bay")::contains;

    @Test
    void shouldJoinTokensAsNewsTextWritesThem() {
        assertEquals("Alder Bay", GazetteerEntry.join(List.of("Alder", "Bay")));
        assertEquals("Okoro-Lund", GazetteerEntry.join(List.of("Okoro", "-", "Lund")));
        assertEquals("Brandt's", GazetteerEntry.join(List.of("Brandt", "'s")));
    }

    @Test
    void shouldKeepPeoplePlacesOrganisationsAndEventsOnly() {
        assertEquals("PL", GazetteerEntry.kinds(Set.of("14", "11"), 2));
        assertEquals("LO", GazetteerEntry.kinds(Set.of("11", "0"), 1));
        assertEquals("L", GazetteerEntry.kinds(Set.of("6"), 1));
        assertEquals("E", GazetteerEntry.kinds(Set.of("9"), 2));
        // titles of books, films, products and songs, and given names alone, name none of them
        assertEquals("", GazetteerEntry.kinds(Set.of("8", "10", "12", "15", "4"), 1));
        // a job title or a nationality is used as a word, whatever else the source says of it
        assertEquals("", GazetteerEntry.kinds(Set.of("13", "3"), 2));
        assertEquals("", GazetteerEntry.kinds(Set.of("11", "5"), 2));
        // a country is a place, though the source also lists its name as a nationality or a person's
        assertEquals("L", GazetteerEntry.kinds(Set.of("1", "4", "5", "6", "14"), 1));
        // one word that is a given name or surname and a person's or organisation's name: a person
        assertEquals("P", GazetteerEntry.kinds(Set.of("13", "4"), 1));
        assertEquals("P", GazetteerEntry.kinds(Set.of("11", "14", "4"), 1));
        assertEquals("PO", GazetteerEntry.kinds(Set.of("13", "14", "4"), 2));
    }

    @Test
    void shouldDropNamesThatWouldBeTakenFromOrdinaryWords() {
        assertTrue(GazetteerEntry.kept("Okoro", COMMON));
        assertTrue(GazetteerEntry.kept("Alder Bay", COMMON));
        assertTrue(GazetteerEntry.kept("Bank of Alder", COMMON));
        assertFalse(GazetteerEntry.kept("Help", COMMON), "an ordinary word");
        assertFalse(GazetteerEntry.kept("National Savings", COMMON), "ordinary words only");
        assertFalse(GazetteerEntry.kept("okoro", COMMON), "not capitalised");
        assertFalse(GazetteerEntry.kept("Alder of", COMMON), "last word not capitalised");
        assertFalse(GazetteerEntry.kept("Alder , Bay", COMMON), "punctuation");
        assertFalse(GazetteerEntry.kept("Route 00", COMMON), "a digit");
        assertFalse(GazetteerEntry.kept("X", COMMON), "one letter");
    }

    @Test
    void shouldUniteKindsInTheirOrder() {
        assertEquals("PLO", GazetteerCompiler.union("O", "PL"));
    }
}
