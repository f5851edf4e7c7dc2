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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
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
 * <p>Authentication, optional: {@link #withSaslScram(List)} adds a second client listener that accepts only
 * SASL/SCRAM ({@value #SCRAM_MECHANISM} or SCRAM-SHA-256), with the given users created when the
 * log directory is formatted (StorageTool's {@code --add-scram}), the way a KRaft cluster bootstraps its
 * first credentials; over plain TCP (SASL_PLAINTEXT), or over TLS (SASL_SSL) with {@link #withTls}. The
 * PLAINTEXT listener stays: it stands for a cluster's internal network (the broker's own traffic,
 * operators, the registry's store), while applications are pointed at {@link #saslBootstrapServers()}.
 *
 * <p>Limit: the controller port is picked by binding port 0 and releasing it before the broker binds it,
 * so another process could take it in between; start-up then fails with a bind error and can be retried.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    /** The SCRAM mechanism clients of the SASL listener should use; SCRAM-SHA-256 is accepted as well. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    private static final String SASL_LISTENER = "SASL";
    private static final List<String> SCRAM_MECHANISMS = List.of(SCRAM_MECHANISM, "SCRAM-SHA-256");
    // StorageTool's --add-scram syntax separates with ',' and '=' and brackets a user: keep names and passwords plain.
    private static final Pattern SCRAM_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /**
     * A SCRAM user created at format time, with credentials for every accepted mechanism.
     *
     * @param name     letters, digits, '.', '_' or '-', 1 to 128 chars
     * @param password the same characters, at least 8 of them
     */
    public record ScramUser(String name, String password) {
        public ScramUser {
            if (name == null || !SCRAM_TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("SCRAM user name '" + name
                    + "' must be 1 to 128 letters, digits, '.', '_' or '-'");
            }
            if (password == null || password.length() < 8 || !SCRAM_TOKEN.matcher(password).matches()) {
                throw new IllegalArgumentException("password of SCRAM user " + name
                    + " must be 8 to 128 letters, digits, '.', '_' or '-'");
            }
        }

        /** The JAAS line a client authenticates with as this user. */
        public String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                + "\" password=\"" + password + "\";";
        }

        @Override
        public String toString() {
            return "ScramUser[" + name + "]";
        }
    }

    private final Path logDir;
    private final boolean deleteOnClose;
    private final int requestedPort;
    private final Map<String, String> overrides;
    private List<ScramUser> scramUsers = List.of();
    private Path tlsKeystore;
    private String tlsKeystorePassword;
    private KafkaRaftServer server;
    private int port;
    private int saslPort;
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

    /**
     * Adds the SASL/SCRAM listener with these users; call before the first {@link #start()}. Users are created
     * when the log directory is formatted, so a persistent directory formatted earlier keeps its own users.
     */
    public synchronized EmbeddedKafkaBroker withSaslScram(List<ScramUser> users) {
        Objects.requireNonNull(users, "users");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("give at least one SCRAM user, or no SASL listener is needed");
        }
        if (server != null || port != 0) {
            throw new IllegalStateException("the SASL listener must be added before the broker first starts");
        }
        this.scramUsers = List.copyOf(users);
        return this;
    }

    /**
     * Serves the SASL listener over TLS (SASL_SSL) with this PKCS12 key store, whose certificate must name
     * 127.0.0.1 (clients verify the host name); call with {@link #withSaslScram} before the first {@link #start()}.
     */
    public synchronized EmbeddedKafkaBroker withTls(Path pkcs12Keystore, String password) {
        Objects.requireNonNull(pkcs12Keystore, "pkcs12Keystore");
        Objects.requireNonNull(password, "password");
        if (!Files.isReadable(pkcs12Keystore)) {
            throw new IllegalArgumentException("key store " + pkcs12Keystore + " cannot be read");
        }
        if (server != null || port != 0) {
            throw new IllegalStateException("TLS must be set up before the broker first starts");
        }
        this.tlsKeystore = pkcs12Keystore;
        this.tlsKeystorePassword = password;
        return this;
    }

    /** The {@code security.protocol} clients of {@link #saslBootstrapServers()} use: SASL_SSL or SASL_PLAINTEXT. */
    public String saslSecurityProtocol() {
        return tlsKeystore == null ? "SASL_PLAINTEXT" : "SASL_SSL";
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
            saslPort = scramUsers.isEmpty() ? 0 : freePort();
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

    /** {@code 127.0.0.1:port} of the SASL/SCRAM listener (security.protocol {@link #saslSecurityProtocol()}). */
    public String saslBootstrapServers() {
        if (scramUsers.isEmpty()) {
            throw new IllegalStateException("no SASL listener: call withSaslScram(users) before start()");
        }
        if (server == null) {
            throw new IllegalStateException("broker not started");
        }
        return "127.0.0.1:" + saslPort;
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
        if (!scramUsers.isEmpty()) {
            String sasl = SASL_LISTENER + "://127.0.0.1:" + saslPort;
            String prefix = "listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + ".";
            p.put("listeners", p.getProperty("listeners") + "," + sasl);
            p.put("advertised.listeners", p.getProperty("advertised.listeners") + "," + sasl);
            p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map")
                + "," + SASL_LISTENER + ":" + saslSecurityProtocol());
            if (tlsKeystore != null) {
                p.put(prefix + "ssl.keystore.type", "PKCS12");
                p.put(prefix + "ssl.keystore.location", tlsKeystore.toAbsolutePath().toString());
                p.put(prefix + "ssl.keystore.password", tlsKeystorePassword);
                p.put(prefix + "ssl.key.password", tlsKeystorePassword);
            }
            p.put(prefix + "sasl.enabled.mechanisms", String.join(",", SCRAM_MECHANISMS));
            for (String mechanism : SCRAM_MECHANISMS) {
                p.put(prefix + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            }
        }
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
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", configFile.toString()));
        for (ScramUser user : scramUsers) {
            for (String mechanism : SCRAM_MECHANISMS) {
                args.add("--add-scram");
                args.add(mechanism + "=[name=" + user.name() + ",password=" + user.password() + "]");
            }
        }
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args.toArray(String[]::new), ps);
        }
        if (rc != 0) {
            String output = out.toString(StandardCharsets.UTF_8).trim();
            for (ScramUser user : scramUsers) {
                output = output.replace(user.password(), "[hidden]");
            }
            throw new IllegalStateException("formatting the log directory " + logDir + " failed (exit "
                + rc + "): " + output);
        }
    }

    /** A port free on 127.0.0.1 now; it may be taken by another process before it is bound again (a small race). */
    static int freePort() {
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
