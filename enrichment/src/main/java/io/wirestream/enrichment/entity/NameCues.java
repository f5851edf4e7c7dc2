package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Morphology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cue words for names the knowledge base does not know, read from the bundled
 * {@code name-cues-v2.txt} and held as match keys ({@link Morphology#keys}).
 */
public final class NameCues {

    /** The sections of the cue file. */
    public enum Kind { PERSON_TITLE, ORG_WORD, CONNECTOR, PLACE_PREPOSITION, PLACE_WORD, SPEECH_VERB, PERSON_RELATIVE, GIVEN_NAME }

    private static final String RESOURCE = "/io/wirestream/enrichment/name-cues-v2.txt";

    private final Map<Kind, Set<String>> keys;
    private final Morphology morphology;
    // word as written -> bit set of the kinds it is a cue of (bit = Kind.ordinal()): one look-up per word
    // instead of one keys computation per kind asked. Cleared whole when full, like Morphology's caches.
    private static final int CACHE_LIMIT = 100_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> kindsByWord = new java.util.concurrent.ConcurrentHashMap<>();

    private NameCues(Map<Kind, Set<String>> keys, Morphology morphology) {
        this.keys = keys;
        this.morphology = morphology;
    }

    public static NameCues bundled(Morphology morphology) {
        Map<Kind, Set<String>> keys = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            keys.put(k, new HashSet<>());
        }
        try (InputStream in = NameCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("name cue resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Kind section = null;
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    section = Kind.valueOf(line.substring(1, line.length() - 1).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
                    continue;
                }
                if (section == null) {
                    throw new IllegalStateException(RESOURCE + ": words before the first [section]: " + line);
                }
                for (String word : line.split("\\s+")) {
                    // connectors and prepositions are matched as written: lemmas would merge «в» with other words
                    keys.get(section).add(section == Kind.CONNECTOR || section == Kind.PLACE_PREPOSITION
                            ? word : morphology.keys(word).get(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new NameCues(keys, morphology);
    }

    /** Whether {@code word} is a cue of this kind. */
    public boolean is(Kind kind, String word) {
        Integer kinds = kindsByWord.get(word);
        if (kinds == null) {
            kinds = kinds(word);
            if (kindsByWord.size() >= CACHE_LIMIT) {
                kindsByWord.clear();
            }
            kindsByWord.put(word, kinds);
        }
        return (kinds & (1 << kind.ordinal())) != 0;
    }

    private int kinds(String word) {
        int kinds = 0;
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        List<String> wordKeys = morphology.keys(word);
        for (Kind kind : Kind.values()) {
            Set<String> set = keys.get(kind);
            boolean cue;
            if (kind == Kind.CONNECTOR || kind == Kind.PLACE_PREPOSITION) {
                cue = set.contains(lower);
            } else {
                cue = false;
                for (String k : wordKeys) {
                    cue |= set.contains(k);
                }
            }
            if (cue) {
                kinds |= 1 << kind.ordinal();
            }
        }
        return kinds;
    }
}
