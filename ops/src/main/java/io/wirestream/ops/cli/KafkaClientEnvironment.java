package io.wirestream.ops.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Kafka client settings the lag commands take from {@code WIRESTREAM_*} environment variables, named as every
 * Wirestream application names them: {@code WIRESTREAM_BOOTSTRAP} is the brokers, and any other
 * {@code WIRESTREAM_A_B_C} is the key {@code a.b.c}. Of those keys the monitor keeps what a Kafka client takes:
 * {@code security.protocol}, {@code sasl.*} and {@code ssl.*} as they are, and {@code kafka.*} without the prefix
 * (so {@code WIRESTREAM_KAFKA_CLIENT_ID=x} sets the AdminClient's {@code client.id}). The others (registry, topics,
 * processor settings) are not the monitor's: they are listed in {@link #ignored()} and have no effect, so the
 * monitor can share an environment with the applications.
 *
 * <p>Limit, as for the applications: a key containing '_' cannot be written as a variable; use
 * {@code --command-config} for it.
 *
 * @param bootstrap    the value of {@code WIRESTREAM_BOOTSTRAP}, or null when unset
 * @param admin        AdminClient settings taken from the environment, by key
 * @param ignored      names of {@code WIRESTREAM_*} variables that map to no setting of the monitor
 */
public record KafkaClientEnvironment(String bootstrap, Map<String, String> admin, Set<String> ignored) {
    public static final String ENV_PREFIX = "WIRESTREAM_";
    public static final String ENV_BOOTSTRAP = "WIRESTREAM_BOOTSTRAP";
    /** Prefix of keys handed to the client without it, for settings other than security. */
    public static final String KAFKA_PREFIX = "kafka.";
    private static final List<String> PASS_THROUGH = List.of("security.protocol", "sasl.", "ssl.");
    /** Variables read by the launcher script and the logging configuration, not settings of any client. */
    private static final Set<String> LAUNCHER = Set.of("WIRESTREAM_HOME", "WIRESTREAM_JAVA_OPTS", "WIRESTREAM_SKIP_BUILD",
        "WIRESTREAM_LOG_LEVEL", "WIRESTREAM_KAFKA_LOG_LEVEL");

    public KafkaClientEnvironment {
        Objects.requireNonNull(admin, "admin settings must not be null (use an empty map)");
        Objects.requireNonNull(ignored, "ignored variables must not be null (use an empty set)");
        admin = Map.copyOf(admin);
        ignored = Set.copyOf(ignored);
    }

    /** Reads the variables of {@code env} (normally {@link System#getenv()}); other variables are skipped. */
    public static KafkaClientEnvironment of(Map<String, String> env) {
        Objects.requireNonNull(env, "env must not be null");
        String bootstrap = null;
        Map<String, String> admin = new TreeMap<>();
        Set<String> ignored = new TreeSet<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(ENV_PREFIX) || LAUNCHER.contains(name)) {
                continue;
            }
            if (name.equals(ENV_BOOTSTRAP)) {
                bootstrap = e.getValue();
                continue;
            }
            String key = key(name);
            if (PASS_THROUGH.stream().anyMatch(key::startsWith)) {
                admin.put(key, e.getValue());
            } else if (key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length()) {
                admin.put(key.substring(KAFKA_PREFIX.length()), e.getValue());
            } else {
                ignored.add(name);
            }
        }
        return new KafkaClientEnvironment(bootstrap, admin, ignored);
    }

    /** {@code WIRESTREAM_A_B_C} → {@code a.b.c}, the mapping of every Wirestream application. */
    static String key(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
