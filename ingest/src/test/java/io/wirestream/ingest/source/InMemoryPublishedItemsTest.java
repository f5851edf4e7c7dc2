package io.wirestream.ingest.source;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InMemoryPublishedItemsTest {
    @Test
    void shouldRememberPerSourceAndForgetTheOldestPastTheBound() {
        InMemoryPublishedItems items = new InMemoryPublishedItems(3);
        for (String id : new String[] {"a", "b", "c"}) {
            items.remember("feed1", id);
        }
        assertEquals(true, items.contains("feed1", "a"));
        assertEquals(false, items.contains("feed2", "a"));
        items.remember("feed1", "d");
        assertEquals(false, items.contains("feed1", "a"));
        assertEquals(true, items.contains("feed1", "b"));
        assertEquals(true, items.contains("feed1", "d"));
    }

    @Test
    void shouldTreatARememberedItemAsNewestAgain() {
        BoundedItemSets sets = new BoundedItemSets(2);
        assertEquals(Optional.empty(), sets.add("s", "x"));
        assertEquals(Optional.empty(), sets.add("s", "y"));
        assertEquals(Optional.empty(), sets.add("s", "x"));
        assertEquals(Optional.of("y"), sets.add("s", "z"));
        assertEquals(2, sets.size("s"));
    }
}
