package io.wirestream.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.ops.KafkaTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(120)
class MonitorCommandIT {
    private static final Pattern SERVING = Pattern.compile("Serving consumer lag metrics on (http://\\S+)/metrics");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedKafkaBroker broker;
    private static KafkaTestSupport kafka;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.temporary().start();
        kafka = new KafkaTestSupport(broker.bootstrapServers());
        kafka.createTopic("monitor-articles", 2);
        kafka.produce("monitor-articles", 0, 10);
        kafka.produce("monitor-articles", 1, 4);
        kafka.commit("monitor-group", "monitor-articles", 0, 3);
        kafka.commit("monitor-group", "monitor-articles", 1, 4);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.close();
    }

    /** A running {@code monitor} command, its base URI and a way to stop it. */
    private record Running(Thread thread, CompletableFuture<Integer> exit, URI base, StringWriter out) implements AutoCloseable {
        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Running startMonitor(String... args) throws InterruptedException {
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        CommandLine cmd = new CommandLine(new MonitorCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        Thread thread = new Thread(() -> exit.complete(cmd.execute(args)), "monitor-under-test");
        thread.start();
        while (true) {
            Matcher m = SERVING.matcher(out.toString());
            if (m.find()) {
                return new Running(thread, exit, URI.create(m.group(1).replace("0.0.0.0", "127.0.0.1")), out);
            }
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitStatus(URI base, String path, int status) throws Exception {
        while (true) {
            HttpResponse<String> r = get(base, path);
            if (r.statusCode() == status) {
                return r;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void shouldServeTheGroupsLagAsPrometheusMetrics() throws Exception {
        Running monitor = startMonitor("--bootstrap", broker.bootstrapServers(), "--group", "monitor-group",
            "--port", "0", "--bind", "127.0.0.1", "--interval", "0.2", "--window", "3");
        try (monitor) {
            HttpResponse<String> ready = awaitStatus(monitor.base(), "/health/ready", 200);
            assertEquals("application/json", ready.headers().firstValue("Content-Type").orElseThrow());
            // STALLED needs three polls with partition 0 stuck at offset 3.
            HttpResponse<String> metrics;
            do {
                Thread.sleep(100);
                metrics = get(monitor.base(), "/metrics");
            } while (!metrics.body().contains("wirestream_consumergroup_status{group=\"monitor-group\"} 2.0"));

            assertEquals(200, metrics.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                metrics.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(List.of(
                    "wirestream_consumergroup_lag{group=\"monitor-group\",partition=\"0\",topic=\"monitor-articles\"} 7.0",
                    "wirestream_consumergroup_lag{group=\"monitor-group\",partition=\"1\",topic=\"monitor-articles\"} 0.0"),
                lines(metrics.body(), "wirestream_consumergroup_lag{"));
            assertEquals(List.of(
                    "wirestream_consumergroup_committed_offset{group=\"monitor-group\",partition=\"0\",topic=\"monitor-articles\"} 3.0",
                    "wirestream_consumergroup_committed_offset{group=\"monitor-group\",partition=\"1\",topic=\"monitor-articles\"} 4.0"),
                lines(metrics.body(), "wirestream_consumergroup_committed_offset{"));
            assertEquals(List.of(
                    "wirestream_partition_end_offset{partition=\"0\",topic=\"monitor-articles\"} 10.0",
                    "wirestream_partition_end_offset{partition=\"1\",topic=\"monitor-articles\"} 4.0"),
                lines(metrics.body(), "wirestream_partition_end_offset{"));
            assertEquals(List.of("wirestream_consumergroup_members{group=\"monitor-group\"} 0.0"),
                lines(metrics.body(), "wirestream_consumergroup_members{"));
            assertEquals(List.of("wirestream_health_status{check=\"lag-poll\"} 2.0"),
                lines(metrics.body(), "wirestream_health_status{"));
            assertEquals(List.of("wirestream_lag_monitor_polls_total{outcome=\"failure\"} 0.0"),
                lines(metrics.body(), "wirestream_lag_monitor_polls_total{outcome=\"failure\"}"));
            assertEquals(List.of("wirestream_consumergroup_time_lag_seconds{group=\"monitor-group\",partition=\"1\",topic=\"monitor-articles\"} 0.0"),
                lines(metrics.body(), "wirestream_consumergroup_time_lag_seconds{group=\"monitor-group\",partition=\"1\""));
            assertEquals(200, get(monitor.base(), "/health/live").statusCode());
            assertEquals(404, get(monitor.base(), "/nothing-here").statusCode());
        }
        assertEquals(0, monitor.exit().get());
        assertEquals("Monitor stopped", monitor.out().toString().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void shouldStayLiveButNotReadyWhileTheBrokerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Running monitor = startMonitor("--bootstrap", "127.0.0.1:" + port, "--port", "0", "--bind", "127.0.0.1",
            "--interval", "0.2", "--timeout", "0.5");
        try (monitor) {
            HttpResponse<String> metrics;
            do {
                Thread.sleep(100);
                metrics = get(monitor.base(), "/metrics");
            } while (lines(metrics.body(), "wirestream_lag_monitor_polls_total{outcome=\"failure\"} 0.0").size() == 1);

            HttpResponse<String> ready = get(monitor.base(), "/health/ready");
            assertEquals(503, ready.statusCode());
            JsonNode body = new ObjectMapper().readTree(ready.body());
            assertEquals("DOWN", body.path("status").asText());
            assertEquals("NOT_READY", body.path("checks").path("lag-poll").path("status").asText());
            // The cause after the prefix depends on how far the AdminClient got (timeout, or no broker found).
            String expectedPrefix = "cannot list consumer groups on Kafka at 127.0.0.1:" + port + " within 500 ms: ";
            String detail = body.path("checks").path("lag-poll").path("detail").asText();
            assertEquals(expectedPrefix, detail.substring(0, Math.min(detail.length(), expectedPrefix.length())));
            assertEquals(200, get(monitor.base(), "/health/live").statusCode());
        }
        assertEquals(0, monitor.exit().get());
    }

    @Test
    void shouldExitWithOneWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            CommandLine cmd = new CommandLine(new MonitorCommand());
            cmd.setOut(new PrintWriter(new StringWriter(), true));
            cmd.setErr(new PrintWriter(err, true));
            int code = cmd.execute("--bootstrap", broker.bootstrapServers(), "--bind", "127.0.0.1",
                "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, code);
            assertEquals("Error: cannot serve metrics on /127.0.0.1:" + taken.getLocalPort()
                + ": Address already in use", err.toString().trim());
        }
    }

    private static List<String> lines(String body, String prefix) {
        return body.lines().filter(l -> l.startsWith(prefix)).sorted().toList();
    }
}
