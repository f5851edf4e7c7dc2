package io.wirestream.registry.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema ids the registry does not know are not asked for again for every record (negative cache with
 * expiry), and concurrent lookups of one id make one request. A real HTTP server on loopback counts requests.
 */
@Timeout(30)
class SchemaIdCachingTest {
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Ping\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long answerDelayMs;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/schemas/ids/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(answerDelayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String id = exchange.getRequestURI().getPath().substring("/schemas/ids/".length());
            boolean known = id.equals("1");
            byte[] body = (known
                ? "{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(SCHEMA) + "}"
                : "{\"error_code\":40403,\"message\":\"Schema " + id + " not found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpSchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put("schema.registry.url", "http://127.0.0.1:" + server.getAddress().getPort());
        return HttpSchemaRegistryClient.fromConfigs(configs);
    }

    @Test
    void shouldNotAskAgainForAnUnknownIdUntilTheEntryExpires() throws Exception {
        HttpSchemaRegistryClient client = client(Map.of("schema.registry.missing.id.cache.ms", 500));
        for (int i = 0; i < 20; i++) {
            SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.getSchemaById(987654));
            assertEquals(RegistryErrors.SCHEMA_NOT_FOUND, e.errorCode());
            assertTrue(e.getMessage().contains("Schema 987654 not found"), e.getMessage());
        }
        assertEquals(1, requests.get(), "requests for 20 lookups of one unknown id");
        Thread.sleep(600);
        assertThrows(SchemaRegistryException.class, () -> client.getSchemaById(987654));
        assertEquals(2, requests.get(), "requests once the cached answer expired");
    }

    @Test
    void shouldAskEveryTimeWhenTheNegativeCacheIsOff() {
        HttpSchemaRegistryClient client = client(Map.of("schema.registry.missing.id.cache.ms", 0));
        for (int i = 0; i < 3; i++) {
            assertThrows(SchemaRegistryException.class, () -> client.getSchemaById(5));
        }
        assertEquals(3, requests.get());
    }

    @Test
    void shouldMakeOneRequestForConcurrentLookupsOfTheSameId() throws Exception {
        answerDelayMs = 300;
        HttpSchemaRegistryClient client = client(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> known = new ArrayList<>();
            List<Future<Integer>> unknown = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                known.add(pool.submit(() -> client.getSchemaById(1).getName()));
                unknown.add(pool.submit(() -> {
                    try {
                        client.getSchemaById(77);
                        return 0;
                    } catch (SchemaRegistryException e) {
                        return e.errorCode();
                    }
                }));
            }
            for (Future<String> f : known) {
                assertEquals("Ping", f.get());
            }
            for (Future<Integer> f : unknown) {
                assertEquals(RegistryErrors.SCHEMA_NOT_FOUND, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, requests.get(), "requests for 8 concurrent lookups of each of two ids");
    }
}
