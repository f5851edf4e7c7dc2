package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@code wirestream demo --json} on the bundled samples, in process, and checks what reached each topic. */
@Timeout(300)
class DemoCommandIT {
    static final Path SAMPLES = Path.of("..", "samples", "articles");
    static final Path ROUTES = Path.of("..", "samples", "routes.yaml");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> records = new ArrayList<>();
    static String stderr;

    @BeforeAll
    static void runDemo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Wirestream.run(new String[] {"demo", "--input", SAMPLES.toString(), "--routes", ROUTES.toString(), "--json"},
            new PrintWriter(out, true), new PrintWriter(err, true));
        stderr = err.toString();
        assertEquals(0, exit, "demo failed: " + stderr);
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
    }

    private static List<JsonNode> topic(String name) {
        return records.stream().filter(r -> r.get("topic").asText().equals(name)).toList();
    }

    private static int expectedArticles() throws Exception {
        int n = 0;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".txt")) {
                    n++;
                } else if (name.endsWith(".jsonl")) {
                    n += (int) Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
                }
            }
        }
        return n;
    }

    @Test
    void shouldPrintOnlyJsonLinesWithTopicKeyAndValue() {
        assertFalse(records.isEmpty(), "no output");
        for (JsonNode r : records) {
            assertEquals(List.of("topic", "key", "value"), iterator(r.fieldNames()), r.toString());
            assertTrue(r.get("value").isObject(), r.toString());
        }
    }

    @Test
    void shouldPublishEverySampleArticleToTheRawTopic() throws Exception {
        List<JsonNode> raw = topic("news.raw");
        assertEquals(expectedArticles(), raw.size(), "what the demo printed on stderr:\n" + stderr);
        for (JsonNode r : raw) {
            assertEquals(r.get("key").asText(), r.get("value").get("id").asText());
            assertFalse(r.get("value").get("origin").asText().isEmpty());
        }
    }

    @Test
    void shouldGiveEveryRawRecordExactlyOneOutcome() {
        // per id: as many outcomes (article, duplicate notice or dead letter) as raw records with that id
        Map<String, Integer> outcomes = new HashMap<>();
        topic("news.enriched").forEach(r -> outcomes.merge(r.get("key").asText(), 1, Integer::sum));
        topic("news.duplicates").forEach(r -> outcomes.merge(r.get("value").get("copyId").asText(), 1, Integer::sum));
        topic("news.dlq").forEach(r -> outcomes.merge(r.get("key").asText(), 1, Integer::sum));
        Map<String, Integer> rawRecords = new HashMap<>();
        topic("news.raw").forEach(r -> rawRecords.merge(r.get("key").asText(), 1, Integer::sum));
        assertEquals(rawRecords, outcomes);
    }

    @Test
    void shouldWriteCleanedEnrichedArticles() {
        List<JsonNode> enriched = topic("news.enriched");
        assertFalse(enriched.isEmpty());
        for (JsonNode r : enriched) {
            JsonNode v = r.get("value");
            assertFalse(v.get("body").asText().isBlank(), r.toString());
            assertFalse(v.get("title").asText().isBlank(), r.toString());
            assertEquals("clean", v.get("processing").get("stages").get(0).asText());
            assertTrue(v.get("processing").get("processedAt").asLong() >= v.get("fetchedAt").asLong(), r.toString());
        }
        JsonNode debris = enriched.stream().map(r -> r.get("value"))
            .filter(v -> v.get("origin").asText().startsWith("06-")).findFirst().orElseThrow();
        assertTrue(debris.get("processing").get("removedLines").asInt() >= 5, debris.toString());
        assertFalse(debris.get("body").asText().contains("Фото:"), debris.get("body").asText());
    }

    private static JsonNode byOrigin(String topic, String origin) {
        return topic(topic).stream().map(r -> r.get("value"))
            .filter(v -> v.get("origin").asText().equals(origin)).findFirst()
            .orElseThrow(() -> new AssertionError("no " + topic + " record from " + origin));
    }

    private static String idOf(String origin) {
        return byOrigin("news.raw", origin).get("id").asText();
    }

    @Test
    void shouldMarkTheSyndicatedNearCopyAndTheRefetchAsDuplicatesAndKeepTheTranslationPair() {
        Map<String, String> notices = new HashMap<>();
        topic("news.duplicates").forEach(r -> notices.put(r.get("value").get("copyOrigin").asText(),
            r.get("value").get("kind").asText() + " of " + r.get("value").get("originalId").asText()));
        assertEquals(Map.of(
                "03-en-rail-corridor-syndicated.txt", "NEAR of " + idOf("01-en-rail-corridor.txt"),
                "09-feed.jsonl:2", "EXACT_URL of " + idOf("09-feed.jsonl:1")),
            notices);
        List<String> enrichedOrigins = topic("news.enriched").stream().map(r -> r.get("value").get("origin").asText()).sorted().toList();
        assertEquals(List.of("01-en-rail-corridor.txt", "02-ru-rail-corridor.txt", "04-de-central-bank.txt", "05-fr-central-bank.txt",
            "06-ru-metro-with-debris.txt", "07-es-drought.txt", "08-en-science.txt", "09-feed.jsonl:1", "09-feed.jsonl:3"), enrichedOrigins);
    }

    @Test
    void shouldDetectTheLanguageOfEverySample() {
        Map<String, String> languages = new HashMap<>();
        topic("news.enriched").forEach(r -> languages.put(r.get("value").get("origin").asText(), r.get("value").get("language").asText()));
        assertEquals(Map.of("01-en-rail-corridor.txt", "en", "02-ru-rail-corridor.txt", "ru", "04-de-central-bank.txt", "de",
            "05-fr-central-bank.txt", "fr", "06-ru-metro-with-debris.txt", "ru", "07-es-drought.txt", "es", "08-en-science.txt", "en",
            "09-feed.jsonl:1", "it", "09-feed.jsonl:3", "pl"), languages);
    }

    @Test
    void shouldGiveTheSameEntityTheSameIdInTheEnglishArticleAndItsRussianTranslation() {
        Map<String, String> english = entityIds(byOrigin("news.enriched", "01-en-rail-corridor.txt"));
        Map<String, String> russian = entityIds(byOrigin("news.enriched", "02-ru-rail-corridor.txt"));
        for (String name : List.of("Kazakhstan", "Astana", "China", "Kassym-Jomart Tokayev")) {
            assertTrue(english.containsKey(name), name + " missing in English: " + english);
            assertEquals(english.get(name), russian.get(name), name + " in Russian: " + russian);
        }
    }

    @Test
    void shouldCopyEachArticleTheExampleRoutesTakeToTheirTopicsOnce() {
        assertEquals(List.of("04-de-central-bank.txt", "05-fr-central-bank.txt"), origins("news.routed.central-banks"));
        assertEquals(List.of("06-ru-metro-with-debris.txt"), origins("news.routed.moscow"));
        assertEquals(List.of("01-en-rail-corridor.txt", "08-en-science.txt"), origins("news.routed.english-json"));
        Map<String, JsonNode> enriched = new HashMap<>();
        topic("news.enriched").forEach(r -> enriched.put(r.get("key").asText(), r.get("value")));
        for (String t : List.of("news.routed.central-banks", "news.routed.moscow", "news.routed.english-json")) {
            for (JsonNode r : topic(t)) {
                assertEquals(enriched.get(r.get("key").asText()), r.get("value"), "a route copies the enriched record: " + r);
            }
        }
    }

    private static List<String> origins(String topic) {
        return topic(topic).stream().map(r -> r.get("value").get("origin").asText()).sorted().toList();
    }

    private static Map<String, String> entityIds(JsonNode article) {
        Map<String, String> ids = new HashMap<>();
        article.get("entities").forEach(e -> ids.put(e.get("canonicalName").asText(), e.get("id").asText()));
        return ids;
    }

    private static List<String> iterator(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
