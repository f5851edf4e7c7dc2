package io.wirestream.testkit;

import io.wirestream.core.WirestreamConfig;
import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.registry.server.SchemaRegistryServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker and a real schema registry for one test class:
 * {@code @RegisterExtension static final KafkaStack stack = new KafkaStack();}. Both run in the test JVM
 * and are gone after the class; data lives in a temporary directory.
 */
public final class KafkaStack implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> brokerOverrides;
    private EmbeddedKafkaBroker broker;
    private SchemaRegistryServer registry;

    public KafkaStack() {
        this(Map.of());
    }

    public KafkaStack(Map<String, String> brokerOverrides) {
        this.brokerOverrides = Map.copyOf(brokerOverrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts broker and registry (for use outside JUnit's lifecycle). */
    public KafkaStack start() {
        broker = EmbeddedKafkaBroker.temporary(brokerOverrides).start();
        registry = SchemaRegistryServer.start(Map.of(
            "kafkastore.bootstrap.servers", broker.bootstrapServers(),
            "listeners", "http://127.0.0.1:0"));
        return this;
    }

    public void stop() {
        try {
            if (registry != null) {
                registry.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** Stops the registry (an outage); {@link #restartRegistry()} brings it back on the same URL. */
    public void stopRegistry() {
        registry.close();
    }

    /** Starts the registry again on the URL it had, with the schemas kept in its Kafka topic. */
    public void restartRegistry() {
        registry = SchemaRegistryServer.start(Map.of(
            "kafkastore.bootstrap.servers", broker.bootstrapServers(),
            "listeners", registry.url()));
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /** The two settings every Wirestream application needs, plus {@code extra}. */
    public Map<String, Object> config(Map<String, ?> extra) {
        Map<String, Object> c = new HashMap<>();
        c.put(WirestreamConfig.BOOTSTRAP_SERVERS, bootstrapServers());
        c.put(WirestreamConfig.SCHEMA_REGISTRY_URL, registryUrl());
        c.putAll(extra);
        return c;
    }

    public Map<String, Object> registryConfig() {
        return Map.of(WirestreamConfig.SCHEMA_REGISTRY_URL, registryUrl());
    }

    public void createTopics(Collection<String> names, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList())
                .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getMessage(), e);
        }
    }
}
