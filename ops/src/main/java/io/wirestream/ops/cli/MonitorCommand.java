package io.wirestream.ops.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ops.health.Health;
import io.wirestream.ops.health.HealthRegistry;
import io.wirestream.ops.http.OpsHttpServer;
import io.wirestream.ops.lag.LagMetrics;
import io.wirestream.ops.lag.LagMonitor;
import io.wirestream.ops.lag.LagMonitorConfig;
import io.wirestream.ops.lag.LagMonitorException;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.metrics.PipelineMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code monitor}: polls consumer group lag every {@code --interval} seconds and serves it, with the monitor's
 * own JVM metrics, on {@code /metrics} in the Prometheus format, with {@code /health/live} and
 * {@code /health/ready} (ready once a poll has succeeded and while the latest one did). Runs until interrupted
 * or until the JVM shuts down. Exit codes: 0 stopped, 1 the port could not be bound, 2 bad arguments.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = "Serve consumer group lag, time lag and status as Prometheus metrics over HTTP.")
public final class MonitorCommand implements Callable<Integer> {
    static final String POLL_CHECK = "lag-poll";

    @Spec
    CommandSpec spec;

    @Mixin
    LagOptions options;

    @Option(names = "--port", defaultValue = "9308", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
        description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() {
        LagMonitorConfig config = options.toConfig();
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for --port: must be 0..65535, was " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        LagMetrics lagMetrics = new LagMetrics(registry);
        AtomicReference<Health> lastPoll = new AtomicReference<>(Health.notReady("no poll completed yet"));
        HealthRegistry health = new HealthRegistry().register(POLL_CHECK, lastPoll::get);
        health.bindTo(registry);

        OpsHttpServer server;
        try {
            server = OpsHttpServer.start(new InetSocketAddress(bind, port), registry, health);
        } catch (UncheckedIOException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
        Thread pollThread = Thread.currentThread();
        Thread hook = new Thread(() -> {
            pollThread.interrupt();
            try {
                pollThread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wirestream-monitor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PipelineMetrics jvm = new PipelineMetrics(registry).bindJvm();
        try (server; jvm; LagMonitor monitor = LagMonitor.create(config)) {
            out.println("Serving consumer lag metrics on " + server.baseUri() + "/metrics (polling "
                + config.bootstrapServers() + " every " + config.intervalMs() + " ms)");
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    LagReport report = monitor.poll();
                    lagMetrics.update(report);
                    lastPoll.set(Health.up("last poll at " + Instant.ofEpochMilli(report.timeMs()) + ": "
                        + report.groups().size() + " group(s)"));
                } catch (LagMonitorException e) {
                    lagMetrics.recordFailure();
                    lastPoll.set(Health.notReady(e.getMessage()));
                    err.println("Error: " + e.getMessage());
                    err.flush();
                }
                Thread.sleep(config.intervalMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it is what interrupted us.
            }
        }
        out.println("Monitor stopped");
        out.flush();
        return 0;
    }
}
