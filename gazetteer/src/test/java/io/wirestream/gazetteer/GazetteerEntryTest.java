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
        assertEquals("P", GazetteerEntry.kinds(Set.of("14", "4")));
        assertEquals("LO", GazetteerEntry.kinds(Set.of("11", "0")));
        assertEquals("L", GazetteerEntry.kinds(Set.of("6")));
        assertEquals("E", GazetteerEntry.kinds(Set.of("9")));
        // titles of books, films, products and songs, and given names alone, name none of them
        assertEquals("", GazetteerEntry.kinds(Set.of("8", "10", "12", "15", "4")));
        // a job title or a nationality is used as a word, whatever else the source says of it
        assertEquals("", GazetteerEntry.kinds(Set.of("13", "3")));
        assertEquals("", GazetteerEntry.kinds(Set.of("11", "5")));
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
