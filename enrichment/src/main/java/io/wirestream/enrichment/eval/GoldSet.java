package io.wirestream.enrichment.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The answers of an evaluation set, read from its {@code gold.json}: a JSON object from document id
 * (the article's file name without {@code .txt}) to either a language code ({@link Task#LANG}) or a list of
 * {@code [type, surface]} pairs ({@link Task#NER}).
 */
public final class GoldSet {

    public enum Task { NER, LANG }

    private final Task task;
    private final Map<String, String> languages;
    private final Map<String, Set<Mention>> mentions;

    private GoldSet(Task task, Map<String, String> languages, Map<String, Set<Mention>> mentions) {
        this.task = task;
        this.languages = languages;
        this.mentions = mentions;
    }

    /** Reads {@code file}; the task is inferred from the first answer's shape. */
    public static GoldSet read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected a non-empty JSON object from document id to answer");
        }
        Task task = root.elements().next().isTextual() ? Task.LANG : Task.NER;
        Map<String, String> languages = new LinkedHashMap<>();
        Map<String, Set<Mention>> mentions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (task == Task.LANG) {
                if (!v.isTextual()) {
                    throw new IllegalArgumentException(file + ": document " + e.getKey() + ": expected a language code, found " + v);
                }
                languages.put(e.getKey(), LanguageScore.normalise(v.asText()));
            } else {
                if (!v.isArray()) {
                    throw new IllegalArgumentException(file + ": document " + e.getKey() + ": expected a list of [type, surface], found " + v);
                }
                Set<Mention> set = new LinkedHashSet<>();
                for (JsonNode pair : v) {
                    Mention m = pair.isArray() && pair.size() == 2 ? Mention.of(pair.get(0).asText(), pair.get(1).asText()) : null;
                    if (m == null) {
                        throw new IllegalArgumentException(file + ": document " + e.getKey() + ": not a [PER|LOC|ORG, surface] pair: " + pair);
                    }
                    set.add(m);
                }
                mentions.put(e.getKey(), set);
            }
        }
        return new GoldSet(task, languages, mentions);
    }

    public Task task() {
        return task;
    }

    /** Gold language per document (LANG sets), in file order. */
    public Map<String, String> languages() {
        return languages;
    }

    /** Gold (type, surface) pairs per document (NER sets), in file order. */
    public Map<String, Set<Mention>> mentions() {
        return mentions;
    }

    public Set<String> documentIds() {
        return task == Task.LANG ? languages.keySet() : mentions.keySet();
    }

    /** The document id of an article's origin (a file name or path; {@code .txt} dropped). */
    public static String documentId(String origin) {
        String base = origin.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.endsWith(".txt") ? base.substring(0, base.length() - 4) : base;
    }

    /** A surface as both sides are compared: NFC, lower case, runs of white space as one space, trimmed. */
    public static String normaliseSurface(String surface) {
        return Normalizer.normalize(surface, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** One (type, surface) pair; type is PER, LOC or ORG, surface normalised. */
    public record Mention(String type, String surface) {

        /**
         * The pair for an entity type as the pipeline or gold writes it (PERSON/PER, LOCATION/LOC,
         * ORGANIZATION/ORGANISATION/ORG, any case), or null for other types.
         */
        public static Mention of(String type, String surface) {
            String t = switch (type.toUpperCase(java.util.Locale.ROOT)) {
                case "PERSON", "PER" -> "PER";
                case "LOCATION", "LOC" -> "LOC";
                case "ORGANIZATION", "ORGANISATION", "ORG" -> "ORG";
                default -> null;
            };
            return t == null || surface == null || surface.isBlank() ? null : new Mention(t, normaliseSurface(surface));
        }
    }
}
