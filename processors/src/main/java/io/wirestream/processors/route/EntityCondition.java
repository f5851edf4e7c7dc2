package io.wirestream.processors.route;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;

/**
 * An entity an article must name for a route to take it: a canonical entity id (e.g. {@code Q7747}), an entity
 * type, or both, with at least the given salience.
 *
 * @param id          canonical entity id, or null for any id
 * @param type        entity type, or null for any type
 * @param minSalience the least salience (0..1) the entity must have in the article; 0 accepts any mention
 */
public record EntityCondition(String id, EntityType type, double minSalience) {
    public EntityCondition {
        if (id == null && type == null) {
            throw new IllegalArgumentException("an entity condition needs an id, a type or both");
        }
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("entity id must not be blank");
        }
        if (!(minSalience >= 0.0 && minSalience <= 1.0)) {
            throw new IllegalArgumentException("minSalience must be between 0 and 1, was " + minSalience);
        }
    }

    public boolean matches(EnrichedArticle article) {
        for (Entity e : article.getEntities()) {
            if ((id == null || id.equals(e.getId())) && (type == null || type == e.getType())
                && e.getSalience() >= minSalience) {
                return true;
            }
        }
        return false;
    }
}
