package io.wirestream.dedup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.dedup.DedupParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the production detector ({@link DedupParameters#DEFAULTS}) on the labelled
 * set. Prints the figures; fails below precision 0.98 or recall 0.95, and on any same-topic,
 * other-topic or translation pair marked duplicate.
 */
class NearDuplicateEvaluationTest {

    private static final List<String> MUST_STAY_DISTINCT = List.of("translation", "same-topic", "same-topic-debris",
            "same-topic-shared-paragraph", "same-topic-other-language", "other-topic");

    /** Short copies that must be found: retyped ones (exact after normalisation) and edited briefs of three sentences. */
    private static final List<String> SHORT_COPIES_TO_FIND = List.of("short/retyped", "short/brief-edited", "short/brief-dateline");

    private static EvalSet set;
    private static PairEvaluation.Result result;
    private static EvalSet shortSet;
    private static PairEvaluation.Result shortResult;

    @BeforeAll
    static void evaluate() {
        set = EvalSet.load();
        result = PairEvaluation.run(set, DedupParameters.DEFAULTS);
        System.out.println(report(set, result));
        shortSet = EvalSet.loadShortTexts();
        shortResult = PairEvaluation.run(shortSet, DedupParameters.DEFAULTS);
        System.out.println(report(shortSet, shortResult));
    }

    @Test
    void shouldHaveEnoughLabelledPairsInFiveLanguages() {
        assertTrue(set.pairs().size() >= 150, "labelled pairs: " + set.pairs().size());
        assertEquals(List.of("de", "en", "es", "fr", "ru"),
                set.baseArticles().stream().map(EvalArticle::language).distinct().sorted().toList());
    }

    @Test
    void shouldReachPrecisionTarget() {
        assertTrue(result.total().precision() >= 0.98,
                "precision " + result.total().precision() + " below 0.98; errors: " + result.errors());
    }

    @Test
    void shouldReachRecallTarget() {
        assertTrue(result.total().recall() >= 0.95,
                "recall " + result.total().recall() + " below 0.95; errors: " + result.errors());
    }

    @Test
    void shouldNeverMarkSameTopicOrTranslationPairsAsDuplicates() {
        Map<String, Integer> falsePositives = result.byCategory().entrySet().stream()
                .filter(e -> MUST_STAY_DISTINCT.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().falsePositives()));
        Map<String, Integer> none = MUST_STAY_DISTINCT.stream().collect(Collectors.toMap(c -> c, c -> 0));
        assertEquals(none, falsePositives);
    }

    @Test
    void shouldCoverShortTextsInScriptsWithAndWithoutSpaces() {
        assertTrue(shortSet.pairs().size() >= 40, "short pairs: " + shortSet.pairs().size());
        assertEquals(List.of("ar", "de", "el", "en", "es", "fr", "ja", "ko", "ru", "th", "zh"),
                shortSet.baseArticles().stream().map(EvalArticle::language).distinct().sorted().toList());
    }

    @Test
    void shouldNeverMarkDistinctShortTextsAsDuplicates() {
        assertEquals(List.of(), shortResult.errors().stream().filter(e -> e.startsWith("false positive")).toList());
    }

    @Test
    void shouldFindRetypedShortTextsAndEditedBriefs() {
        Map<String, Integer> missed = shortResult.byCategory().entrySet().stream()
                .filter(e -> SHORT_COPIES_TO_FIND.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().falseNegatives()));
        Map<String, Integer> none = SHORT_COPIES_TO_FIND.stream().collect(Collectors.toMap(c -> c, c -> 0));
        assertEquals(none, missed, "errors: " + shortResult.errors());
    }

    static String report(EvalSet set, PairEvaluation.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("near-duplicate evaluation, %d pairs, parameters %s%n", set.pairs().size(), DedupParameters.DEFAULTS));
        sb.append(String.format("%-30s %5s %5s %5s %5s%n", "category", "TP", "FP", "FN", "TN"));
        r.byCategory().forEach((category, c) -> sb.append(String.format("%-30s %5d %5d %5d %5d%n",
                category, c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives())));
        PairEvaluation.Counts t = r.total();
        sb.append(String.format("TOTAL precision=%.4f recall=%.4f (TP=%d FP=%d FN=%d TN=%d)%n",
                t.precision(), t.recall(), t.truePositives(), t.falsePositives(), t.falseNegatives(), t.trueNegatives()));
        r.errors().forEach(e -> sb.append("  ").append(e).append('\n'));
        return sb.toString();
    }
}
