package io.wirestream.enrichment.kb;

import io.wirestream.enrichment.entity.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the JRC-Names entity list (European Commission Joint Research Centre): one name variant per
 * line, {@code ID<TAB>TYPE<TAB>LANGUAGE<TAB>NAME}, where TYPE is {@code P} (person) or {@code O}
 * (organisation), LANGUAGE an ISO 639-1 code or {@code u} (used in many languages), and the words
 * of NAME are joined by {@code +}. Lines of one entity are consecutive, as in the published file,
 * so entities are streamed out one by one and a file of millions of names needs no more memory
 * than its largest entity.
 *
 * <p>Entities get the id {@code ws:jrc-<ID>}; their canonical name is the first name marked
 * {@code u}, else the first English one, else the first.
 */
public final class JrcNamesParser {

    /** What a parse read. */
    public record Counts(long entities, long names, long skippedLines) {
    }

    private JrcNamesParser() {
    }

    public static Counts parse(Reader input, Consumer<KbEntity> sink) throws IOException {
        BufferedReader reader = input instanceof BufferedReader b ? b : new BufferedReader(input);
        String currentId = null;
        EntityType currentType = null;
        Map<String, List<String>> names = new LinkedHashMap<>();
        long entities = 0;
        long nameCount = 0;
        long skipped = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4 || !f[0].matches("[0-9]+")) {
                skipped++;
                continue;
            }
            EntityType type = switch (f[1]) {
                case "P" -> EntityType.PERSON;
                case "O" -> EntityType.ORGANIZATION;
                default -> null;
            };
            if (type == null) {
                skipped++;
                continue;
            }
            if (!f[0].equals(currentId)) {
                if (currentId != null) {
                    sink.accept(entity(currentId, currentType, names));
                    entities++;
                }
                currentId = f[0];
                currentType = type;
                names = new LinkedHashMap<>();
            }
            String lang = f[2].equals("u") ? "*" : f[2];
            if (!lang.equals("*") && !lang.matches("[a-z]{2,3}")) {
                skipped++;
                continue;
            }
            names.computeIfAbsent(lang, k -> new ArrayList<>()).add(f[3].replace('+', ' ').strip());
            nameCount++;
        }
        if (currentId != null) {
            sink.accept(entity(currentId, currentType, names));
            entities++;
        }
        return new Counts(entities, nameCount, skipped);
    }

    private static KbEntity entity(String id, EntityType type, Map<String, List<String>> names) {
        List<String> preferred = names.getOrDefault("*", names.getOrDefault("en", names.values().iterator().next()));
        return new KbEntity("ws:jrc-" + id, type, preferred.get(0), names);
    }
}
