package io.wirestream.enrichment.entity;

/** What kind of thing a named entity is. */
public enum EntityType {
    PERSON,
    LOCATION,
    ORGANIZATION
}
