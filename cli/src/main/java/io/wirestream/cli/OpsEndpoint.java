package io.wirestream.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.ops.health.HealthRegistry;
import io.wirestream.ops.http.OpsHttpServer;
import io.wirestream.ops.metrics.PipelineMetrics;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The metrics and health endpoints of a long-running command, on {@code ops.http.port} (none when -1). The
 * caller adds its health checks through {@code checks}; metrics come from {@code metrics}' Prometheus registry.
 */
final class OpsEndpoint implements AutoCloseable {
    private final OpsHttpServer server;

    private OpsEndpoint(OpsHttpServer server) {
        this.server = server;
    }

    static OpsEndpoint start(WirestreamConfig config, PipelineMetrics metrics, Consumer<HealthRegistry> checks) {
        if (!(metrics.registry() instanceof PrometheusMeterRegistry prometheus)) {
            throw new IllegalArgumentException("the metrics endpoint needs a Prometheus registry");
        }
        HealthRegistry health = new HealthRegistry();
        checks.accept(health);
        health.bindTo(prometheus);
        if (config.opsHttpPort() < 0) {
            return new OpsEndpoint(null);
        }
        return new OpsEndpoint(OpsHttpServer.start(new InetSocketAddress(config.opsHttpBind(), config.opsHttpPort()), prometheus, health));
    }

    /** A line saying where the endpoints are, if they run. */
    Optional<String> describe() {
        return server == null ? Optional.empty()
            : Optional.of("Metrics on port " + server.port() + " (/metrics), health at /health/live and /health/ready");
    }

    Optional<OpsHttpServer> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
