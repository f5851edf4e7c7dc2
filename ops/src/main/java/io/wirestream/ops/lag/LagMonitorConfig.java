package io.wirestream.ops.lag;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the {@link LagMonitor}. Keys prefixed {@value #ADMIN_PREFIX} are passed, without the prefix, to the
 * Kafka AdminClient (security settings, for example {@code admin.security.protocol}).
 */
public final class LagMonitorConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String GROUP = "group";
    public static final String INTERVAL_MS = "interval.ms";
    public static final String WINDOW_SAMPLES = "window.samples";
    public static final String WINDOW_MIN_SAMPLES = "window.min.samples";
    public static final String HISTORY_POINTS = "history.points";
    public static final String TIMEOUT_MS = "timeout.ms";
    public static final String ADMIN_PREFIX = "admin.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.LambdaValidator.with((name, value) -> {
                if (value == null || ((List<?>) value).isEmpty()) {
                    throw new ConfigException(name, value, "at least one host:port is required");
                }
            }, () -> "a non-empty list of host:port"), Importance.HIGH,
            "Kafka brokers to connect to, host:port separated by commas.")
        .define(GROUP, Type.STRING, null, Importance.MEDIUM,
            "Watch only this consumer group; unset watches every consumer group on the cluster.")
        .define(INTERVAL_MS, Type.LONG, 10_000L, Range.atLeast(100), Importance.MEDIUM,
            "Time between two polls of the offsets. With window.samples it sets how long a trend must last "
                + "before a group is judged STALLED or WARNING.")
        .define(WINDOW_SAMPLES, Type.INT, 10, Range.between(2, 1000), Importance.MEDIUM,
            "Samples per group and partition in the sliding window the status is judged over.")
        .define(WINDOW_MIN_SAMPLES, Type.INT, 3, Range.between(2, 1000), Importance.LOW,
            "Samples needed before a trend (STALLED, WARNING, rewind) is judged; at most window.samples.")
        .define(HISTORY_POINTS, Type.INT, 60, Range.between(2, 100_000), Importance.LOW,
            "Log-end points kept per partition to estimate time lag; older points are dropped. Time lag for a "
                + "consumer further behind than the history is extrapolated.")
        .define(TIMEOUT_MS, Type.INT, 15_000, Range.atLeast(100), Importance.MEDIUM,
            "How long one poll may wait for the cluster before it fails.");

    public LagMonitorConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        int min = getInt(WINDOW_MIN_SAMPLES);
        int window = getInt(WINDOW_SAMPLES);
        if (min > window) {
            throw new ConfigException(WINDOW_MIN_SAMPLES, min,
                "must not exceed " + WINDOW_SAMPLES + " (" + window + "), or no trend could ever be judged");
        }
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public Optional<String> group() {
        return Optional.ofNullable(getString(GROUP)).filter(g -> !g.isBlank());
    }

    public long intervalMs() {
        return getLong(INTERVAL_MS);
    }

    public int windowSamples() {
        return getInt(WINDOW_SAMPLES);
    }

    public int windowMinSamples() {
        return getInt(WINDOW_MIN_SAMPLES);
    }

    public int historyPoints() {
        return getInt(HISTORY_POINTS);
    }

    public int timeoutMs() {
        return getInt(TIMEOUT_MS);
    }

    /** AdminClient properties: bootstrap, timeouts, then the {@value #ADMIN_PREFIX} overrides. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wirestream-lag-monitor");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs());
        props.putAll(originalsWithPrefix(ADMIN_PREFIX));
        return props;
    }
}
