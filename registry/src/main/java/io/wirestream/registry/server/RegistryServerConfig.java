package io.wirestream.registry.server;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of {@link SchemaRegistryServer}, with Confluent's key names. Any other key starting with
 * {@code kafkastore.} is passed, without the prefix, to the server's Kafka clients (for example
 * {@code kafkastore.security.protocol}).
 */
public final class RegistryServerConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS_CONFIG = "kafkastore.bootstrap.servers";
    public static final String TOPIC_CONFIG = "kafkastore.topic";
    public static final String TOPIC_REPLICATION_FACTOR_CONFIG = "kafkastore.topic.replication.factor";
    public static final String LISTENERS_CONFIG = "listeners";
    public static final String COMPATIBILITY_LEVEL_CONFIG = "schema.compatibility.level";
    public static final String TIMEOUT_MS_CONFIG = "kafkastore.timeout.ms";

    public static final String DEFAULT_TOPIC = "_wirestream_schemas";

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Set<String> OWN_STORE_KEYS = Set.of("bootstrap.servers", "topic",
        "topic.replication.factor", "timeout.ms");

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.ValidList.anyNonDuplicateValues(false, false), Importance.HIGH,
            "Kafka brokers (host:port, comma-separated) of the cluster holding the schemas topic.")
        .define(TOPIC_CONFIG, Type.STRING, DEFAULT_TOPIC, (name, value) -> {
            if (value == null || !TOPIC_NAME.matcher(value.toString()).matches()
                || value.equals(".") || value.equals("..")) {
                throw new ConfigException(name, value, "must be a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
            }
        }, Importance.MEDIUM,
            "Compacted single-partition topic holding every schema version and config change; created if missing. "
                + "Only one registry server may write to it.")
        .define(TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
            "Replication factor used when the server creates the schemas topic (use 3 on a production cluster).")
        .define(LISTENERS_CONFIG, Type.STRING, "http://127.0.0.1:0", (name, value) -> listener(name, (String) value),
            Importance.HIGH,
            "The one address the REST API listens on, as http://host:port; port 0 picks a free port "
                + "(see SchemaRegistryServer.url()). https is not served.")
        .define(COMPATIBILITY_LEVEL_CONFIG, Type.STRING, CompatibilityLevel.BACKWARD.name(),
            (name, value) -> {
                if (CompatibilityLevel.parse((String) value).isEmpty()) {
                    throw new ConfigException(name, value, "must be one of " + CompatibilityLevel.names()
                        + " (case-insensitive)");
                }
            }, Importance.MEDIUM,
            "Global compatibility level until changed with PUT /config (a stored change wins over this key).")
        .define(TIMEOUT_MS_CONFIG, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
            "Time limit, in milliseconds, of each Kafka operation: creating or describing the topic, reading it "
                + "at start-up, writing one change.");

    public RegistryServerConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    public List<String> bootstrapServers() {
        return getList(BOOTSTRAP_SERVERS_CONFIG);
    }

    public String topic() {
        return getString(TOPIC_CONFIG);
    }

    public short replicationFactor() {
        return getShort(TOPIC_REPLICATION_FACTOR_CONFIG);
    }

    public URI listener() {
        return URI.create(getString(LISTENERS_CONFIG).trim());
    }

    public CompatibilityLevel compatibilityLevel() {
        return CompatibilityLevel.parse(getString(COMPATIBILITY_LEVEL_CONFIG)).orElseThrow();
    }

    public Duration timeout() {
        return Duration.ofMillis(getInt(TIMEOUT_MS_CONFIG));
    }

    /** Settings for the server's Kafka clients: the bootstrap servers plus other {@code kafkastore.*} keys. */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new HashMap<>();
        originalsWithPrefix("kafkastore.").forEach((k, v) -> {
            if (!OWN_STORE_KEYS.contains(k)) {
                props.put(k, v);
            }
        });
        props.put("bootstrap.servers", String.join(",", bootstrapServers()));
        return props;
    }

    private static void listener(String name, String value) {
        URI uri;
        try {
            uri = new URI(value == null ? "" : value.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "is not a URL (" + e.getReason() + "); expected http://host:port");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new ConfigException(name, value, "must be one http://host:port address; scheme "
                + uri.getScheme() + " is not served");
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new ConfigException(name, value, "must name a host and a port, e.g. http://127.0.0.1:8081 "
                + "(port 0 for a free one)");
        }
    }
}
