package io.wirestream.registry.server;

import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.registry.client.CompatibilityResult;
import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.client.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SchemaRegistryServerIT {
    private static final Schema V1 = io.wirestream.registry.sample.v1.Headline.getClassSchema();
    private static final Schema V2 = io.wirestream.registry.sample.v2.Headline.getClassSchema();
    private static final Schema REQUIRED_SECTION = headline("{\"name\":\"title\",\"type\":\"string\"},"
        + "{\"name\":\"words\",\"type\":\"int\"},{\"name\":\"section\",\"type\":\"string\"}");
    private static final Schema WORDS_AS_STRING = headline("{\"name\":\"title\",\"type\":\"string\"},"
        + "{\"name\":\"words\",\"type\":\"string\"}");

    private static EmbeddedKafkaBroker broker;
    private static SchemaRegistryServer server;
    private static HttpSchemaRegistryClient client;

    private String subject;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.temporary().start();
        server = SchemaRegistryServer.start(Map.of("kafkastore.bootstrap.servers", broker.bootstrapServers(),
            "kafkastore.topic", "_schemas_it_" + UUID.randomUUID()));
        client = HttpSchemaRegistryClient.fromConfigs(Map.of("schema.registry.url", server.url()));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void uniqueSubject(TestInfo test) {
        subject = test.getTestMethod().orElseThrow().getName() + "-value";
    }

    @Test
    @Timeout(60)
    void shouldRegisterLookUpAndFetchASchema() {
        int id = client.register(subject, V1);
        assertEquals(V1, client.getSchemaById(id));
        assertEquals(new SchemaMetadata(id, 1, subject, V1), client.getLatestSchemaMetadata(subject));
        assertEquals(new SchemaMetadata(id, 1, subject, V1), client.getSchemaMetadata(subject, 1));
        assertEquals(Optional.of(new SchemaMetadata(id, 1, subject, V1)), client.lookup(subject, V1));
        assertEquals(Optional.empty(), client.lookup(subject, V2));
        assertEquals(Optional.empty(), client.lookup("no-such-subject", V1));
        assertEquals(List.of(1), client.getAllVersions(subject));
        assertEquals(true, client.getAllSubjects().contains(subject));
        assertEquals(id, client.register(subject, V1));
        assertEquals(List.of(1), client.getAllVersions(subject));
    }

    @Test
    @Timeout(60)
    void shouldReuseTheSameIdUnderAnotherSubject() {
        Schema unique = headline("{\"name\":\"shared\",\"type\":\"long\"}");
        int first = client.register(subject, unique);
        int second = client.register("other-" + subject, unique);
        assertEquals(first, second);
        assertEquals(new SchemaMetadata(second, 1, "other-" + subject, unique), client.getLatestSchemaMetadata("other-" + subject));
    }

    @Test
    @Timeout(60)
    void shouldAcceptANewOptionalFieldWithDefaultUnderBackward() {
        int v1 = client.register(subject, V1);
        int v2 = client.register(subject, V2);
        assertEquals(List.of(1, 2), client.getAllVersions(subject));
        assertEquals(new SchemaMetadata(v2, 2, subject, V2), client.getLatestSchemaMetadata(subject));
        assertEquals(V1, client.getSchemaById(v1));
        assertEquals("BACKWARD", client.getCompatibility(subject));
    }

    @Test
    @Timeout(60)
    void shouldRefuseANewRequiredFieldWith409NamingTheField() {
        client.register(subject, V1);
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
            () -> client.register(subject, REQUIRED_SECTION));
        assertEquals(409, e.httpStatus());
        assertEquals(409, e.errorCode());
        assertEquals("Schema being registered is incompatible with an earlier schema for subject '" + subject
            + "' at compatibility level BACKWARD: the new schema cannot read data written with version 1: field "
            + "'section' of the reader has no default value and is absent from the writer "
            + "[READER_FIELD_MISSING_DEFAULT_VALUE]", e.registryMessage());
        assertEquals(List.of(1), client.getAllVersions(subject));
    }

    @Test
    @Timeout(60)
    void shouldRefuseATypeChangeWith409NamingTheField() {
        client.register(subject, V1);
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
            () -> client.register(subject, WORDS_AS_STRING));
        assertEquals(409, e.httpStatus());
        assertEquals("Schema being registered is incompatible with an earlier schema for subject '" + subject
            + "' at compatibility level BACKWARD: the new schema cannot read data written with version 1: field "
            + "'words' (/fields/1/type) changed type: reader type: STRING not compatible with writer type: INT "
            + "[TYPE_MISMATCH]", e.registryMessage());
    }

    @Test
    @Timeout(60)
    void shouldTestCompatibilityWithMessages() {
        assertEquals(new CompatibilityResult(true, List.of()), client.testCompatibility(subject, V1));
        client.register(subject, V1);
        assertEquals(new CompatibilityResult(true, List.of()), client.testCompatibility(subject, V2));
        assertEquals(new CompatibilityResult(false, List.of("the new schema cannot read data written with version 1: "
                + "field 'words' (/fields/1/type) changed type: reader type: STRING not compatible with writer type: INT "
                + "[TYPE_MISMATCH]")),
            client.testCompatibility(subject, WORDS_AS_STRING));
    }

    @Test
    @Timeout(60)
    void shouldApplyACompatibilityLevelPerSubject() {
        String relaxed = "relaxed-" + subject;
        client.register(subject, V1);
        client.register(relaxed, V1);
        client.setCompatibility(relaxed, "NONE");
        assertEquals("NONE", client.getCompatibility(relaxed));
        assertEquals("BACKWARD", client.getCompatibility(subject));
        assertEquals("BACKWARD", client.getCompatibility(null));
        int relaxedId = client.register(relaxed, WORDS_AS_STRING);
        assertEquals(new SchemaMetadata(relaxedId, 2, relaxed, WORDS_AS_STRING), client.getSchemaMetadata(relaxed, 2));
        assertEquals(409, assertThrows(SchemaRegistryException.class, () -> client.register(subject, WORDS_AS_STRING))
            .httpStatus());
        SchemaRegistryException invalid = assertThrows(SchemaRegistryException.class,
            () -> client.setCompatibility(subject, "LOOSE"));
        assertEquals(42203, invalid.errorCode());
    }

    @Test
    @Timeout(60)
    void shouldAnswerConfluentErrorCodes() throws Exception {
        client.register(subject, V1);
        assertEquals(40403, assertThrows(SchemaRegistryException.class, () -> client.getSchemaById(987654)).errorCode());
        assertEquals(40402, assertThrows(SchemaRegistryException.class, () -> client.getSchemaMetadata(subject, 9)).errorCode());
        assertEquals(40401, assertThrows(SchemaRegistryException.class, () -> client.getAllVersions("absent-value")).errorCode());

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects/" + subject + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\"}\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(422, invalid.statusCode());
        assertEquals("{\"error_code\":42201,\"message\":\"Invalid schema: Record has no fields: "
            + "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\"}\"}", invalid.body());
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("{}", root.body());
        assertEquals("application/vnd.schemaregistry.v1+json", root.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects/" + subject
            + "/versions/latest/schema")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(V1.toString(), raw.body());
    }

    @Test
    @Timeout(60)
    void shouldGiveDistinctIdsToConcurrentRegistrations() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Schema s = headline("{\"name\":\"f" + i + "\",\"type\":\"int\"}");
                String sub = subject + "-" + i;
                ids.add(pool.submit(() -> client.register(sub, s)));
            }
            Set<Integer> distinct = new TreeSet<>();
            for (Future<Integer> f : ids) {
                distinct.add(f.get());
            }
            assertEquals(8, distinct.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(120)
    void shouldKeepIdsVersionsAndLevelsAcrossARestart() throws Exception {
        String topic = "_schemas_restart_" + UUID.randomUUID();
        Map<String, Object> configs = Map.of("kafkastore.bootstrap.servers", broker.bootstrapServers(),
            "kafkastore.topic", topic);
        int v1;
        int v2;
        int other;
        try (SchemaRegistryServer first = SchemaRegistryServer.start(configs);
             HttpSchemaRegistryClient c = HttpSchemaRegistryClient.fromConfigs(Map.of("schema.registry.url", first.url()))) {
            v1 = c.register(subject, V1);
            v2 = c.register(subject, V2);
            other = c.register("other-" + subject, WORDS_AS_STRING);
            c.setCompatibility(subject, "FULL_TRANSITIVE");
            c.setCompatibility(null, "FORWARD");
        }
        try (SchemaRegistryServer second = SchemaRegistryServer.start(configs);
             HttpSchemaRegistryClient c = HttpSchemaRegistryClient.fromConfigs(Map.of("schema.registry.url", second.url()))) {
            assertEquals(V1, c.getSchemaById(v1));
            assertEquals(new SchemaMetadata(v2, 2, subject, V2), c.getLatestSchemaMetadata(subject));
            assertEquals(List.of("other-" + subject, subject), c.getAllSubjects());
            assertEquals("FULL_TRANSITIVE", c.getCompatibility(subject));
            assertEquals("FORWARD", c.getCompatibility(null));
            int next = c.register("third-" + subject, REQUIRED_SECTION);
            assertEquals(Math.max(v1, Math.max(v2, other)) + 1, next);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
            assertEquals(1, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
        }
    }

    private static Schema headline(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Headline\",\"namespace\":\"io.wirestream.registry.sample.v1\","
            + "\"fields\":[" + fields + "]}");
    }
}
