package io.wirestream.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Trimming a story with {@link KeyTrim} (one pass, the lightest kept in a buffer, only the entities that may have
 * lost their key looked up) leaves the same keys, in the same order and with the same weights, and the same
 * entities as the earlier form (kept here): all keys sorted, then every entity looked up.
 */
class KeyTrimTest {
    /** Ids whose keys collide: two spellings of one unknown name, and a plain id equal to their skeleton key. */
    private static final String[] NAMED = {"ws:magnus-karlsen", "ws:magnus-carlsen", "ws~mgns-krlsn", "ws:hokaydo",
        "ws:hokkaido", "ws:jon-smit", "ws:john-smith", "ws:torvald-jensrud"};
    /** Few distinct weights, so that ties between keys are common. */
    private static final float[] WEIGHTS = {0.5f, 0.6f, 0.75f, 1.0f};

    @Test
    void shouldKeepTheKeysAndEntitiesOfTheFullSort() {
        Random random = new Random(20261203);
        KeyTrim trim = new KeyTrim(StoryLinker::entityKey);
        int trimmed = 0;
        for (int sequence = 0; sequence < 3_000; sequence++) {
            int maxKeys = 8 + random.nextInt(8);
            StoryState incremental = StoryState.start("s" + sequence, 0);
            StoryState full = StoryState.start("s" + sequence, 0);
            for (int step = random.nextInt(30); step > 0; step--) {
                int op = random.nextInt(10);
                if (op == 0) {
                    // the story as the store gives it back: its entities are all checked again at the next trim
                    incremental = StoryCodec.decode(StoryCodec.encode(incremental));
                    continue;
                }
                Map<String, Float> keys = new LinkedHashMap<>();
                if (op == 1) {
                    StoryState other = StoryState.start("o" + sequence + "-" + step, 0);
                    for (int a = 1 + random.nextInt(3); a > 0; a--) {
                        other.addArticle(article(random, keys), 20);
                    }
                    keys.forEach((k, w) -> addKey(other, k, w));
                    incremental.absorb(other, 20);
                    full.absorb(other, 20);
                } else {
                    ArticleEvidence article = article(random, keys);
                    incremental.addArticle(article, 20);
                    full.addArticle(article, 20);
                }
                for (Map.Entry<String, Float> k : keys.entrySet()) {
                    addKey(incremental, k.getKey(), k.getValue());
                    addKey(full, k.getKey(), k.getValue());
                }
                List<String> dropped = trim.trim(incremental, maxKeys);
                assertEquals(fullTrim(full, maxKeys), dropped);
                trimmed += dropped.isEmpty() ? 0 : 1;
                assertEquals(new ArrayList<>(full.keys.entrySet()), new ArrayList<>(incremental.keys.entrySet()), "keys, sequence " + sequence);
                assertEquals(new ArrayList<>(full.entities.values()), new ArrayList<>(incremental.entities.values()),
                        "entities, sequence " + sequence);
            }
        }
        assertTrue(trimmed > 10_000, "trims: " + trimmed);
    }

    @Test
    void shouldRankWeightsAsFloatCompareOrdersThem() {
        float[] special = {-0.0f, 0.0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f};
        Random random = new Random(5);
        for (int n = 0; n < 100_000; n++) {
            float a = random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : (float) random.nextGaussian();
            float b = random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : (float) random.nextGaussian();
            int expected = Integer.signum(Float.compare(a, b));
            assertEquals(expected, Integer.signum(Long.compare(KeyTrim.rank(a, false, 4), KeyTrim.rank(b, false, 4))), a + " against " + b);
            if (expected == 0) {
                assertTrue(KeyTrim.rank(a, false, 7) < KeyTrim.rank(b, true, 3), "not an entity's key first: " + a);
                assertTrue(KeyTrim.rank(a, true, 3) < KeyTrim.rank(b, true, 7), "then the earlier key: " + a);
            }
        }
    }

    /** The earlier form: the lightest keys from a sort of them all, then every entity's key looked up. */
    private static List<String> fullTrim(StoryState story, int maxKeys) {
        int excess = story.keys.size() - maxKeys;
        if (excess <= 0) {
            return List.of();
        }
        List<String> lightest = story.keys.entrySet().stream()
                .sorted(Map.Entry.<String, Float>comparingByValue().thenComparing(e -> e.getKey().startsWith("e:") ? 1 : 0))
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList();
        lightest.forEach(story.keys::remove);
        story.entities.keySet().removeIf(id -> !story.keys.containsKey(StoryLinker.entityKey(id)));
        return lightest;
    }

    /** As the linker adds a key: new keys go last, a known key keeps its place and the heavier weight. */
    private static void addKey(StoryState story, String key, float weight) {
        story.keys.merge(key, weight, Math::max);
    }

    /**
     * An article of random entities (some of which get no key, as entities past the article's top ones) and
     * random keys of other kinds; its keys are added to {@code keys}.
     */
    private static ArticleEvidence article(Random random, Map<String, Float> keys) {
        List<ArticleEvidence.EntityEvidence> entities = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            String id = random.nextBoolean() ? NAMED[random.nextInt(NAMED.length)] : "Q" + random.nextInt(30);
            entities.add(new ArticleEvidence.EntityEvidence(id, "name of " + id, random.nextInt(4) / 2.0));
            if (random.nextInt(10) < 7) {
                keys.merge(StoryLinker.entityKey(id), WEIGHTS[random.nextInt(WEIGHTS.length)], Math::max);
            }
        }
        for (int i = random.nextInt(8); i > 0; i--) {
            String key = switch (random.nextInt(3)) {
                case 0 -> "t:en:w" + random.nextInt(40);
                case 1 -> "n:" + random.nextInt(10);
                default -> "d:0" + random.nextInt(9);
            };
            keys.merge(key, WEIGHTS[random.nextInt(WEIGHTS.length)], Math::max);
        }
        return new ArticleEvidence("a" + random.nextInt(1_000_000), "en", 0, "", entities, Set.of(), Set.of(), Set.of());
    }
}
