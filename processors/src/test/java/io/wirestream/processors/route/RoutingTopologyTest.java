package io.wirestream.processors.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.AvroJson;
import io.wirestream.core.JsonSerde;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.PipelineStages;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.testkit.InMemorySchemaRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The routing stage in the production topology ({@link ProcessorApp}, the standard stages and a routes file) with the
 * production serdes, through TopologyTestDriver, without a broker: the registry's rules run in memory
 * ({@link InMemorySchemaRegistry}, one per test), so the subjects a test finds are those its topology registered.
 */
@Timeout(120)
class RoutingTopologyTest {
    static final String ROUTES = """
        routes:
          - name: moscow
            topic: out.moscow
            filter:
              entities: [{id: Q649, minSalience: 0.1}]
          - name: ferries
            topic: out.ferries
            format: json
            filter:
              languages: [en]
              query: 'ferry OR "sea route"'
          - name: english
            topic: out.english
            filter: {languages: [en]}
        """;

    @TempDir
    Path dir;

    private ProcessorApp app;
    private InMemorySchemaRegistry registry;
    private SerdeFactory serdes;
    private TopologyTestDriver driver;
    private Topics topics;

    private ProcessorConfig start(String routes, Map<String, String> extra) throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, routes);
        Map<String, Object> settings = new HashMap<>(Map.of(
            ProcessorConfig.APPLICATION_ID, "routing-topology-test-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, dir.resolve("state").toString(),
            ProcessorConfig.ROUTES_FILE, file.toString()));
        settings.putAll(extra);
        ProcessorConfig config = new ProcessorConfig(InMemorySchemaRegistry.config(settings));
        registry = new InMemorySchemaRegistry();
        app = new ProcessorApp(config, PipelineStages.standard(config), registry);
        serdes = new SerdeFactory(registry, config.registryConfigs());
        topics = new Topics(config.topicNames(), serdes);
        driver = new TopologyTestDriver(app.topology(), app.streamsProperties());
        return config;
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        if (app != null) {
            app.close();
        }
        if (serdes != null) {
            serdes.close();
        }
    }

    static RawArticle article(String id, String title, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setOrigin(id + ".txt").setUrl("https://news.example/" + id)
            .setTitle(title).setBody(body).setPublishedAt(Instant.parse("2026-01-05T06:00:00Z"))
            .setFetchedAt(Instant.parse("2026-01-05T07:00:00Z")).setLanguageHint(null).setAttributes(Map.of()).build();
    }

    static final RawArticle FERRY = article("ferry", "Winter ferry timetable published",
        "The harbour authority published the winter ferry timetable on Monday. Crossings to the islands run twice a day "
            + "until March, and the operator expects more freight on the sea route.");
    static final RawArticle METRO = article("metro", "В Москве открылась новая станция метро",
        "В Москве открылась новая станция метро на юго-западе города. Мэр Москвы Сергей Собянин сказал, что станция "
            + "сократит время поездки для жителей района.");
    static final RawArticle BRIDGE = article("bridge", "Council approves the bridge",
        "The city council approved the new footbridge over the river on Tuesday; building starts in spring.");

    private void pipe(RawArticle... articles) {
        TestInputTopic<String, RawArticle> raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
            topics.raw().valueSerde().serializer());
        for (RawArticle a : articles) {
            raw.pipeInput(a.getId(), a);
        }
        // deduplication sends its open batch once per commit interval, from a wall-clock punctuation
        driver.advanceWallClockTime(java.time.Duration.ofMillis(app.config().commitIntervalMs()));
    }

    private List<KeyValue<String, EnrichedArticle>> avro(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), topics.enriched().valueSerde().deserializer()).readKeyValuesToList();
    }

    @Test
    void shouldCopyEachEnrichedArticleToEveryRouteThatTakesIt() throws Exception {
        start(ROUTES, Map.of());
        pipe(FERRY, METRO, BRIDGE);
        Map<String, EnrichedArticle> enriched = new HashMap<>();
        avro(topics.enriched().name()).forEach(kv -> enriched.put(kv.key, kv.value));
        assertEquals(3, enriched.size(), "every article reaches the enriched topic: " + enriched.keySet());

        assertEquals(List.of(KeyValue.pair("metro", enriched.get("metro"))), avro("out.moscow"));
        assertEquals(List.of(KeyValue.pair("ferry", enriched.get("ferry")), KeyValue.pair("bridge", enriched.get("bridge"))),
            avro("out.english"), "the route gets the very records of the enriched topic");
        List<KeyValue<String, JsonNode>> json = driver.createOutputTopic("out.ferries", new StringDeserializer(),
            new JsonSerde().deserializer()).readKeyValuesToList();
        // compared as JSON text reads back: a small long (story.timeGapMs 0) reads back as an int node
        assertEquals(List.of(KeyValue.pair("ferry", new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(AvroJson.toJson(enriched.get("ferry")).toString()))), json);

        assertEquals(List.of(1.0, 1.0, 2.0), List.of(count("wirestream.route.matched", "moscow"),
            count("wirestream.route.matched", "ferries"), count("wirestream.route.matched", "english")));
        assertEquals(List.of(1.0, 1.0, 2.0), List.of(count("wirestream.route.written", "moscow"),
            count("wirestream.route.written", "ferries"), count("wirestream.route.written", "english")));
        List<String> subjects = registry.getAllSubjects();
        assertEquals(List.of(true, true, false), List.of(subjects.contains("out.moscow-value"), subjects.contains("out.english-value"),
            subjects.contains("out.ferries-value")),
            "the Avro routes register under their topic's subject; the JSON route registers nothing: " + subjects);
    }

    @Test
    void shouldRegisterTheRoutedRecordsUnderTheRecordNameWhenConfigured() throws Exception {
        start(ROUTES, Map.of("value.subject.name.strategy", "RecordNameStrategy"));
        pipe(BRIDGE);
        List<KeyValue<String, EnrichedArticle>> english = avro("out.english");
        assertEquals(List.of("bridge"), english.stream().map(kv -> kv.key).toList());
        List<String> subjects = registry.getAllSubjects();
        assertEquals(true, subjects.contains("io.wirestream.avro.EnrichedArticle"), "subjects: " + subjects);
        assertEquals(List.of(), subjects.stream().filter(s -> s.endsWith("-value")).toList(), "no subject named after a topic");
    }

    @Test
    void shouldLeaveTheTopologyAsItWasWithoutRoutes() throws Exception {
        ProcessorConfig config = new ProcessorConfig(InMemorySchemaRegistry.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "routing-topology-test-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, dir.resolve("state").toString())));
        try (ProcessorApp plain = new ProcessorApp(config, PipelineStages.standard(config), new InMemorySchemaRegistry())) {
            assertEquals(false, plain.topology().describe().toString().contains(Routing.NAME + "."));
        }
    }

    private double count(String name, String route) {
        Counter c = app.metrics().registry().find(name).tag("route", route).counter();
        return c == null ? 0.0 : c.count();
    }
}
