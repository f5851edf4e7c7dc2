package io.wirestream.testkit;

import io.wirestream.core.WirestreamConfig;
import io.wirestream.embedded.LocalKafkaCluster;
import io.wirestream.registry.server.SchemaRegistryServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.Map;

/**
 * A real three-node Kafka cluster ({@link LocalKafkaCluster}: each node its own JVM with a 512 MB heap,
 * replication factor 3, {@code min.insync.replicas=2}) and a schema registry in the test JVM whose schemas
 * topic is replicated three times too, for one test class:
 * {@code @RegisterExtension static final KafkaClusterStack cluster = new KafkaClusterStack(Map.of());}.
 * The node JVMs get the test's class path; data lives in a temporary directory deleted afterwards.
 */
public final class KafkaClusterStack implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> brokerOverrides;
    private LocalKafkaCluster cluster;
    private SchemaRegistryServer registry;

    public KafkaClusterStack(Map<String, String> brokerOverrides) {
        this.brokerOverrides = Map.copyOf(brokerOverrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // failsafe and surefire run tests from a manifest-only jar: the real class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        cluster = LocalKafkaCluster.create(null, 3, classPath, LocalKafkaCluster.DEFAULT_JVM_OPTIONS, brokerOverrides);
        try {
            cluster.start();
            registry = SchemaRegistryServer.start(Map.of(
                "kafkastore.bootstrap.servers", cluster.bootstrapServers(),
                "kafkastore.topic.replication.factor", "3",
                "listeners", "http://127.0.0.1:0"));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (registry != null) {
                registry.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    public LocalKafkaCluster cluster() {
        return cluster;
    }

    /** Every node's address, comma-separated. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
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

    /** An admin client of the cluster with short timeouts (a node may be down). */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }
}
