package io.wirestream.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real multi-node Kafka cluster on this machine: each node a {@link KafkaClusterNode} in its own JVM,
 * listening on loopback only, every node both broker and controller (a quorum of all nodes, fixed voters).
 * Replication is that of production ({@code deploy/}): replication factor 3 for every topic and internal
 * topic, {@code min.insync.replicas=2}, so acks=all writes and exactly-once transactions go on while one
 * node is down, and a second node down stops writes instead of losing them.
 *
 * <p>Nodes are numbered 1..n. Their ports are fixed when the cluster is created, so a node restarted with
 * {@link #start(int)} after {@link #kill(int)} (SIGKILL) or {@link #stop(int)} (SIGTERM) is found where it
 * was. Each node logs to {@code node-<id>.log} in the cluster folder.
 *
 * <p>Limits: ports are picked by binding port 0 and releasing it (another process could take one in
 * between; start-up then fails). The nodes shorten two timeouts for quick failover on one machine:
 * a node missing heartbeats for 4 s is fenced (default 9 s), and the leader of each partition is checked
 * for balance every 30 s instead of 5 minutes.
 */
public final class LocalKafkaCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalKafkaCluster.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** Options of each node's JVM: a small heap, a collector that leaves the few cores to the work. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

    private final Path dir;
    private final boolean deleteOnClose;
    private final String classPath;
    private final List<String> jvmOptions;
    private final String clusterId;
    private final int[] ports;
    private final int[] controllerPorts;
    private final Map<String, String> overrides;
    private final Process[] processes;

    private LocalKafkaCluster(Path dir, boolean deleteOnClose, int nodes, String classPath, List<String> jvmOptions,
                              Map<String, String> overrides) {
        this.dir = dir;
        this.deleteOnClose = deleteOnClose;
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.overrides = Map.copyOf(overrides);
        this.clusterId = Uuid.randomUuid().toString();
        this.ports = new int[nodes];
        this.controllerPorts = new int[nodes];
        this.processes = new Process[nodes];
        for (int i = 0; i < nodes; i++) {
            ports[i] = EmbeddedKafkaBroker.freePort();
            controllerPorts[i] = EmbeddedKafkaBroker.freePort();
        }
    }

    /**
     * Creates the cluster's folders and configuration; {@link #start()} starts it.
     *
     * @param dir        folder for the nodes' data and logs, or null for a temporary one deleted on close
     * @param nodes      number of nodes, 3..9 (replication factor 3 needs three)
     * @param classPath  class path of the node JVMs: one that holds this module and Kafka's broker jars
     * @param jvmOptions options of each node JVM, e.g. {@link #DEFAULT_JVM_OPTIONS}
     * @param overrides  broker properties set on every node after the defaults
     */
    public static LocalKafkaCluster create(Path dir, int nodes, String classPath, List<String> jvmOptions,
                                           Map<String, String> overrides) {
        if (nodes < 3 || nodes > 9) {
            throw new IllegalArgumentException("a local cluster has 3 to 9 nodes (replication factor 3), was " + nodes);
        }
        Objects.requireNonNull(classPath, "classPath");
        try {
            Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("wirestream-cluster-");
            return new LocalKafkaCluster(folder, dir == null, nodes, classPath, jvmOptions, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cluster folder " + dir, e);
        }
    }

    /** Starts every node and returns when all brokers are registered and serve clients. */
    public LocalKafkaCluster start() {
        for (int id = 1; id <= size(); id++) {
            launch(id);
        }
        awaitBrokers(size());
        log.info("Local Kafka cluster of {} nodes serving at {} (data in {})", size(), bootstrapServers(), dir);
        return this;
    }

    public int size() {
        return ports.length;
    }

    /** Every node's client address, comma-separated: what clients should be given. */
    public String bootstrapServers() {
        List<String> all = new ArrayList<>();
        for (int port : ports) {
            all.add("127.0.0.1:" + port);
        }
        return String.join(",", all);
    }

    /** The client address of one node. */
    public String bootstrapServers(int nodeId) {
        return "127.0.0.1:" + ports[index(nodeId)];
    }

    public Path dir() {
        return dir;
    }

    public boolean isRunning(int nodeId) {
        Process p = processes[index(nodeId)];
        return p != null && p.isAlive();
    }

    /** SIGKILL: the node crashes, with no controlled shutdown, no flush and no leadership hand-over. */
    public void kill(int nodeId) {
        Process p = processes[index(nodeId)];
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException("node " + nodeId + " is not running");
        }
        p.destroyForcibly();
        await(p, nodeId);
        log.info("Killed Kafka node {} (SIGKILL)", nodeId);
    }

    /** SIGTERM and wait: a controlled shutdown, as a rolling restart does it. */
    public void stop(int nodeId) {
        Process p = processes[index(nodeId)];
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        await(p, nodeId);
        log.info("Stopped Kafka node {}", nodeId);
    }

    /** Starts a stopped or killed node on its old ports and data; returns when the cluster has all brokers again. */
    public void start(int nodeId) {
        if (isRunning(nodeId)) {
            throw new IllegalStateException("node " + nodeId + " is already running");
        }
        launch(nodeId);
        awaitBrokers(size());
    }

    /**
     * Waits until no partition of any topic (internal ones included) lacks a replica in its in-sync set:
     * after a restart, the node has caught up and the cluster again tolerates the loss of any one node.
     */
    public void awaitFullyReplicated(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                        .get(10, TimeUnit.SECONDS);
                    Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                    List<String> lagging = d.values().stream().flatMap(t -> t.partitions().stream()
                            .filter(p -> p.isr().size() < p.replicas().size())
                            .map(p -> t.name() + "-" + p.partition() + " isr " + ids(p.isr()) + " of " + ids(p.replicas())))
                        .toList();
                    if (lagging.isEmpty()) {
                        return;
                    }
                    last = lagging.size() + " partitions, e.g. " + lagging.subList(0, Math.min(5, lagging.size()));
                } catch (Exception e) {
                    last = e.toString();
                }
                sleep(250);
            }
        }
        throw new IllegalStateException("partitions still under-replicated after " + timeout + ": " + last);
    }

    /** The node that leads the most partitions of these topics (ties: lowest id): whose loss hurts most. */
    public int busiestLeader(Collection<String> topics) {
        try (Admin admin = admin()) {
            Map<Integer, Long> leads = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()
                .stream().flatMap(t -> t.partitions().stream()).map(TopicPartitionInfo::leader).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Node::id, TreeMap::new, Collectors.counting()));
            return leads.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow(() -> new IllegalStateException("no partition of " + topics + " has a leader")).getKey();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topics + ": " + e, e);
        }
    }

    /**
     * Stops every node at once (SIGTERM to all, then SIGKILL to any still running after 30 s). One at a
     * time would not do: once two of three controllers are gone, the last node has no quorum to hand its
     * partitions over to and waits in its controlled shutdown.
     */
    @Override
    public void close() {
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroy();
            }
        }
        for (int id = 1; id <= size(); id++) {
            Process p = processes[index(id)];
            try {
                if (p != null && !p.waitFor(30, TimeUnit.SECONDS)) {
                    log.warn("Kafka node {} did not stop within 30 s of SIGTERM and is killed", id);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        if (deleteOnClose) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("could not delete {}: {}", dir, e.toString());
            }
        }
    }

    /** Properties of one node. */
    Properties nodeProperties(int nodeId) {
        int i = index(nodeId);
        List<String> voters = new ArrayList<>();
        for (int n = 0; n < size(); n++) {
            voters.add((n + 1) + "@127.0.0.1:" + controllerPorts[n]);
        }
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", String.join(",", voters));
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + ports[i] + ",CONTROLLER://127.0.0.1:" + controllerPorts[i]);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports[i]);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("node-" + nodeId).resolve("data").toString());
        // production replication (deploy/k8s/kafka.yaml): three copies, two must acknowledge
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("offsets.topic.replication.factor", "3");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("share.coordinator.state.topic.replication.factor", "3");
        p.put("share.coordinator.state.topic.min.isr", "2");
        p.put("unclean.leader.election.enable", "false");
        p.put("auto.create.topics.enable", "false");
        // fewer internal partitions than production's 50: each is three replicas on a small machine
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // quick failover on one machine (see the class comment)
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("broker.session.timeout.ms", "4000");
        p.put("leader.imbalance.check.interval.seconds", "30");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.putAll(overrides);
        return p;
    }

    private void launch(int nodeId) {
        Path nodeDir = dir.resolve("node-" + nodeId);
        Path configFile = nodeDir.resolve("server.properties");
        Path logFile = dir.resolve("node-" + nodeId + ".log");
        try {
            Files.createDirectories(nodeDir);
            try (Writer w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                nodeProperties(nodeId).store(w, "node " + nodeId + " of a local Wirestream cluster");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classPath, KafkaClusterNode.class.getName(), configFile.toString(), clusterId));
            processes[index(nodeId)] = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + nodeId + " in " + nodeDir, e);
        }
        log.info("Started Kafka node {} (pid {}, port {}, log {})", nodeId, processes[index(nodeId)].pid(), ports[index(nodeId)], logFile);
    }

    private void awaitBrokers(int count) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                for (int id = 1; id <= size(); id++) {
                    Process p = processes[index(id)];
                    if (p != null && !p.isAlive()) {
                        throw new IllegalStateException("Kafka node " + id + " exited with " + p.exitValue() + "; see "
                            + dir.resolve("node-" + id + ".log"));
                    }
                }
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (nodes.size() >= count) {
                        return;
                    }
                    last = nodes.size() + " brokers registered";
                } catch (Exception e) {
                    last = e.toString();
                }
                sleep(250);
            }
        }
        throw new IllegalStateException("the cluster did not have " + count + " brokers within " + READY_TIMEOUT + ": " + last
            + "; node logs in " + dir);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    private static void await(Process p, int nodeId) {
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                log.warn("Kafka node {} did not stop within 60 s and was killed", nodeId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping node " + nodeId, e);
        }
    }

    private int index(int nodeId) {
        if (nodeId < 1 || nodeId > ports.length) {
            throw new IllegalArgumentException("node id must be 1.." + ports.length + ", was " + nodeId);
        }
        return nodeId - 1;
    }

    private static String ids(List<Node> nodes) {
        return nodes.stream().map(n -> String.valueOf(n.id())).collect(Collectors.joining(",", "[", "]"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
