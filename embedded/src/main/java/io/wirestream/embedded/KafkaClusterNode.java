package io.wirestream.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * One node of a KRaft cluster (broker, controller or both, as its properties say) in its own JVM:
 * {@code java -cp ... io.wirestream.embedded.KafkaClusterNode <server.properties> <cluster-id>}.
 *
 * <p>The log directory is formatted with the given cluster id on the first start (every node of a cluster
 * must get the same id; with static {@code controller.quorum.voters} no node is formatted as standalone);
 * later starts find it formatted and keep their data. SIGTERM shuts the node down in order (a broker hands
 * its partition leadership over first); SIGKILL is a crash. Prints {@code started node <id>} on standard
 * output once the server is up, and shuts down when the process that started it ends.
 * {@link LocalKafkaCluster} starts three of these.
 */
public final class KafkaClusterNode {
    private static final Logger log = LoggerFactory.getLogger(KafkaClusterNode.class);

    private KafkaClusterNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: KafkaClusterNode <server.properties> <cluster-id>");
            System.exit(2);
        }
        Path configFile = Path.of(args[0]);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        String logDirs = props.getProperty("log.dirs");
        if (logDirs == null || logDirs.contains(",")) {
            throw new IllegalArgumentException(configFile + ": log.dirs must name exactly one directory, was " + logDirs);
        }
        if (!Files.exists(Path.of(logDirs, "meta.properties"))) {
            format(configFile, args[1]);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-shutdown"));
        // a node does not outlive the process that started it (a test JVM or `wirestream broker`), even a killed one
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            log.info("the parent process {} ended: shutting down", parent.pid());
            System.exit(0);
        }));
        server.startup();
        log.info("Kafka node {} started ({})", props.getProperty("node.id"), props.getProperty("listeners"));
        System.out.println("started node " + props.getProperty("node.id"));
        System.out.flush();
        server.awaitShutdown();
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(List.of("format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted")
                .toArray(String[]::new), ps);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting the log directory of " + configFile + " failed (exit " + rc + "): "
                + out.toString(StandardCharsets.UTF_8).trim());
        }
    }
}
