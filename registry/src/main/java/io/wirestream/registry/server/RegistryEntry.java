package io.wirestream.registry.server;

import java.util.Objects;

/** One durable change of the registry: what the journal stores and replays. */
public sealed interface RegistryEntry {

    /** Version {@code version} of {@code subject} is the schema with global id {@code id}. */
    record SchemaEntry(String subject, int version, int id, String schema) implements RegistryEntry {
        public SchemaEntry {
            requireSubject(subject);
            if (version < 1) {
                throw new IllegalArgumentException("version of subject '" + subject + "' must be >= 1, was " + version);
            }
            if (id < 1) {
                throw new IllegalArgumentException("schema id of subject '" + subject + "' must be >= 1, was " + id);
            }
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** The compatibility level of {@code subject}, or the global level when {@code subject} is null. */
    record ConfigEntry(String subject, CompatibilityLevel level) implements RegistryEntry {
        public ConfigEntry {
            if (subject != null) {
                requireSubject(subject);
            }
            Objects.requireNonNull(level, "level");
        }
    }

    private static void requireSubject(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("subject must be a non-empty name, was '" + subject + "'");
        }
    }
}
