package io.wirestream.cli;

import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.embedded.LocalKafkaCluster;
import io.wirestream.registry.server.SchemaRegistryServer;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default: a real single-node Kafka broker and a schema registry (schemas kept in a
 * compacted topic of that broker), both in this JVM. With a data directory, topics, offsets and schema
 * ids survive a restart; without one, everything lives in a temporary directory deleted on close.
 * {@link #startCluster} starts a multi-node cluster instead, each node in its own JVM.
 */
final class LocalStack implements AutoCloseable {
    private final AutoCloseable kafka;
    private final String bootstrapServers;
    private final SchemaRegistryServer registry;

    private LocalStack(AutoCloseable kafka, String bootstrapServers, SchemaRegistryServer registry) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    static LocalStack start(Path dataDir, int kafkaPort, int registryPort) {
        EmbeddedKafkaBroker broker = dataDir == null
            ? EmbeddedKafkaBroker.temporary()
            : EmbeddedKafkaBroker.persistent(dataDir, kafkaPort, Map.of());
        broker.start();
        try {
            SchemaRegistryServer registry = SchemaRegistryServer.start(Map.of(
                "kafkastore.bootstrap.servers", broker.bootstrapServers(),
                "listeners", "http://127.0.0.1:" + registryPort));
            return new LocalStack(broker, broker.bootstrapServers(), registry);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * A cluster of {@code nodes} KRaft nodes on loopback, each a JVM with this one's class path
     * ({@link LocalKafkaCluster}: replication factor 3, min.insync.replicas 2), and a registry whose schemas
     * topic is replicated three times.
     */
    static LocalStack startCluster(Path dataDir, int nodes, int registryPort) {
        LocalKafkaCluster cluster = LocalKafkaCluster.create(dataDir, nodes, System.getProperty("java.class.path"),
            LocalKafkaCluster.DEFAULT_JVM_OPTIONS, Map.of());
        try {
            cluster.start();
            SchemaRegistryServer registry = SchemaRegistryServer.start(Map.of(
                "kafkastore.bootstrap.servers", cluster.bootstrapServers(),
                "kafkastore.topic.replication.factor", "3",
                "listeners", "http://127.0.0.1:" + registryPort));
            return new LocalStack(cluster, cluster.bootstrapServers(), registry);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            try {
                kafka.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop Kafka: " + e.getMessage(), e);
            }
        }
    }
}
