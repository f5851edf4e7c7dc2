package io.wirestream.ops.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ops.health.Health;
import io.wirestream.ops.health.HealthRegistry;
import io.wirestream.ops.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(30)
class OpsHttpServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(URI base, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeMetricsAndAnswerProbesFromTheHealthChecks() throws Exception {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        new PipelineMetrics(registry).deadLetter("dedup");
        AtomicReference<Health> streams = new AtomicReference<>(Health.notReady("REBALANCING"));
        HealthRegistry health = new HealthRegistry().register("kafka-streams", streams::get);
        health.bindTo(registry);

        try (OpsHttpServer server = OpsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), registry, health)) {
            URI base = server.baseUri();
            HttpResponse<String> metrics = send(base, "GET", "/metrics");
            assertEquals(200, metrics.statusCode());
            assertEquals(List.of("wirestream_dead_letters_total{stage=\"dedup\"} 1.0"),
                metrics.body().lines().filter(l -> l.startsWith("wirestream_dead_letters_total")).toList());
            assertEquals(List.of("wirestream_health_status{check=\"kafka-streams\"} 1.0"),
                metrics.body().lines().filter(l -> l.startsWith("wirestream_health_status")).toList());

            assertEquals(200, send(base, "GET", "/health/live").statusCode());
            HttpResponse<String> ready = send(base, "GET", "/health/ready");
            assertEquals(503, ready.statusCode());
            assertEquals("{\"status\":\"DOWN\",\"checks\":{\"kafka-streams\":{\"status\":\"NOT_READY\","
                + "\"detail\":\"REBALANCING\"}}}", ready.body().trim());

            streams.set(Health.up("RUNNING"));
            assertEquals(200, send(base, "GET", "/health/ready").statusCode());
            streams.set(Health.down("ERROR"));
            assertEquals(503, send(base, "GET", "/health/live").statusCode());

            assertEquals(405, send(base, "POST", "/metrics").statusCode());
            assertEquals(404, send(base, "GET", "/metricsx").statusCode());
            assertEquals(503, send(base, "HEAD", "/health/live").statusCode());
        }
    }

    @Test
    void shouldAnswerLivenessWithinASecondWhileClientsStallMidRequest() throws Exception {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        HealthRegistry health = new HealthRegistry().register("kafka-streams", () -> Health.up("RUNNING"));
        List<Socket> stalled = new ArrayList<>();
        try (OpsHttpServer server = OpsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), registry, health)) {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                stalled.add(s);
                OutputStream out = s.getOutputStream();
                out.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            Thread.sleep(300);
            long start = System.nanoTime();
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/health/live"))
                .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode());
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(true, tookMs < 1_000, "liveness took " + tookMs + " ms");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }
}
