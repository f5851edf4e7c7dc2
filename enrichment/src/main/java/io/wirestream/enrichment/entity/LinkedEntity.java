package io.wirestream.enrichment.entity;

import java.util.List;
import java.util.Objects;

/**
 * An entity named in a text, with every mention of it.
 *
 * @param id            Wikidata id for knowledge-base entities, otherwise {@code ws:} and the
 *                      normalised Latin transliteration of the name ({@link NameIds})
 * @param inKnowledgeBase true when the id and name come from the knowledge base
 * @param salience      share of the text's attention the entity gets, 0..1 (mentions, weighted up
 *                      near the start); the saliences of one text add up to 1
 */
public record LinkedEntity(String id, EntityType type, String canonicalName, boolean inKnowledgeBase,
                           double salience, List<Mention> mentions) {

    public LinkedEntity {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(canonicalName, "canonicalName must not be null");
        if (!(salience >= 0.0 && salience <= 1.0)) {
            throw new IllegalArgumentException("salience must be in [0, 1], was " + salience + " (entity " + id + ")");
        }
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("an entity needs at least one mention (entity " + id + ")");
        }
        mentions = List.copyOf(mentions);
    }
}
