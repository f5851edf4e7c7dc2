package io.wirestream.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryStateTest {

    @Test
    void shouldShowTheTopEntitiesOfTheFullSort() {
        Random random = new Random(11);
        for (int n = 0; n < 2_000; n++) {
            Map<String, StoryState.EntityTotal> entities = new LinkedHashMap<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                String id = "Q" + random.nextInt(60);
                // few distinct sums, so that ties go to the id
                entities.put(id, new StoryState.EntityTotal(id, "name " + id, random.nextInt(6) / 2.0));
            }
            int articles = random.nextInt(5);
            StoryState story = new StoryState("s" + n, 0, 0, 0, articles, Map.of(), Map.of(), entities, List.of(), List.of(), Map.of());
            for (int top : new int[] {0, 1, 3, 10, 50}) {
                assertEquals(fullSort(entities, top, articles), story.topEntities(top), entities + " top " + top);
            }
        }
    }

    /** The earlier form: every entity sorted, then the first {@code n}. */
    private static List<StoryState.EntityTotal> fullSort(Map<String, StoryState.EntityTotal> entities, int n, int articles) {
        int count = Math.max(1, articles);
        return entities.values().stream()
                .sorted(Comparator.comparingDouble(StoryState.EntityTotal::salienceSum).reversed().thenComparing(StoryState.EntityTotal::id))
                .limit(n)
                .map(e -> new StoryState.EntityTotal(e.id(), e.name(), e.salienceSum() / count))
                .toList();
    }
}
