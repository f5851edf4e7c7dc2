package io.wirestream.processors.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.JsonSerde;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes on a real broker: route topics created with the configured partitions, each filled with the articles
 * its filter takes, counters in /metrics; a route added with a restart sees only what is enriched from then on.
 */
@Timeout(180)
class RoutingIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    private static final String ROUTES = """
        routes:
          - name: english
            topic: rit.english
            filter: {languages: [en]}
          - name: ferries
            topic: rit.ferries
            format: json
            filter: {query: ferry}
        """;
    private static final String ADDED = """
          - name: bridges
            topic: rit.bridges
            filter: {query: bridge*}
        """;

    @Test
    void shouldFillEachRouteTopicWithItsArticlesAndTakeANewRouteFromTheRestartOn(@TempDir Path dir) throws Exception {
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, ROUTES);
        Map<String, Object> settings = stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "routing-it-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, dir.resolve("state").toString(),
            ProcessorConfig.TOPIC_PREFIX, "rit",
            ProcessorConfig.TOPIC_PARTITIONS, "3",
            ProcessorConfig.ROUTES_FILE, routes.toString(),
            ProcessorConfig.OPS_HTTP_PORT, "0",
            ProcessorConfig.OPS_HTTP_BIND, "127.0.0.1"));
        ProcessorConfig config = new ProcessorConfig(settings);
        String bootstrap = stack.bootstrapServers();
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs());
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Topics topics = new Topics(config.topicNames(), serdes);
            try (ProcessorApp app = new ProcessorApp(config)) {
                app.start();
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the application did not reach RUNNING");
                Map<String, TopicDescription> created = admin.describeTopics(List.of("rit.english", "rit.ferries")).allTopicNames().get();
                assertEquals(Map.of("rit.english", 3, "rit.ferries", 3), created.values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size())));

                send(topics, RoutingTopologyTest.FERRY, RoutingTopologyTest.METRO, RoutingTopologyTest.BRIDGE);
                List<ConsumerRecord<String, EnrichedArticle>> enriched = read(topics, topics.enriched().name(), 3);
                Map<String, EnrichedArticle> byId = enriched.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
                assertEquals(Set.of("ferry", "metro", "bridge"), byId.keySet());

                Map<String, EnrichedArticle> english = new TreeMap<>();
                read(topics, "rit.english", 2).forEach(r -> english.merge(r.key(), r.value(), (a, b) -> {
                    throw new AssertionError("written twice: " + r.key());
                }));
                assertEquals(new TreeMap<>(Map.of("ferry", byId.get("ferry"), "bridge", byId.get("bridge"))), english);
                List<ConsumerRecord<String, JsonNode>> ferries = TopicReader.read(bootstrap, "rit.ferries", new StringDeserializer(),
                    new JsonSerde().deserializer(), 1, Duration.ofSeconds(60), Duration.ofSeconds(2));
                assertEquals(List.of("ferry"), ferries.stream().map(ConsumerRecord::key).toList());
                assertEquals("Winter ferry timetable published", ferries.get(0).value().get("title").asText());
                assertEquals(byId.get("ferry").getProcessing().getProcessedAt().toEpochMilli(),
                    ferries.get(0).value().get("processing").get("processedAt").asLong());

                String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.opsServer().baseUri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                for (String line : List.of("wirestream_route_matched_total{route=\"english\"} 2.0",
                    "wirestream_route_written_total{route=\"english\"} 2.0", "wirestream_route_matched_total{route=\"ferries\"} 1.0",
                    "wirestream_route_written_total{route=\"ferries\"} 1.0")) {
                    assertTrue(scrape.contains(line), line + " missing from /metrics:\n" + scrape.lines()
                        .filter(l -> l.contains("route")).collect(Collectors.joining("\n")));
                }
            }

            // add a route and restart: the group's offsets stay where they are, so the past is not routed again
            Files.writeString(routes, ROUTES + ADDED);
            try (ProcessorApp app = new ProcessorApp(new ProcessorConfig(settings))) {
                app.start();
                // the first instance left the group on close: no wait for its session (45 s) to time out
                assertTrue(app.awaitRunning(Duration.ofSeconds(20)), "the application did not reach RUNNING again within 20 s");
                RawArticle later = RoutingTopologyTest.article("bridge-2", "Second bridge opens to cyclists",
                    "The new footbridge over the river opened to cyclists on Saturday, ahead of the ferry season.");
                send(topics, later);
                assertEquals(List.of("bridge-2"), read(topics, "rit.bridges", 1).stream().map(ConsumerRecord::key).toList(),
                    "the new route gets only articles enriched after it was added");
                assertEquals(List.of("ferry", "bridge", "bridge-2"), sortedKeys(read(topics, "rit.english", 3), List.of("ferry", "bridge", "bridge-2")));
                assertEquals(List.of("ferry", "bridge-2"), sortedKeys(TopicReader.read(bootstrap, "rit.ferries", new StringDeserializer(),
                    new JsonSerde().deserializer(), 2, Duration.ofSeconds(60), Duration.ofSeconds(2)), List.of("ferry", "bridge-2")));
                assertEquals(4, read(topics, topics.enriched().name(), 4).size(), "nothing enriched twice");
            }
        }
    }

    @Test
    void shouldRefuseToStartWhenARouteTopicIsMissingAndTopicsAreNotCreated(@TempDir Path dir) throws Exception {
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, "routes:\n  - {name: absent, topic: rit.absent}\n");
        ProcessorConfig config = new ProcessorConfig(stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "routing-it-missing-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, dir.resolve("state").toString(),
            ProcessorConfig.TOPIC_PREFIX, "rit-missing",
            ProcessorConfig.TOPIC_CREATE, "false",
            ProcessorConfig.ROUTES_FILE, routes.toString(),
            ProcessorConfig.OPS_HTTP_PORT, "-1")));
        try (ProcessorApp app = new ProcessorApp(config)) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, app::start);
            assertEquals("the topics of routes [absent (rit.absent)] do not exist and topic.create=false: create them, "
                + "or set topic.create=true", e.getMessage());
        }
    }

    private static void send(Topics topics, RawArticle... articles) throws Exception {
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
            new StringSerializer(), topics.raw().valueSerde().serializer())) {
            for (RawArticle a : articles) {
                producer.send(new ProducerRecord<>(topics.raw().name(), a.getId(), a)).get();
            }
        }
    }

    private static List<ConsumerRecord<String, EnrichedArticle>> read(Topics topics, String topic, int expected) {
        return TopicReader.read(stack.bootstrapServers(), topic, new StringDeserializer(), topics.enriched().valueSerde().deserializer(),
            expected, Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    /** The keys in the order of {@code order}, each as often as it was read. */
    private static List<String> sortedKeys(List<? extends ConsumerRecord<String, ?>> records, List<String> order) {
        return records.stream().map(ConsumerRecord::key).sorted(java.util.Comparator.comparingInt(order::indexOf)).toList();
    }
}
