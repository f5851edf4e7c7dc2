package io.wirestream.enrichment.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.enrichment.entity.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a knowledge-base entity, one object per line in the bundled resource:
 * {@code {"id":"Q7747","type":"PERSON","name":"Vladimir Putin","names":{"ru":["Путин"]}}}.
 */
public final class KbJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KbJson() {
    }

    public static KbEntity parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
        String id = text(node, "id");
        String type = text(node, "type");
        EntityType entityType;
        try {
            entityType = EntityType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entity " + id + ": type must be one of PERSON, LOCATION, ORGANIZATION, was '" + type + "'", e);
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        JsonNode namesNode = node.path("names");
        namesNode.fieldNames().forEachRemaining(lang -> {
            List<String> list = new ArrayList<>();
            namesNode.get(lang).forEach(n -> list.add(n.asText()));
            names.put(lang, list);
        });
        return new KbEntity(id, entityType, text(node, "name"), names);
    }

    public static String format(KbEntity entity) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", entity.id());
        node.put("type", entity.type().name());
        node.put("name", entity.canonicalName());
        ObjectNode names = node.putObject("names");
        entity.names().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(names.withArray(e.getKey())::add));
        return node.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a string in " + node);
        }
        return value.asText();
    }
}
