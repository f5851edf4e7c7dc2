package io.wirestream.registry.client;

import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The client's HTTP behaviour (auth, retries, fall-over) against small scripted servers on loopback. */
class HttpSchemaRegistryClientIT {
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    @Timeout(30)
    void shouldSendBasicAuthFromUserInfo() {
        String url = serve(request -> request.authorized("joe", "s3cret") ? reply(200, "{\"id\":7}") : unauthorized());
        try (HttpSchemaRegistryClient client = client(url, Map.of(
            "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "joe:s3cret"))) {
            assertEquals(7, client.register("t-value", STRING));
        }
        assertEquals(List.of(basic("joe:s3cret")), authorizations);
    }

    @Test
    @Timeout(30)
    void shouldSendCredentialsGivenInTheUrl() {
        String url = serve(request -> request.authorized("joe", "s3cret") ? reply(200, "{\"id\":8}") : unauthorized());
        try (HttpSchemaRegistryClient client = client(url.replace("http://", "http://joe:s3cret@"), Map.of())) {
            assertEquals(8, client.register("t-value", STRING));
            assertEquals(List.of(url), client.urls());
        }
        assertEquals(List.of(basic("joe:s3cret")), authorizations);
    }

    @Test
    @Timeout(30)
    void shouldFailAt401WithTheRegistryAnswerAndNoRetry() {
        String url = serve(request -> request.authorized("joe", "s3cret") ? reply(200, "{\"id\":7}") : unauthorized());
        try (HttpSchemaRegistryClient client = client(url, Map.of(
            "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "joe:wrong"))) {
            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register("t-value", STRING));
            assertEquals(401, e.httpStatus());
            assertEquals(40101, e.errorCode());
            assertEquals("POST " + url + "/subjects/t-value/versions (subject 't-value') failed: the registry answered "
                + "HTTP 401, error_code 40101: Unauthorized", e.getMessage());
        }
        assertEquals(1, requests.get());
    }

    @Test
    @Timeout(30)
    void shouldRetryServerErrorsThenSucceed() {
        String url = serve(request -> requests.get() <= 2
            ? reply(503, "{\"error_code\":50001,\"message\":\"store unavailable\"}")
            : reply(200, "{\"schema\":\"\\\"string\\\"\"}"));
        try (HttpSchemaRegistryClient client = client(url, Map.of())) {
            assertEquals(STRING, client.getSchemaById(5));
            assertEquals(3, requests.get());
            assertEquals(STRING, client.getSchemaById(5));
            assertEquals(3, requests.get(), "a known id is answered from the cache");
        }
    }

    @Test
    @Timeout(30)
    void shouldGiveUpAfterTheConfiguredRetries() {
        String url = serve(request -> reply(500, "{\"error_code\":50001,\"message\":\"store down\"}"));
        try (HttpSchemaRegistryClient client = client(url, Map.of("schema.registry.retries", "2"))) {
            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.getAllSubjects());
            assertEquals(50001, e.errorCode());
            assertEquals("GET " + url + "/subjects (all subjects) failed after 3 attempts: the registry answered "
                + "HTTP 500, error_code 50001: store down", e.getMessage());
        }
        assertEquals(3, requests.get());
    }

    @Test
    @Timeout(30)
    void shouldFallOverToTheNextUrlWhenTheFirstRefusesConnections() throws IOException {
        String dead = "http://127.0.0.1:" + closedPort();
        String url = serve(request -> reply(200, "[\"a-value\",\"b-value\"]"));
        try (HttpSchemaRegistryClient client = client(dead + "," + url, Map.of("schema.registry.retries", "0"))) {
            assertEquals(List.of("a-value", "b-value"), client.getAllSubjects());
        }
        assertEquals(1, requests.get());
    }

    @Test
    @Timeout(30)
    void shouldReportAnUnreachableRegistry() throws IOException {
        String dead = "http://127.0.0.1:" + closedPort();
        try (HttpSchemaRegistryClient client = client(dead, Map.of("schema.registry.retries", "1"))) {
            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.getSchemaById(3));
            assertEquals(SchemaRegistryException.NO_RESPONSE, e.httpStatus());
            assertEquals("GET " + dead + "/schemas/ids/3 (schema id 3) failed after 2 attempt(s): no answer from the "
                + "registry: ConnectException", e.getMessage());
        }
    }

    private HttpSchemaRegistryClient client(String urls, Map<String, String> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put("schema.registry.url", urls);
        configs.putIfAbsent("schema.registry.retry.backoff.ms", "10");
        configs.putIfAbsent("schema.registry.retry.backoff.max.ms", "20");
        configs.putIfAbsent("schema.registry.request.timeout.ms", "5000");
        return HttpSchemaRegistryClient.fromConfigs(configs);
    }

    private record Request(String authorization) {
        boolean authorized(String user, String password) {
            return basic(user + ":" + password).equals(authorization);
        }
    }

    private record Reply(int status, String body) {
    }

    private static Reply reply(int status, String body) {
        return new Reply(status, body);
    }

    private static Reply unauthorized() {
        return reply(401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a loopback server answering every request with {@code script}; returns its base URL. */
    private String serve(Function<Request, Reply> script) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    authorizations.add(authorization);
                }
                exchange.getRequestBody().readAllBytes();
                Reply reply = script.apply(new Request(authorization));
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            servers.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
