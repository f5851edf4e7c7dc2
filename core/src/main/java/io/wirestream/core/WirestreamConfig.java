package io.wirestream.core;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings every Wirestream application shares: where Kafka and the registry are, and the topics.
 * Each application's config extends this one with its own keys (see {@link #commonDefinition()}).
 *
 * <p>Pass-through: Kafka client security settings ({@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}) are handed to every Kafka client as they are; any other client setting can be given
 * with the prefix {@code kafka.} (for example {@code kafka.linger.ms=20}). Registry settings
 * ({@code schema.registry.*}, {@code basic.auth.*}, {@code auto.register.schemas},
 * {@code use.latest.version}, {@code value.subject.name.strategy}) are handed to the registry client and serdes.
 */
public abstract class WirestreamConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String TOPIC_CREATE = "topic.create";
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String OPS_HTTP_PORT = "ops.http.port";
    public static final String OPS_HTTP_BIND = "ops.http.bind";

    private static final List<String> CLIENT_PASS_THROUGH = List.of("security.protocol", "sasl.", "ssl.");
    private static final List<String> REGISTRY_PASS_THROUGH = List.of(
        "schema.registry.", "basic.auth.", "auto.register.schemas", "use.latest.version", "specific.avro.reader",
        "value.subject.name.strategy", "key.subject.name.strategy");

    protected WirestreamConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
        validateCommon();
    }

    /** A definition holding the shared keys; applications add theirs to it. */
    public static ConfigDef commonDefinition() {
        return new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString() {
                    @Override
                    public void ensureValid(String name, Object value) {
                        if (value == null || ((List<?>) value).isEmpty()) {
                            throw new ConfigException(name, value, "give at least one HOST:PORT (flag --bootstrap or WIRESTREAM_BOOTSTRAP)");
                        }
                    }
                }, Importance.HIGH,
                "Kafka brokers to bootstrap from, HOST:PORT[,HOST:PORT...].")
            .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Schema Registry URL(s) speaking the Confluent REST API (flag --registry or WIRESTREAM_REGISTRY).")
            .define(TOPIC_PREFIX, Type.STRING, TopicNames.DEFAULT_PREFIX, Importance.MEDIUM,
                "Prefix of the topic names: <prefix>.raw, .enriched, .duplicates, .dlq, .kb, .ingest-state.")
            .define(TOPIC_PARTITIONS, Type.INT, 6, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
                "Partitions of the topics Wirestream creates when they are missing.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.MEDIUM,
                "Replication factor of the topics Wirestream creates; -1 means the broker's default.replication.factor.")
            .define(TOPIC_CREATE, Type.BOOLEAN, true, Importance.LOW,
                "Create missing topics at start-up (existing topics are never changed).");
    }

    /**
     * Adds the keys of an application's metrics and health endpoints, with that application's default port
     * (each application has its own, so that they can share a host).
     */
    protected static ConfigDef withOpsHttp(ConfigDef definition, int defaultPort) {
        return definition
            .define(OPS_HTTP_PORT, Type.INT, defaultPort, ConfigDef.Range.between(-1, 65535), Importance.MEDIUM,
                "Port of the metrics (/metrics, Prometheus) and health (/health/live, /health/ready) endpoints; "
                    + "0 picks a free port, -1 serves none.")
            .define(OPS_HTTP_BIND, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.LOW,
                "Address the metrics and health endpoints listen on.");
    }

    /** The port of the metrics and health endpoints (0: any free port; -1: none). */
    public int opsHttpPort() {
        return getInt(OPS_HTTP_PORT);
    }

    public String opsHttpBind() {
        return getString(OPS_HTTP_BIND);
    }

    private void validateCommon() {
        for (String hostPort : getList(BOOTSTRAP_SERVERS)) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1 || !hostPort.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                throw new ConfigException(BOOTSTRAP_SERVERS, hostPort, "expected HOST:PORT");
            }
        }
        for (String url : getList(SCHEMA_REGISTRY_URL)) {
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, url, "expected http://HOST:PORT or https://HOST:PORT");
            }
        }
        short rf = getShort(TOPIC_REPLICATION_FACTOR);
        if (rf == 0 || rf < -1) {
            throw new ConfigException(TOPIC_REPLICATION_FACTOR, rf, "must be -1 (broker default) or at least 1");
        }
        try {
            topicNames();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(TOPIC_PREFIX, getString(TOPIC_PREFIX), e.getMessage());
        }
    }

    public TopicNames topicNames() {
        return new TopicNames(getString(TOPIC_PREFIX));
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    /** Settings for any Kafka client of this application: bootstrap, security, and {@code kafka.*} overrides. */
    public Map<String, Object> kafkaClientConfigs() {
        Map<String, Object> out = new HashMap<>();
        out.put(BOOTSTRAP_SERVERS, bootstrapServers());
        out.putAll(clientSettings(originals()));
        return out;
    }

    /**
     * The Kafka client settings among configuration keys, without the brokers: {@code security.protocol},
     * {@code sasl.*} and {@code ssl.*} as they are, {@code kafka.*} without the prefix. For tools that need a
     * client but none of an application's other keys (the lag monitor).
     */
    public static Map<String, Object> clientSettings(Map<String, ?> keys) {
        Map<String, Object> out = new HashMap<>();
        keys.forEach((k, v) -> {
            if (CLIENT_PASS_THROUGH.stream().anyMatch(k::startsWith)) {
                out.put(k, v);
            } else if (k.startsWith(KAFKA_PREFIX) && k.length() > KAFKA_PREFIX.length()) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return out;
    }

    /** Settings for the registry client and serdes. */
    public Map<String, Object> registryConfigs() {
        Map<String, Object> out = new HashMap<>();
        out.put(SCHEMA_REGISTRY_URL, String.join(",", getList(SCHEMA_REGISTRY_URL)));
        originals().forEach((k, v) -> {
            if (!k.equals(SCHEMA_REGISTRY_URL) && REGISTRY_PASS_THROUGH.stream().anyMatch(k::startsWith)) {
                out.put(k, v);
            }
        });
        return out;
    }

    public TopicProvisioner.Settings topicSettings() {
        return new TopicProvisioner.Settings(getInt(TOPIC_PARTITIONS), getShort(TOPIC_REPLICATION_FACTOR));
    }

    public boolean createTopics() {
        return getBoolean(TOPIC_CREATE);
    }
}
