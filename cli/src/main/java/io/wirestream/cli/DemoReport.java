package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.core.TopicNames;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.processors.route.Route;
import io.wirestream.processors.route.Routes;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders what the demo did for a person: one block per raw record, in the order of their origins. */
final class DemoReport {
    private static final int ID_CHARS = 12;
    private static final int MAX_ENTITIES = 8;

    private final TopicNames names;
    private final Routes routes;
    private final List<ObjectNode> records;

    DemoReport(TopicNames names, Routes routes, List<ObjectNode> records) {
        this.names = names;
        this.routes = routes;
        this.records = records;
    }

    void print(PrintWriter out, IngestSummary ingest, String bootstrap, String registry) {
        List<Map.Entry<String, JsonNode>> rawRecords = new ArrayList<>();
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        Map<String, java.util.ArrayDeque<JsonNode>> enriched = new LinkedHashMap<>();
        Map<String, java.util.ArrayDeque<JsonNode>> duplicates = new LinkedHashMap<>();
        List<JsonNode> deadLetters = new ArrayList<>();
        Map<String, JsonNode> deadLettersByKey = new LinkedHashMap<>();
        Map<String, JsonNode> storyStates = new LinkedHashMap<>();
        Map<String, java.util.ArrayDeque<JsonNode>> enrichedForStories = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : List.of(names.raw(), names.enriched(), names.duplicates(), names.deadLetters())) {
            counts.put(t, 0);
        }
        Map<String, List<JsonNode>> routed = new LinkedHashMap<>();
        for (String t : routes.topics()) {
            counts.put(t, 0);
            routed.put(t, new ArrayList<>());
        }
        for (ObjectNode r : records) {
            String topic = r.get("topic").asText();
            counts.merge(topic, 1, Integer::sum);
            JsonNode value = r.get("value");
            String key = r.get("key").isNull() ? null : r.get("key").asText();
            if (topic.equals(names.raw())) {
                raw.putIfAbsent(key, value);
                rawRecords.add(Map.entry(key, value));
            } else if (topic.equals(names.enriched())) {
                enriched.computeIfAbsent(key, k -> new java.util.ArrayDeque<>()).add(value);
                enrichedForStories.computeIfAbsent(key, k -> new java.util.ArrayDeque<>()).add(value);
            } else if (routed.containsKey(topic)) {
                routed.get(topic).add(r);
            } else if (topic.equals(names.stories())) {
                storyStates.put(key, value);
            } else if (topic.equals(names.duplicates())) {
                duplicates.computeIfAbsent(value.get("copyId").asText(), k -> new java.util.ArrayDeque<>()).add(value);
            } else {
                deadLetters.add(value);
                if (key != null) {
                    deadLettersByKey.put(key, value);
                }
            }
        }

        // raw records arrive in partition order; show them in the order of their origin (file name, line)
        rawRecords.sort(java.util.Comparator.comparing((Map.Entry<String, JsonNode> e) -> text(e.getValue(), "origin")));
        out.println("Wirestream demo: " + ingest.describe());
        out.println("Kafka " + bootstrap + ", schema registry " + registry + "; every record below was read back from Kafka.");
        out.println();
        int n = 0;
        for (Map.Entry<String, JsonNode> e : rawRecords) {
            String id = e.getKey();
            JsonNode rawArticle = e.getValue();
            n++;
            // an item read twice has one id: its records take the article and the notices in turn
            java.util.ArrayDeque<JsonNode> articles = enriched.get(id);
            JsonNode article = articles == null ? null : articles.poll();
            java.util.ArrayDeque<JsonNode> notices = duplicates.get(id);
            JsonNode duplicate = article == null && notices != null ? notices.poll() : null;
            out.printf("%2d. %s  %s%n", n, shortId(id), text(rawArticle, "origin"));
            if (article != null) {
                out.printf("    title:    %s%n", text(article, "title"));
                out.printf("    language: %s (confidence %.2f)%n", text(article, "language"), article.path("languageConfidence").asDouble());
                out.printf("    verdict:  %s%n", article.path("dedup").path("status").asText());
                out.printf("    entities: %s%n", entities(article.path("entities")));
                if (article.hasNonNull("story")) {
                    out.printf("    story:    %s %s%n", text(article.path("story"), "id"), text(article.path("story"), "role"));
                }
                out.printf("    cleaning: %d lines of page furniture removed, %d -> %d chars%n",
                    article.path("processing").path("removedLines").asInt(),
                    article.path("processing").path("rawChars").asInt(), text(article, "body").length());
            }
            if (duplicate != null) {
                JsonNode original = raw.get(duplicate.get("originalId").asText());
                out.printf("    verdict:  DUPLICATE (%s, similarity %.2f) of %s %s%n", duplicate.path("kind").asText(),
                    duplicate.path("similarity").asDouble(), shortId(duplicate.get("originalId").asText()),
                    original == null ? "" : text(original, "origin"));
            }
            if (article == null && duplicate == null) {
                JsonNode d = deadLettersByKey.get(id);
                out.printf("    verdict:  DEAD LETTER [%s]: %s%n", d == null ? "?" : text(d, "stage"),
                    d == null ? "see " + names.deadLetters() : text(d, "errorMessage"));
            }
        }
        printStories(out, rawRecords, enrichedForStories, storyStates);
        if (!deadLetters.isEmpty()) {
            out.println();
            out.println("Dead letters (" + names.deadLetters() + "):");
            for (JsonNode d : deadLetters) {
                String where = d.hasNonNull("origin") ? text(d, "origin")
                    : text(d, "topic") + "-" + d.path("partition").asText() + "@" + d.path("offset").asText();
                out.printf("  [%s] %s: %s%n", text(d, "stage"), where, text(d, "errorMessage"));
            }
        }
        if (!routes.isEmpty()) {
            out.println();
            out.println("Routes (each article taken by a route's filter is copied to its topic, in the enriched topic's transaction):");
            for (Route route : routes.all()) {
                List<JsonNode> got = routed.get(route.topic());
                out.printf("  %s -> %s (%s): %d article%s%n", route.name(), route.topic(), route.format().label(), got.size(),
                    got.size() == 1 ? "" : "s");
                got.stream().sorted(java.util.Comparator.comparing((JsonNode r) -> text(r.get("value"), "origin")))
                    .forEach(r -> out.printf("      %s  %s  %s%n", shortId(text(r, "key")), text(r.get("value"), "origin"),
                        text(r.get("value"), "title")));
            }
        }
        out.println();
        StringBuilder sb = new StringBuilder("Records per topic:");
        counts.forEach((t, c) -> sb.append(' ').append(t).append('=').append(c));
        out.println(sb);
        out.println("Read any of them with: bin/wirestream tail TOPIC --bootstrap HOST:PORT --registry URL, or run demo --json.");
    }

    /**
     * The articles grouped by story, each story with its languages and headline per language: the story an
     * article was given, followed through merges (status MERGED, mergedInto) to the story that absorbed it.
     */
    private void printStories(PrintWriter out, List<Map.Entry<String, JsonNode>> rawRecords,
                              Map<String, java.util.ArrayDeque<JsonNode>> enriched, Map<String, JsonNode> storyStates) {
        Map<String, List<JsonNode>> byStory = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> e : rawRecords) {
            java.util.ArrayDeque<JsonNode> articles = enriched.get(e.getKey());
            if (articles == null || !seen.add(e.getKey())) {
                continue;
            }
            for (JsonNode article : articles) {
                if (article.hasNonNull("story")) {
                    String story = text(article.path("story"), "id");
                    for (int hops = 0; hops < 100 && storyStates.containsKey(story)
                        && storyStates.get(story).hasNonNull("mergedInto"); hops++) {
                        story = text(storyStates.get(story), "mergedInto");
                    }
                    byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(article);
                }
            }
        }
        if (byStory.isEmpty()) {
            return;
        }
        out.println();
        out.println("Stories (" + names.stories() + "): " + byStory.size() + (byStory.size() == 1 ? " story" : " stories") + " from "
            + byStory.values().stream().mapToInt(List::size).sum() + " articles");
        for (Map.Entry<String, List<JsonNode>> story : byStory.entrySet()) {
            List<JsonNode> articles = story.getValue();
            java.util.Set<String> languages = new java.util.LinkedHashSet<>();
            articles.forEach(a -> languages.add(text(a, "language")));
            out.printf("  %s  %d article%s, %s%n", story.getKey(), articles.size(), articles.size() == 1 ? "" : "s", String.join(" ", languages));
            JsonNode state = storyStates.get(story.getKey());
            if (state != null) {
                state.path("titles").fields().forEachRemaining(t -> out.printf("      %s: %s%n", t.getKey(), t.getValue().asText()));
            }
            for (JsonNode a : articles) {
                out.printf("      - %s [%s] %s%n", text(a, "origin"), text(a, "language"), text(a.path("story"), "role"));
            }
        }
    }

    private static String entities(JsonNode entities) {
        if (entities == null || !entities.isArray() || entities.isEmpty()) {
            return "(none)";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode e : entities) {
            if (parts.size() == MAX_ENTITIES) {
                parts.add("… " + (entities.size() - MAX_ENTITIES) + " more");
                break;
            }
            parts.add(text(e, "canonicalName") + " [" + text(e, "type") + " " + text(e, "id") + "]");
        }
        return String.join(", ", parts);
    }

    private static String shortId(String id) {
        return id.length() > ID_CHARS ? id.substring(0, ID_CHARS) : id;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
