package io.wirestream.enrichment.eval;

import io.wirestream.enrichment.eval.LanguageScore.Prediction;
import io.wirestream.enrichment.eval.LanguageScore.Tally;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageScoreTest {

    private static final Map<String, String> GOLD = new LinkedHashMap<>();
    private static final Map<String, Prediction> PREDICTED = Map.of(
        "a_1", new Prediction("en", 0.9),
        "a_2", new Prediction("eng", 0.6),
        "a_4", new Prediction("ru-RU", 0.3),
        "a_5", new Prediction("hr", 0.97));

    static {
        GOLD.put("a_1", "en");
        GOLD.put("a_2", "en");
        GOLD.put("a_3", "ru");
        GOLD.put("a_4", "ru");
        GOLD.put("a_5", "sr");
    }

    @Test
    void shouldScoreTheDevHalfOnEvenNumbers() {
        LanguageScore dev = LanguageScore.score(GOLD, PREDICTED, Split.DEV);
        assertEquals(new Tally(2, 2), dev.overall());
        assertEquals(2, dev.returned());
        assertEquals(List.of(), dev.confusions());
    }

    @Test
    void shouldCountADocumentThatDidNotComeBackAsAMiss() {
        LanguageScore test = LanguageScore.score(GOLD, PREDICTED, Split.TEST);
        assertEquals(new Tally(3, 1), test.overall());
        assertEquals(2, test.returned());
        assertEquals(List.of(Map.entry("ru -> <none>", 1), Map.entry("sr -> hr", 1)), test.confusions());
        assertEquals(new Tally(1, 0), test.byLanguage().get("sr"));
        assertEquals(List.of("a_3", "a_5"), test.wrongDocuments());
    }

    @Test
    void shouldTallyAccuracyByConfidenceBand() {
        LanguageScore all = LanguageScore.score(GOLD, PREDICTED, Split.ALL);
        assertEquals(new Tally(1, 0), all.byBand().get(0.95));
        assertEquals(new Tally(1, 1), all.byBand().get(0.8));
        assertEquals(new Tally(1, 1), all.byBand().get(0.5));
        assertEquals(new Tally(1, 1), all.byBand().get(0.2));
        assertEquals(new Tally(0, 0), all.byBand().get(0.0));
    }

    @Test
    void shouldNormaliseCodesLikeTheReferenceScorer() {
        assertEquals("zh", LanguageScore.normalise("zh-Hant"));
        assertEquals("ru", LanguageScore.normalise("rus"));
        assertEquals("sr", LanguageScore.normalise("sr_Latn"));
        assertEquals("fa", LanguageScore.normalise("pes"));
        assertEquals("de", LanguageScore.normalise("ger"));
        assertEquals(LanguageScore.NONE, LanguageScore.normalise(" "));
    }
}
