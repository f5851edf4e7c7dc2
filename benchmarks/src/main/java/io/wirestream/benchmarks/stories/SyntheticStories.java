package io.wirestream.benchmarks.stories;

import io.wirestream.stories.ArticleEvidence;
import io.wirestream.stories.ArticleEvidence.EntityEvidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Articles of made-up stories for the story linking benchmarks. Story {@code n} has one of 200 common entities
 * (countries, leaders: held by thousands of stories), two entities of its own (one of them an unlinked name), a
 * number and four headline terms from a 20,000-word vocabulary, in one of five languages; the same {@code n}
 * always gives the same story.
 */
final class SyntheticStories {
    private static final String[] LANGUAGES = {"en", "ru", "de", "fr", "es"};

    private SyntheticStories() {
    }

    /**
     * An article of story {@code n} at {@code time}: with all its evidence, or, when {@code sameAsStory}, a later
     * report sharing its entities, its number and two of its terms.
     */
    static ArticleEvidence article(String id, int n, boolean sameAsStory, long time) {
        Random r = new Random(n);
        String language = LANGUAGES[n % LANGUAGES.length];
        EntityEvidence common = new EntityEvidence("Q" + r.nextInt(200), "common", 0.4);
        EntityEvidence own1 = new EntityEvidence("Q" + (1_000_000 + 2 * n), "own", 0.3);
        EntityEvidence own2 = new EntityEvidence("ws:name-" + n, "own", 0.2);
        LinkedHashSet<String> words = new LinkedHashSet<>();
        while (words.size() < 4) {
            words.add("w" + r.nextInt(20_000));
        }
        Set<String> terms = Set.copyOf(words);
        if (sameAsStory) {
            List<String> shared = new ArrayList<>(words).subList(0, 2);
            return new ArticleEvidence(id, language, time, "", List.of(common, own1, own2), Set.of(String.valueOf(n)), Set.of(), Set.copyOf(shared));
        }
        return new ArticleEvidence(id, language, time, "", List.of(common, own1, own2), Set.of(String.valueOf(n)), Set.of(), terms);
    }
}
