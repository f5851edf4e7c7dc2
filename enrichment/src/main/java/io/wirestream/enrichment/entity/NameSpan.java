package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KbEntity;

/**
 * A run of words taken as one name: tokens {@code from} (inclusive) to {@code to} (exclusive).
 *
 * @param known the knowledge-base entity it names, or null for a name the knowledge base lacks
 * @param type  its type, or null while nothing says what it names
 */
record NameSpan(int from, int to, KbEntity known, EntityType type) {

    NameSpan {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a name spans at least one word, was " + from + ".." + to);
        }
    }

    int words() {
        return to - from;
    }
}
