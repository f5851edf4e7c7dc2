package io.wirestream.cli;

import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.registry.server.SchemaRegistryServer;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default: a real single-node Kafka broker and a schema registry (schemas kept in a
 * compacted topic of that broker), both in this JVM. With a data directory, topics, offsets and schema
 * ids survive a restart; without one, everything lives in a temporary directory deleted on close.
 */
final class LocalStack implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;

    private LocalStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
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
            return new LocalStack(broker, registry);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
