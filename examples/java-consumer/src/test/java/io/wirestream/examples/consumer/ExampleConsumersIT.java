package io.wirestream.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.Mention;
import io.wirestream.avro.ProcessingInfo;
import io.wirestream.core.AvroJson;
import io.wirestream.core.JsonSerde;
import io.wirestream.registry.serde.SpecificAvroSerde;
import io.wirestream.testkit.KafkaStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example consumers read what a transactional, zstd-compressing producer wrote to news.enriched with
 * Wirestream's serializer, as the processors write it: every committed article, once, and nothing of an
 * aborted transaction. The same for a route in JSON, written as the routing stage writes it (AvroJson, JsonSerde),
 * and for a route in Avro (the enriched serde, the schema under the route topic's subject).
 * The kafkajs example is installed from its lockfile into a temporary folder.
 */
@Timeout(300)
class ExampleConsumersIT {
    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();
    private static final String TOPIC = "news.enriched";
    private static final String JSON_ROUTE = "news.routed.english-json";
    private static final String AVRO_ROUTE = "news.routed.gdansk-avro";
    private static final Path KAFKAJS_EXAMPLE = Path.of("..", "kafkajs-consumer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_IDLE = Duration.ofSeconds(8);
    private static final List<JsonNode> expected = new ArrayList<>();
    private static final List<JsonNode> expectedInRoute = new ArrayList<>();
    private static final List<JsonNode> expectedInAvroRoute = new ArrayList<>();

    @BeforeAll
    static void writeArticles() throws Exception {
        STACK.createTopics(List.of(TOPIC), 3);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-writer-" + UUID.randomUUID());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        try (SpecificAvroSerde<EnrichedArticle> values = new SpecificAvroSerde<>(EnrichedArticle.class)) {
            values.configure(STACK.registryConfig(), false);
            try (KafkaProducer<String, EnrichedArticle> producer =
                     new KafkaProducer<>(config, new StringSerializer(), values.serializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                List<EnrichedArticle> first = List.of(
                    article("0a5f2c11d3e94b7a8c6d1e2f3a4b5c6d", "Harbour cranes return to Gdansk", "en",
                        Instant.parse("2026-11-30T07:15:00Z"), entity("Q1792", EntityType.LOCATION, "Gdansk")),
                    article("1b6e3d22e4fa5c8b9d7e2f3a4b5c6d7e", "Le conseil municipal vote le budget", "fr", null),
                    article("2c7f4e33f50b6d9cae8f3a4b5c6d7e8f", null, "und", Instant.parse("2026-11-30T09:00:00Z")));
                List<RecordMetadata> sent = new ArrayList<>();
                for (EnrichedArticle a : first) {
                    sent.add(producer.send(new ProducerRecord<>(TOPIC, a.getId(), a)).get());
                }
                producer.commitTransaction();
                for (int i = 0; i < first.size(); i++) {
                    expected.add(expectedLine(sent.get(i), first.get(i)));
                }

                producer.beginTransaction();
                EnrichedArticle aborted = article("3d805f44061c7ead0f9a4b5c6d7e8f90", "Never committed", "en", null);
                producer.send(new ProducerRecord<>(TOPIC, aborted.getId(), aborted)).get();
                producer.abortTransaction();

                producer.beginTransaction();
                EnrichedArticle last = article("4e9160451172d8fbe1a0b5c6d7e8f901", "Rail strike ends after talks", "de",
                    Instant.parse("2026-11-30T11:30:00Z"), entity("Q64", EntityType.LOCATION, "Berlin"),
                    entity("Q9322", EntityType.ORGANIZATION, "Deutsche Bahn"));
                RecordMetadata lastSent = producer.send(new ProducerRecord<>(TOPIC, last.getId(), last)).get();
                producer.commitTransaction();
                expected.add(expectedLine(lastSent, last));
            }
        }
        expected.sort(Comparator.comparing(n -> n.get("key").asText()));
        writeJsonRoute(config);
        writeAvroRoute(config);
    }

    /**
     * Two articles committed to an Avro route, one aborted between them: the routing stage writes an Avro route
     * with the enriched topic's serde, so the value schema is registered under the route topic's own subject
     * ({@code news.routed.gdansk-avro-value} by the TopicNameStrategy).
     */
    private static void writeAvroRoute(Map<String, Object> config) throws Exception {
        STACK.createTopics(List.of(AVRO_ROUTE), 2);
        Map<String, Object> routeConfig = new HashMap<>(config);
        routeConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-avro-route-writer-" + UUID.randomUUID());
        List<EnrichedArticle> taken = List.of(
            article("82d5a48951b6c3f25e4f9012a3b4c5d6", "Shipyard hires two hundred welders", "en",
                Instant.parse("2026-11-29T08:00:00Z"), entity("Q1792", EntityType.LOCATION, "Gdansk")),
            article("93e6b59a62c7d4036f5012a3b4c5d6e7", "Nowa linia tramwajowa w Gdańsku", "pl", null,
                entity("Q1792", EntityType.LOCATION, "Gdansk")));
        try (SpecificAvroSerde<EnrichedArticle> values = new SpecificAvroSerde<>(EnrichedArticle.class)) {
            values.configure(STACK.registryConfig(), false);
            try (KafkaProducer<String, EnrichedArticle> producer =
                     new KafkaProducer<>(routeConfig, new StringSerializer(), values.serializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                RecordMetadata first = producer.send(new ProducerRecord<>(AVRO_ROUTE, taken.get(0).getId(), taken.get(0))).get();
                producer.commitTransaction();
                producer.beginTransaction();
                EnrichedArticle aborted = article("a4f7c6ab73d8e51470612a3b4c5d6e7f", "Withdrawn", "en", null);
                producer.send(new ProducerRecord<>(AVRO_ROUTE, aborted.getId(), aborted)).get();
                producer.abortTransaction();
                producer.beginTransaction();
                RecordMetadata second = producer.send(new ProducerRecord<>(AVRO_ROUTE, taken.get(1).getId(), taken.get(1))).get();
                producer.commitTransaction();
                expectedInAvroRoute.add(expectedLine(first, taken.get(0)));
                expectedInAvroRoute.add(expectedLine(second, taken.get(1)));
            }
        }
        expectedInAvroRoute.sort(Comparator.comparing(n -> n.get("key").asText()));
    }

    /** Two articles committed to a JSON route, one aborted between them. */
    private static void writeJsonRoute(Map<String, Object> config) throws Exception {
        STACK.createTopics(List.of(JSON_ROUTE), 2);
        Map<String, Object> routeConfig = new HashMap<>(config);
        routeConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-route-writer-" + UUID.randomUUID());
        List<EnrichedArticle> taken = List.of(
            article("5fa27156283e90cf2b1c6d7e8f9012a3", "Ferry timetable changes for winter", "en",
                Instant.parse("2026-11-29T18:00:00Z"), entity("Q1792", EntityType.LOCATION, "Gdansk")),
            article("60b3826739f4a1d03c2d7e8f9012a3b4", "Library opens on Sundays", "en", null));
        try (KafkaProducer<String, JsonNode> producer = new KafkaProducer<>(routeConfig, new StringSerializer(), new JsonSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            RecordMetadata first = producer.send(new ProducerRecord<>(JSON_ROUTE, taken.get(0).getId(), AvroJson.toJson(taken.get(0)))).get();
            producer.commitTransaction();
            producer.beginTransaction();
            EnrichedArticle aborted = article("71c4937840a5b2e14d3e8f9012a3b4c5", "Withdrawn", "en", null);
            producer.send(new ProducerRecord<>(JSON_ROUTE, aborted.getId(), AvroJson.toJson(aborted))).get();
            producer.abortTransaction();
            producer.beginTransaction();
            RecordMetadata second = producer.send(new ProducerRecord<>(JSON_ROUTE, taken.get(1).getId(), AvroJson.toJson(taken.get(1)))).get();
            producer.commitTransaction();
            expectedInRoute.add(expectedLine(first, taken.get(0)));
            expectedInRoute.add(expectedLine(second, taken.get(1)));
        }
        expectedInRoute.sort(Comparator.comparing(n -> n.get("key").asText()));
    }

    @Test
    void shouldReadEveryCommittedArticleWithTheJavaExample() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             EnrichedArticleConsumer consumer = new EnrichedArticleConsumer(STACK.bootstrapServers(), STACK.registryUrl(),
                 TOPIC, "example-java-" + UUID.randomUUID())) {
            consumer.run(out, MAX_IDLE);
        }

        assertEquals(expected, sortedLines(bytes.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadEveryCommittedArticleWithTheKafkajsExample(@TempDir Path dir) throws Exception {
        install(dir);

        Result consume = consume(dir, "--group", "example-kafkajs-" + UUID.randomUUID());

        assertEquals(0, consume.exitCode(), "node consume.js failed:\n" + consume.err());
        assertEquals(expected, sortedLines(consume.out()));
    }

    @Test
    void shouldReadAJsonRouteWithTheKafkajsExample(@TempDir Path dir) throws Exception {
        install(dir);

        Result consume = consume(dir, "--group", "example-kafkajs-json-" + UUID.randomUUID(), "--topic", JSON_ROUTE, "--format", "json");

        assertEquals(0, consume.exitCode(), "node consume.js failed:\n" + consume.err());
        assertEquals(expectedInRoute, sortedLines(consume.out()));
    }

    @Test
    void shouldReadAnAvroRouteWithTheKafkajsExample(@TempDir Path dir) throws Exception {
        install(dir);

        Result consume = consume(dir, "--group", "example-kafkajs-avro-route-" + UUID.randomUUID(), "--topic", AVRO_ROUTE);

        assertEquals(0, consume.exitCode(), "node consume.js failed:\n" + consume.err());
        assertEquals(expectedInAvroRoute, sortedLines(consume.out()));
    }

    /** Installs the kafkajs example from its lockfile; nothing is built at install time. */
    private static void install(Path dir) throws Exception {
        for (String file : List.of("package.json", "package-lock.json", "consume.js")) {
            Files.copy(KAFKAJS_EXAMPLE.resolve(file), dir.resolve(file));
        }
        Result install = run(dir, Duration.ofMinutes(4), Map.of(), "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        assertEquals(0, install.exitCode(), "npm ci failed:\n" + install.err());
    }

    private static Result consume(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "consume.js", "--max-idle", String.valueOf(MAX_IDLE.toSeconds())));
        command.addAll(List.of(args));
        return run(dir, Duration.ofMinutes(2), Map.of(
            "WIRESTREAM_BOOTSTRAP", STACK.bootstrapServers(),
            "WIRESTREAM_REGISTRY", STACK.registryUrl()), command.toArray(String[]::new));
    }

    private record Result(int exitCode, String out, String err) { }

    private static Result run(Path dir, Duration timeout, Map<String, String> env, String... command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed to run the kafkajs example (Node.js 18 or newer with npm): "
                + e.getMessage(), e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<JsonNode> sortedLines(String output) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
            lines.add(JSON.readTree(line));
        }
        lines.sort(Comparator.comparing(n -> n.get("key").asText()));
        return lines;
    }

    /** What the examples print for an article written at {@code meta}. */
    private static JsonNode expectedLine(RecordMetadata meta, EnrichedArticle a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("topic", meta.topic());
        n.put("partition", meta.partition());
        n.put("offset", meta.offset());
        n.put("key", a.getId());
        n.put("id", a.getId());
        n.put("title", a.getTitle());
        n.put("language", a.getLanguage());
        n.put("dedup", "UNIQUE");
        if (a.getPublishedAt() == null) {
            n.putNull("publishedAt");
        } else {
            n.put("publishedAt", a.getPublishedAt().toEpochMilli());
        }
        ArrayNode entities = n.putArray("entities");
        a.getEntities().forEach(e -> entities.add(e.getId()));
        // as read from a line, so that numbers compare by value (an offset parses as an int)
        try {
            return JSON.readTree(n.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EnrichedArticle article(String id, String title, String language, Instant publishedAt, Entity... entities) {
        String body = (title == null ? "A short note without a headline." : title + ". The story in a few words.");
        return EnrichedArticle.newBuilder()
            .setId(id)
            .setSource("folder:examples")
            .setOrigin("examples/" + id + ".txt")
            .setTitle(title)
            .setBody(body)
            .setPublishedAt(publishedAt)
            .setFetchedAt(Instant.parse("2026-11-30T12:00:00Z"))
            .setLanguage(language)
            .setLanguageConfidence(0.9)
            .setEntities(List.of(entities))
            .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.UNIQUE).setFingerprint(id).build())
            .setProcessing(ProcessingInfo.newBuilder().setPipelineVersion("test")
                .setProcessedAt(Instant.parse("2026-11-30T12:00:01Z")).setStages(List.of("clean", "dedup", "language", "entities")).build())
            .build();
    }

    private static Entity entity(String id, EntityType type, String name) {
        return Entity.newBuilder().setId(id).setType(type).setCanonicalName(name).setSalience(0.5)
            .setMentions(List.of(Mention.newBuilder().setText(name).setStart(0).setEnd(name.length()).build())).build();
    }
}
