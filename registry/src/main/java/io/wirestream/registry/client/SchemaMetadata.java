package io.wirestream.registry.client;

import org.apache.avro.Schema;

import java.util.Objects;

/** One registered version of a subject: its global schema id, its version number within the subject, the schema. */
public record SchemaMetadata(int id, int version, String subject, Schema schema) {
    public SchemaMetadata {
        if (id < 0) {
            throw new IllegalArgumentException("schema id must be >= 0, was " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
