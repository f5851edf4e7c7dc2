package io.wirestream.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running in this JVM.
 *
 * <p>It is the broker of the embedded default: the demo, the tests and local development. It runs the
 * same code as a production broker; only replication is absent, so the internal topics are created with
 * replication factor 1 and {@code transaction.state.log.min.isr=1} (without these exactly-once Streams
 * on one node waits forever to initialise transactions).
 *
 * <p>Lifecycle: {@link #start()} formats the log directory (if not yet formatted) and starts the server;
 * {@link #close()} stops it and, for a temporary directory, deletes the data. A broker restarted with
 * {@link #stop()} and {@link #start()} keeps its topics, offsets and ports.
 *
 * <p>Limit: the controller port is picked by binding port 0 and releasing it before the broker binds it,
 * so another process could take it in between; start-up then fails with a bind error and can be retried.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDir;
    private final boolean deleteOnClose;
    private final int requestedPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;
    private int port;
    private int controllerPort;

    private EmbeddedKafkaBroker(Path logDir, boolean deleteOnClose, int port, Map<String, String> overrides) {
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.requestedPort = port;
        this.overrides = Map.copyOf(overrides);
    }

    /** A broker on a fresh temporary directory and a free port; the data is deleted on close. */
    public static EmbeddedKafkaBroker temporary() {
        return temporary(Map.of());
    }

    /** A temporary broker with extra broker properties (for example SASL listeners or retention). */
    public static EmbeddedKafkaBroker temporary(Map<String, String> overrides) {
        try {
            return new EmbeddedKafkaBroker(Files.createTempDirectory("wirestream-kafka-"), true, 0, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary log directory", e);
        }
    }

    /**
     * A broker whose data lives in {@code logDir} and survives restarts.
     *
     * @param port the client port, or 0 for a free one (a restart then gets another port)
     */
    public static EmbeddedKafkaBroker persistent(Path logDir, int port, Map<String, String> overrides) {
        Objects.requireNonNull(logDir, "logDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        return new EmbeddedKafkaBroker(logDir, false, port, overrides);
    }

    /** Formats the log directory if needed and starts the broker; returns when it accepts clients. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            throw new IllegalStateException("broker already started on port " + port);
        }
        // A restart keeps the ports of the first start, so clients that know the address reconnect.
        if (port == 0) {
            port = requestedPort != 0 ? requestedPort : freePort();
            controllerPort = freePort();
        }
        Properties props = brokerProperties();
        try {
            Files.createDirectories(logDir);
            Path configFile = logDir.resolve("embedded-server.properties");
            try (Writer w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(w, "written by Wirestream's embedded broker on each start");
            }
            if (!Files.exists(logDir.resolve("data").resolve("meta.properties"))) {
                format(configFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the log directory " + logDir, e);
        }
        KafkaConfig config = new KafkaConfig(props, false);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        log.info("Embedded Kafka broker started at {} (data in {})", bootstrapServers(), logDir);
        return this;
    }

    /** {@code 127.0.0.1:port} of the client listener. */
    public String bootstrapServers() {
        if (server == null) {
            throw new IllegalStateException("broker not started");
        }
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Stops the broker, keeping its data; {@link #start()} may be called again (a restart). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        log.info("Embedded Kafka broker on port {} stopped", port);
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.resolve("data").toString());
        // One node: every internal topic must accept replication factor 1, or transactions never start.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.putAll(overrides);
        return p;
    }

    private void format(Path configFile) {
        // Called only for an unformatted directory: the cluster id is then kept for its lifetime.
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {
                "format", "-t", clusterId, "-c", configFile.toString()}, ps);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting the log directory " + logDir + " failed (exit "
                + rc + "): " + out.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
