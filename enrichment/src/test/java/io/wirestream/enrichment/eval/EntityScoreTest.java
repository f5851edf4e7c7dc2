package io.wirestream.enrichment.eval;

import io.wirestream.enrichment.eval.EntityScore.Counts;
import io.wirestream.enrichment.eval.GoldSet.Mention;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntityScoreTest {

    private static final Map<String, Set<Mention>> GOLD = new LinkedHashMap<>();
    private static final Map<String, Set<Mention>> PREDICTED = Map.of(
        "d_1", Set.of(Mention.of("PERSON", "ana  Novak"), Mention.of("ORGANIZATION", "Zagreb")),
        "d_2", Set.of(Mention.of("ORG", "Acme"), Mention.of("LOCATION", "Paris")));

    static {
        GOLD.put("d_1", Set.of(Mention.of("PER", "Ana Novak"), Mention.of("LOC", "Zagreb")));
        GOLD.put("d_2", Set.of(Mention.of("ORG", "Acme")));
        GOLD.put("d_3", Set.of(Mention.of("LOC", "Lyon")));
    }

    @Test
    void shouldScoreMicroPerTypeAllAndAnyType() {
        EntityScore all = EntityScore.score(GOLD, PREDICTED, Split.ALL);
        assertEquals(new Counts(1, 0, 0), all.rows().get("PER"));
        assertEquals(new Counts(0, 1, 2), all.rows().get("LOC"));
        assertEquals(new Counts(1, 1, 0), all.rows().get("ORG"));
        assertEquals(new Counts(2, 2, 2), all.rows().get("ALL"));
        assertEquals(0.5, all.rows().get("ALL").f1(), 1e-9);
        // Zagreb typed ORG instead of LOC is right on surfaces alone
        assertEquals(new Counts(3, 1, 1), all.rows().get("ANY-TYPE"));
        assertEquals(0.75, all.rows().get("ANY-TYPE").precision(), 1e-9);
        assertEquals(2, all.returned());
        assertEquals(3, all.documents());
    }

    @Test
    void shouldSplitByDocumentNumberAndCountMissingDocumentsAsMissed() {
        EntityScore dev = EntityScore.score(GOLD, PREDICTED, Split.DEV);
        assertEquals(new Counts(1, 1, 0), dev.rows().get("ALL"));
        EntityScore test = EntityScore.score(GOLD, PREDICTED, Split.TEST);
        assertEquals(new Counts(1, 1, 2), test.rows().get("ALL"));
        assertEquals(1, test.returned());
        assertEquals(2, test.documents());
    }

    @Test
    void shouldIgnoreOtherTypesAndNormaliseSurfaces() {
        assertEquals(null, Mention.of("OTHER", "Nobel Prize"));
        assertEquals(new Mention("LOC", "café de flore"), Mention.of("location", " Cafe\u0301\tde\n Flore "));
    }

    @Test
    void shouldTellHalvesByTheTrailingNumber() {
        assertEquals(true, Split.DEV.contains("ner_ru_0042"));
        assertEquals(true, Split.TEST.contains("lang_be_007"));
        assertEquals(false, Split.DEV.contains("lang_be_007"));
        assertEquals(false, Split.TEST.contains("notes"));
        assertEquals(true, Split.ALL.contains("notes"));
    }
}
