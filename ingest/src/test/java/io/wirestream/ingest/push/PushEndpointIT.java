package io.wirestream.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.source.InMemoryPublishedItems;
import io.wirestream.ingest.source.IngestService;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceHealth;
import io.wirestream.ingest.source.SourceKind;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /articles against a real broker, including the broker going away. */
@Timeout(120)
class PushEndpointIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Answer(int status, JsonNode body) {
    }

    private static Answer post(int port, String method, String contentType, String body) throws Exception {
        return post(port, method, contentType, body, null);
    }

    private static Answer post(int port, String method, String contentType, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/articles"))
            .timeout(Duration.ofSeconds(20))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401) {
            assertEquals("Bearer realm=\"wirestream-push\"", r.headers().firstValue("WWW-Authenticate").orElse(null));
        }
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    private static IngestService service(IngestConfig config, ArticlePublisher publisher, Map<String, String> options) {
        IngestService service = new IngestService(config, publisher, new InMemoryPublishedItems(100), new SimpleMeterRegistry(),
            Clock.systemUTC());
        service.start(List.of(new SourceDefinition("partners", SourceKind.PUSH, null, null, 0, null, options)));
        return service;
    }

    @Test
    void shouldAcceptOneArticleOrABatchOnceKafkaAcknowledgedThem() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "push1", "topic.partitions", "1")));
        List<String> ids;
        SourceHealth health;
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             IngestService service = service(config, publisher, Map.of())) {
            int port = service.pushPort("partners").orElseThrow();
            Answer one = post(port, "POST", "application/json", "{\"url\":\"https://harbour.example/one\",\"title\":\"One\",\"body\":\"First.\"}");
            assertEquals(202, one.status());
            assertEquals(1, one.body().get("accepted").asInt());
            Answer batch = post(port, "POST", "application/json; charset=utf-8",
                "[{\"title\":\"Two\",\"body\":\"Second.\",\"language\":\"en\"},{\"title\":\"Three\",\"body\":\"Third.\",\"publishedAt\":\"2025-11-03\"}]");
            assertEquals(202, batch.status());
            assertEquals(2, batch.body().get("accepted").asInt());
            ids = List.of(one.body().get("ids").get(0).asText(), batch.body().get("ids").get(0).asText(), batch.body().get("ids").get(1).asText());
            health = service.health().get(0);
        }
        assertEquals(3, health.published());
        assertEquals(3, health.fetched());
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            Map<String, RawArticle> byId = TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                    topics.raw().valueSerde().deserializer(), 3, Duration.ofSeconds(30), Duration.ofSeconds(1))
                .stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
            assertEquals(ids.stream().collect(Collectors.toSet()), byId.keySet());
            assertEquals("First.", byId.get(ids.get(0)).getBody());
            assertEquals("push:partners", byId.get(ids.get(0)).getSource());
            assertEquals("https://harbour.example/one", byId.get(ids.get(0)).getOrigin());
            assertEquals("en", byId.get(ids.get(1)).getLanguageHint());
        }
    }

    @Test
    void shouldRefuseRequestsWithoutTheBearerTokenWhenOneIsSet() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "push4", "topic.partitions", "1",
            IngestConfig.PUSH_TOKEN, "s3cret-push-token")));
        String article = "{\"url\":\"https://harbour.example/token\",\"body\":\"Sent with the token.\"}";
        List<String> ids;
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             IngestService service = service(config, publisher, Map.of())) {
            int port = service.pushPort("partners").orElseThrow();
            Answer none = post(port, "POST", "application/json", "{\"body\":\"no token\"}");
            assertEquals(401, none.status());
            assertEquals("missing or wrong bearer token; send Authorization: Bearer <token>", none.body().get("error").asText());
            assertEquals(401, post(port, "POST", "application/json", "{\"body\":\"wrong\"}", "Bearer s3cret-push-tokeN").status());
            assertEquals(401, post(port, "POST", "application/json", "{\"body\":\"not bearer\"}", "Basic czNjcmV0").status());
            assertEquals(401, post(port, "GET", null, null).status(), "refused before anything else is looked at");
            Answer ok = post(port, "POST", "application/json", article, "Bearer s3cret-push-token");
            assertEquals(202, ok.status());
            ids = List.of(ok.body().get("ids").get(0).asText());
        }
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            List<String> published = TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                    topics.raw().valueSerde().deserializer(), 1, Duration.ofSeconds(30), Duration.ofSeconds(2))
                .stream().map(ConsumerRecord::key).toList();
            assertEquals(ids, published, "only the authorised article was published");
        }
    }

    @Test
    void shouldRefuseBadRequestsWithAClearAnswerAndPublishNothingOfThem() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "push2", "topic.partitions", "1",
            IngestConfig.PUSH_MAX_REQUEST_BYTES, "2048")));
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             IngestService service = service(config, publisher, Map.of("max-batch", "2"))) {
            int port = service.pushPort("partners").orElseThrow();
            Answer invalid = post(port, "POST", "application/json",
                "[{\"title\":\"ok\",\"body\":\"Fine.\"},{\"title\":\"no body\"},{\"body\":\"x\",\"url\":\"ftp://x/y\"}]");
            assertEquals(413, invalid.status());

            Answer twoBad = post(port, "POST", "application/json", "[{\"title\":\"no body\"},{\"body\":\"x\",\"url\":\"ftp://x/y\"}]");
            assertEquals(400, twoBad.status());
            assertEquals(JSON.readTree("{\"error\":\"2 of 2 articles are invalid; nothing was accepted\",\"problems\":["
                + "{\"index\":0,\"field\":\"body\",\"message\":\"field 'body' is missing or empty\"},"
                + "{\"index\":1,\"field\":\"url\",\"message\":\"field 'url' must be an http or https URL, was 'ftp://x/y'\"}]}"), twoBad.body());

            Answer malformed = post(port, "POST", "application/json", "{\"body\": ");
            assertEquals(400, malformed.status());
            assertEquals(true, malformed.body().get("error").asText().startsWith("malformed JSON: "), malformed.body().toString());

            assertEquals(413, post(port, "POST", "application/json", "{\"body\":\"" + "x".repeat(3000) + "\"}").status());
            Answer wrongType = post(port, "POST", "text/plain", "{\"body\":\"x\"}");
            assertEquals(415, wrongType.status());
            assertEquals("Content-Type must be application/json (UTF-8), was 'text/plain'", wrongType.body().get("error").asText());
            assertEquals(415, post(port, "POST", "application/json; charset=iso-8859-1", "{\"body\":\"x\"}").status());
            assertEquals(405, post(port, "GET", null, null).status());
            assertEquals(400, post(port, "POST", "application/json", "[]").status());

            SourceHealth h = service.health().get(0);
            assertEquals(0, h.published());
            assertEquals(2, h.failed());
        }
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            assertEquals(0, TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                topics.raw().valueSerde().deserializer(), 0, Duration.ofSeconds(5), Duration.ofSeconds(1)).size());
        }
    }

    @Test
    void shouldAnswer503WhenKafkaDoesNotAcknowledgeInTime() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "push3", "topic.partitions", "1",
            IngestConfig.PUSH_ACK_TIMEOUT_MS, "1500")));
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             IngestService service = service(config, publisher, Map.of())) {
            int port = service.pushPort("partners").orElseThrow();
            assertEquals(202, post(port, "POST", "application/json", "{\"title\":\"Before\",\"body\":\"Broker up.\"}").status());
            stack.broker().stop();
            try {
                Answer down = post(port, "POST", "application/json", "{\"title\":\"During\",\"body\":\"Broker down.\"}");
                assertEquals(503, down.status());
                assertEquals("Kafka did not acknowledge within 1500 ms; nothing was accepted, send the request again",
                    down.body().get("error").asText());
                assertEquals(1, service.health().get(0).published());
                assertEquals(1, service.health().get(0).pollFailures());
            } finally {
                stack.broker().start();
            }
        }
    }

    @Test
    void shouldAnswerAPermanentErrorNot503ForArticlesKafkaCanNeverTake() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "push5", "topic.partitions", "1")));
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             IngestService service = service(config, publisher, Map.of())) {
            int port = service.pushPort("partners").orElseThrow();
            Answer tooLarge = post(port, "POST", "application/json",
                "{\"url\":\"https://harbour.example/long\",\"body\":\"" + "All quiet on the quay. ".repeat(50_000) + "\"}");
            assertEquals(413, tooLarge.status(), tooLarge.body().toString());
            assertEquals(true, tooLarge.body().toString().contains("ingest.max.article.bytes=921600"), tooLarge.body().toString());
            Answer farFuture = post(port, "POST", "application/json",
                "{\"url\":\"https://harbour.example/far\",\"body\":\"Far away.\",\"publishedAt\":\"+999999999-01-01T00:00:00Z\"}");
            assertEquals(422, farFuture.status(), farFuture.body().toString());
            assertEquals(true, farFuture.body().toString().contains("publishedAt"), farFuture.body().toString());
            assertEquals(202, post(port, "POST", "application/json", "{\"title\":\"After\",\"body\":\"Still open.\"}").status());
            assertEquals(0, service.health().get(0).pollFailures(), "a permanent error is the request's fault, not Kafka's");
        }
    }

    /**
     * The topic's own limit ({@code max.message.bytes}) set below one article of a batch, the ingest limit left as
     * it is: the article passes the endpoint's checks and the broker refuses it. That is permanent: 413, not 503,
     * one dead letter naming the refusal, the other article of the batch published, nothing sent again.
     */
    @Test
    void shouldAnswer413AndDeadLetterOnceWhenTheBrokerRefusesAnArticleAsTooLarge() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "push7", "topic.partitions", "1")));
        String body = incompressibleText(40_000);
        String tooLargeUrl = "https://harbour.example/too-large-for-the-topic";
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             IngestService service = service(config, publisher, Map.of())) {
            limitMessageBytes(publisher.topics().raw().name(), TOPIC_MAX_MESSAGE_BYTES);
            int port = service.pushPort("partners").orElseThrow();
            ArrayNode batch = JSON.createArrayNode();
            batch.addObject().put("url", "https://harbour.example/fits").put("title", "Fits").put("body", "A short report.");
            batch.addObject().put("url", tooLargeUrl).put("title", "Too large for the topic").put("body", body);
            long start = System.nanoTime();
            Answer refused = post(port, "POST", "application/json", batch.toString());
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(413, refused.status(), refused.body().toString());
            assertTrue(refused.body().get("error").asText().startsWith("Kafka refuses the article for good (RecordTooLargeException)"),
                refused.body().toString());
            assertTrue(refused.body().get("error").asText().endsWith("(1 of 2 articles of the request were published)"),
                refused.body().toString());
            assertEquals(List.of(1), refused.body().get("problems").findValues("index").stream().map(JsonNode::asInt).toList());
            assertTrue(answeredIn.toMillis() < config.getLong(IngestConfig.PUSH_ACK_TIMEOUT_MS), "answered after " + answeredIn.toMillis() + " ms");
            Answer after = post(port, "POST", "application/json", "{\"url\":\"https://harbour.example/after\",\"body\":\"Fits the topic.\"}");
            assertEquals(202, after.status(), after.body().toString());
            assertEquals(0, service.health().get(0).pollFailures(), "a permanent refusal is not a Kafka outage");
        }
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            List<DeadLetter> letters = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(), new StringDeserializer(),
                    topics.deadLetters().valueSerde().deserializer(), 1, Duration.ofSeconds(30), Duration.ofSeconds(3))
                .stream().map(ConsumerRecord::value).toList();
            assertEquals(List.of(tooLargeUrl), letters.stream().map(DeadLetter::getOrigin).toList(), "one dead letter");
            assertTrue(letters.get(0).getErrorMessage().contains("Kafka refuses the article for good (RecordTooLargeException)"),
                letters.get(0).getErrorMessage());
            assertTrue(StandardCharsets.UTF_8.decode(letters.get(0).getValue()).toString().contains(body.substring(0, 200)),
                "the dead letter carries the article as sent");
            List<String> published = TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                    topics.raw().valueSerde().deserializer(), 2, Duration.ofSeconds(30), Duration.ofSeconds(3))
                .stream().map(r -> r.value().getOrigin()).toList();
            assertEquals(List.of("https://harbour.example/fits", "https://harbour.example/after"), published,
                "the articles that fit the topic, once each");
        }
    }

    /** Below the article's size as a (compressed) batch, far below ingest.max.article.bytes. */
    private static final int TOPIC_MAX_MESSAGE_BYTES = 8_192;

    private static void limitMessageBytes(String topic, int maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Random letters and spaces: compression cannot bring them under the topic's limit. */
    private static String incompressibleText(int length) {
        java.util.Random random = new java.util.Random(42);
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append(random.nextInt(7) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    @Test
    void shouldServeRequestsWhileOtherClientsStallMidRequest() throws Exception {
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "push6", "topic.partitions", "1")));
        List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             IngestService service = service(config, publisher, Map.of())) {
            int port = service.pushPort("partners").orElseThrow();
            assertEquals(202, post(port, "POST", "application/json", "{\"title\":\"Warm\",\"body\":\"Warming up.\"}").status());
            for (int i = 0; i < 6; i++) {
                java.net.Socket s = new java.net.Socket("127.0.0.1", port);
                stalled.add(s);
                // half the headers, or the headers and half the body
                String half = i % 2 == 0 ? "POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl"
                    : "POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"bo";
                s.getOutputStream().write(half.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            Thread.sleep(300);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/articles"))
                .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"During\",\"body\":\"Others stall.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode());
        } finally {
            for (java.net.Socket s : stalled) {
                s.close();
            }
        }
    }
}
