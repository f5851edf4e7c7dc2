package io.wirestream.enrichment.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.enrichment.entity.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Wikidata's JSON dump ({@code latest-all.json}): a JSON array written one entity per line
 * (lines {@code [} and {@code ]} around, a comma after each entity). Each item whose "instance of"
 * (P31) is a known person, place or organisation class becomes a {@link KbEntity} with its labels
 * and aliases in every language that has an ISO 639-1 code; other items are skipped. Streams, so
 * the full dump (over 100 million lines) can be read with a small heap.
 *
 * <p>The class lists cover the common direct classes only (human; country, state, city, capital,
 * settlement, region; organisation, company, party, news agency, agency, university, international
 * organisation); an item that is an instance of a subclass is skipped.
 */
public final class WikidataDumpParser {

    /** What a parse read. */
    public record Counts(long entities, long skipped) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PERSON = Set.of("Q5");
    private static final Set<String> LOCATION = Set.of("Q6256", "Q3624078", "Q7275", "Q515", "Q5119", "Q1549591",
            "Q486972", "Q35657", "Q107390", "Q82794", "Q1637706", "Q200250");
    private static final Set<String> ORGANIZATION = Set.of("Q43229", "Q4830453", "Q783794", "Q891723", "Q7278",
            "Q192283", "Q327333", "Q2659904", "Q484652", "Q3918", "Q163740", "Q1331793", "Q11032");

    private WikidataDumpParser() {
    }

    public static Counts parse(Reader input, Consumer<KbEntity> sink) throws IOException {
        BufferedReader reader = input instanceof BufferedReader b ? b : new BufferedReader(input);
        long entities = 0;
        long skipped = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            String json = line.strip();
            if (json.endsWith(",")) {
                json = json.substring(0, json.length() - 1);
            }
            if (json.isEmpty() || json.equals("[") || json.equals("]")) {
                continue;
            }
            KbEntity e = entity(MAPPER.readTree(json));
            if (e == null) {
                skipped++;
            } else {
                sink.accept(e);
                entities++;
            }
        }
        return new Counts(entities, skipped);
    }

    /** The entity an item describes, or null when it is not a person, place or organisation. */
    static KbEntity entity(JsonNode item) {
        String id = item.path("id").asText("");
        if (!id.matches("Q[1-9][0-9]*")) {
            return null;
        }
        EntityType type = null;
        for (JsonNode claim : item.path("claims").path("P31")) {
            String cls = claim.path("mainsnak").path("datavalue").path("value").path("id").asText("");
            if (PERSON.contains(cls)) {
                type = EntityType.PERSON;
            } else if (LOCATION.contains(cls)) {
                type = EntityType.LOCATION;
            } else if (ORGANIZATION.contains(cls)) {
                type = EntityType.ORGANIZATION;
            }
            if (type != null) {
                break;
            }
        }
        if (type == null) {
            return null;
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        item.path("labels").fields().forEachRemaining(e -> add(names, e.getKey(), e.getValue().path("value").asText("")));
        item.path("aliases").fields().forEachRemaining(e -> e.getValue().forEach(a -> add(names, e.getKey(), a.path("value").asText(""))));
        if (names.isEmpty()) {
            return null;
        }
        String canonical = item.path("labels").path("en").path("value").asText("");
        if (canonical.isBlank()) {
            canonical = names.values().iterator().next().get(0);
        }
        return new KbEntity(id, type, canonical, names);
    }

    private static void add(Map<String, List<String>> names, String language, String name) {
        if (language.matches("[a-z]{2}") && !name.isBlank()) {
            List<String> list = names.computeIfAbsent(language, k -> new ArrayList<>());
            if (!list.contains(name)) {
                list.add(name);
            }
        }
    }
}
