package io.wirestream.enrichment.kb;

import io.wirestream.enrichment.entity.EntityType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A known entity: its canonical id, type, canonical (English where known) name, and the names it
 * goes by, per language (ISO 639-1 code, or {@code "*"} for names used across languages).
 *
 * @param id            a Wikidata id ({@code Q} and digits) or a Wirestream id ({@code ws:} and a
 *                      normalised Latin name)
 * @param names         names and aliases per language; the canonical name need not be repeated
 */
public record KbEntity(String id, EntityType type, String canonicalName, Map<String, List<String>> names) {

    private static final Pattern ID = Pattern.compile("Q[1-9][0-9]*|ws:[a-z0-9][a-z0-9-]*");

    public KbEntity {
        Objects.requireNonNull(id, "id must not be null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be a Wikidata id (Q123) or ws:lower-case-latin, was '" + id + "'");
        }
        Objects.requireNonNull(type, "type must not be null (entity " + id + ")");
        Objects.requireNonNull(canonicalName, "canonicalName must not be null (entity " + id + ")");
        if (canonicalName.isBlank()) {
            throw new IllegalArgumentException("canonicalName must not be blank (entity " + id + ")");
        }
        Objects.requireNonNull(names, "names must not be null (entity " + id + ")");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        names.forEach((lang, list) -> {
            if (!lang.equals("*") && !lang.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("name language must be an ISO 639 code or '*', was '" + lang + "' (entity " + id + ")");
            }
            copy.put(lang, List.copyOf(list));
        });
        names = Map.copyOf(copy);
    }

    /** Every name of the entity, the canonical name first, without repeats. */
    public List<String> allNames() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(canonicalName);
        names.values().forEach(all::addAll);
        all.removeIf(String::isBlank);
        return List.copyOf(all);
    }

    /** A copy with the names of {@code other} added (same id, type and canonical name as this). */
    public KbEntity withNamesOf(KbEntity other) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        names.forEach((k, v) -> merged.put(k, new java.util.ArrayList<>(v)));
        other.names.forEach((k, v) -> {
            List<String> list = merged.computeIfAbsent(k, x -> new java.util.ArrayList<>());
            v.stream().filter(n -> !list.contains(n)).forEach(list::add);
        });
        return new KbEntity(id, type, canonicalName, merged);
    }
}
