package io.wirestream.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON keys and values of the journal topic. The key identifies what an entry is about (a subject's
 * version, or a subject's or the global config), so compaction keeps the last value of each:
 * <pre>
 * key   {"keytype":"SCHEMA","subject":"news.raw-value","version":2}
 * value {"subject":"news.raw-value","version":2,"id":7,"schema":"{...}"}
 * key   {"keytype":"CONFIG","subject":null}
 * value {"compatibilityLevel":"FULL"}
 * </pre>
 * Keys are written with a fixed field order so equal keys are equal bytes, which compaction requires.
 */
public final class RegistryEntryCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] key(RegistryEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof RegistryEntry.SchemaEntry s) {
            key.put("keytype", "SCHEMA").put("subject", s.subject()).put("version", s.version());
        } else if (entry instanceof RegistryEntry.ConfigEntry c) {
            key.put("keytype", "CONFIG").put("subject", c.subject());
        }
        return bytes(key);
    }

    public byte[] value(RegistryEntry entry) {
        ObjectNode value = JSON.createObjectNode();
        if (entry instanceof RegistryEntry.SchemaEntry s) {
            value.put("subject", s.subject()).put("version", s.version()).put("id", s.id()).put("schema", s.schema());
        } else if (entry instanceof RegistryEntry.ConfigEntry c) {
            value.put("compatibilityLevel", c.level().name());
        }
        return bytes(value);
    }

    /**
     * The entry of a journal record, or empty for a record this version does not know (a newer key type)
     * or a tombstone.
     *
     * @throws IllegalArgumentException when a known record is malformed
     */
    public Optional<RegistryEntry> decode(byte[] key, byte[] value) {
        if (key == null || value == null) {
            return Optional.empty();
        }
        JsonNode k = tree(key);
        JsonNode v = tree(value);
        String type = k.path("keytype").asText("");
        switch (type) {
            case "SCHEMA":
                return Optional.of(new RegistryEntry.SchemaEntry(text(v, "subject"), v.path("version").asInt(-1),
                    v.path("id").asInt(-1), text(v, "schema")));
            case "CONFIG":
                JsonNode subject = k.get("subject");
                String level = text(v, "compatibilityLevel");
                return Optional.of(new RegistryEntry.ConfigEntry(subject == null || subject.isNull() ? null : subject.asText(),
                    CompatibilityLevel.parse(level).orElseThrow(() ->
                        new IllegalArgumentException("unknown compatibility level '" + level + "' in journal record"))));
            default:
                return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("journal record " + node + " lacks the text field '" + field + "'");
        }
        return n.asText();
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("journal record is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
