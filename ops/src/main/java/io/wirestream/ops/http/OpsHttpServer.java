package io.wirestream.ops.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ops.health.Health;
import io.wirestream.ops.health.HealthRegistry;
import io.wirestream.ops.health.HealthReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The operations endpoints of a Wirestream process, on the JDK's built-in HTTP server:
 * <ul>
 *   <li>{@code GET /metrics}: the meter registry in the Prometheus text format (0.0.4);</li>
 *   <li>{@code GET /health/live}: 200 unless a health check is {@code DOWN}, else 503;</li>
 *   <li>{@code GET /health/ready}: 200 when every check is {@code UP}, else 503.</li>
 * </ul>
 * Health responses are JSON: {@code {"status":"UP"|"DOWN","checks":{"name":{"status":..,"detail":..}}}}.
 * Other paths answer 404, other methods than GET and HEAD 405. Requests are served by a bounded pool of
 * {@value #THREADS} daemon threads, and each exchange has {@link #REQUEST_DEADLINE} to be read and answered:
 * a client that sends half a request and stalls has its connection closed then, and until then holds one
 * thread only, so probes still get their answer ({@link DeadlineExecutor}). The endpoints carry no
 * authentication, so bind them to an address only the monitoring network reaches.
 */
public final class OpsHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsHttpServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final int THREADS = 8;
    /** Longest time one exchange may take, reading the request included; a scrape takes milliseconds. */
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(5);

    private final HttpServer server;
    private final DeadlineExecutor executor;

    private OpsHttpServer(HttpServer server, DeadlineExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code address} (port 0 picks a free port) and starts serving.
     *
     * @throws UncheckedIOException if the address cannot be bound (port taken)
     */
    public static OpsHttpServer start(InetSocketAddress address, PrometheusMeterRegistry metrics, HealthRegistry health) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + address + ": " + e.getMessage(), e);
        }
        DeadlineExecutor executor = new DeadlineExecutor("wirestream-ops-http", THREADS, 4 * THREADS, REQUEST_DEADLINE);
        server.setExecutor(executor);
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
            "not found; try /metrics, /health/live or /health/ready\n"));
        server.createContext("/metrics", exact("/metrics", exchange ->
            respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape())));
        server.createContext("/health/live", exact("/health/live", exchange -> health(exchange, health::liveness)));
        server.createContext("/health/ready", exact("/health/ready", exchange -> health(exchange, health::readiness)));
        server.start();
        OpsHttpServer ops = new OpsHttpServer(server, executor);
        log.info("Serving metrics and health on {}", ops.baseUri());
        return ops;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port} as bound (a wildcard address shows as {@code 0.0.0.0}). */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    private static HttpHandler exact(String path, HttpHandler handler) {
        return exchange -> {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals(path)) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            } else {
                handler.handle(exchange);
            }
        };
    }

    private static void health(HttpExchange exchange, Supplier<HealthReport> probe) throws IOException {
        HealthReport report = probe.get();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", report.passing() ? "UP" : "DOWN");
        ObjectNode checks = body.putObject("checks");
        for (Map.Entry<String, Health> e : report.checks().entrySet()) {
            checks.putObject(e.getKey())
                .put("status", e.getValue().status().name())
                .put("detail", e.getValue().detail());
        }
        respond(exchange, report.passing() ? 200 : 503, "application/json",
            JSON.writeValueAsString(body) + "\n");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Stops accepting requests, waits up to a second for those in flight, and frees the port. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
