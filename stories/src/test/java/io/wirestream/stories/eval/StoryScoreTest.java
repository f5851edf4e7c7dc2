package io.wirestream.stories.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirestream.stories.eval.StoryScore.Gold;
import io.wirestream.stories.eval.StoryScore.Result;
import io.wirestream.stories.eval.StoryScore.View;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryScoreTest {
    // gold: A = {en1, ru1, en2}, B = {ru2}
    private static final Map<String, Gold> GOLD = Map.of(
            "en1", new Gold("A", "en"), "ru1", new Gold("A", "ru"), "en2", new Gold("A", "en"), "ru2", new Gold("B", "ru"));

    @Test
    void shouldScoreAPerfectAssignmentOne() {
        Map<String, String> predicted = Map.of("en1", "s1", "ru1", "s1", "en2", "s1", "ru2", "s2");
        for (View v : View.values()) {
            Result r = StoryScore.score(GOLD, predicted, d -> true, v);
            assertEquals(1.0, r.bcubed().f1(), v.name());
            assertEquals(1.0, r.pairwise().f1(), v.name());
        }
    }

    @Test
    void shouldCountAWrongMergeAgainstPrecisionAndAMissedLinkAgainstRecall() {
        // ru1 wrongly with ru2, apart from the English
        Map<String, String> predicted = Map.of("en1", "s1", "en2", "s1", "ru1", "s2", "ru2", "s2");
        Result all = StoryScore.score(GOLD, predicted, d -> true, View.ALL);
        // pairs: gold {en1-ru1, en1-en2, en2-ru1}, predicted {en1-en2, ru1-ru2}: tp 1
        assertEquals(0.5, all.pairwise().precision());
        assertEquals(1 / 3.0, all.pairwise().recall(), 1e-9);
        // B-cubed precision: en1 1, en2 1, ru1 1/2, ru2 1/2; recall: en1 2/3, en2 2/3, ru1 1/3, ru2 1
        assertEquals(0.75, all.bcubed().precision(), 1e-9);
        assertEquals((2 / 3.0 + 2 / 3.0 + 1 / 3.0 + 1) / 4, all.bcubed().recall(), 1e-9);

        Result within = StoryScore.score(GOLD, predicted, d -> true, View.WITHIN);
        // within Russian, ru1 and ru2 were put together against gold
        assertEquals(0.5, within.pairwise().precision());
        assertEquals(1.0, within.pairwise().recall());

        Result cross = StoryScore.score(GOLD, predicted, d -> true, View.RU_EN);
        // no Russian document is with an English one: nothing claimed, every cross-language link missed
        assertEquals(0, cross.pairwise().precisionItems());
        assertEquals(2, cross.pairwise().recallItems());
        assertEquals(0.0, cross.pairwise().recall());
        assertEquals(0.0, cross.bcubed().recall());
    }

    @Test
    void shouldScoreOnlyTheDocumentsOfTheHalfAndCountAMissingDocumentAsItsOwnStory() {
        Map<String, String> predicted = Map.of("en1", "s1", "ru1", "s1");
        Result r = StoryScore.score(GOLD, predicted, d -> !d.equals("ru2"), View.ALL);
        assertEquals(3, r.documents());
        assertEquals(1.0, r.bcubed().precision());
        assertEquals((2 / 3.0 + 2 / 3.0 + 1 / 3.0) / 3, r.bcubed().recall(), 1e-9);
    }
}
