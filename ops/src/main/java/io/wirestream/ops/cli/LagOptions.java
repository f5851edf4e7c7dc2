package io.wirestream.ops.cli;

import io.wirestream.core.ConnectionOptions;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.ops.lag.LagMonitorConfig;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Options shared by {@code lag} and {@code monitor}; each maps onto a {@link LagMonitorConfig} key, and a bad
 * value stops the command with exit code 2 and a message naming the option.
 *
 * <p>Where Kafka is and how to reach it comes from the connection options every Wirestream command takes
 * ({@link ConnectionOptions}: {@code --bootstrap}, {@code --config FILE} (alias {@code --command-config}),
 * {@code -D}, the {@code WIRESTREAM_*} environment). Of those keys the monitor uses the brokers and the Kafka
 * client settings ({@link WirestreamConfig#clientSettings}); the others (registry, topics, processor settings)
 * are accepted and have no effect, so the monitor can share an environment with the applications.
 */
public final class LagOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--group", paramLabel = "GROUP", description = "Only this consumer group (default: all).")
    String group;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "5",
        description = "Seconds between polls (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--window", paramLabel = "SAMPLES", defaultValue = "10",
        description = "Samples per partition the status is judged over (default: ${DEFAULT-VALUE}).")
    int windowSamples;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
        description = "Seconds to wait for the cluster before a poll fails (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    /** The configuration these options describe, with the process environment; a wrong value is a usage error. */
    LagMonitorConfig toConfig() {
        return toConfig(System.getenv());
    }

    /** The configuration these options describe, with {@code env} as the environment; a wrong value is a usage error. */
    LagMonitorConfig toConfig(Map<String, String> env) {
        Map<String, String> settings;
        try {
            settings = connection.resolve(env);
        } catch (java.io.UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "Invalid option --config: " + e.getMessage());
        }
        String bootstrap = settings.get(WirestreamConfig.BOOTSTRAP_SERVERS);
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                "Missing --bootstrap HOST:PORT (or the environment variable WIRESTREAM_BOOTSTRAP)");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(LagMonitorConfig.BOOTSTRAP_SERVERS, bootstrap);
        if (group != null) {
            props.put(LagMonitorConfig.GROUP, group);
        }
        props.put(LagMonitorConfig.INTERVAL_MS, Math.round(intervalSeconds * 1000));
        props.put(LagMonitorConfig.WINDOW_SAMPLES, windowSamples);
        props.put(LagMonitorConfig.WINDOW_MIN_SAMPLES, Math.min(3, windowSamples));
        props.put(LagMonitorConfig.TIMEOUT_MS, (int) Math.min(Integer.MAX_VALUE, Math.round(timeoutSeconds * 1000)));
        WirestreamConfig.clientSettings(settings).forEach((k, v) -> props.put(LagMonitorConfig.ADMIN_PREFIX + k, v));
        try {
            return new LagMonitorConfig(props);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "Invalid option: " + optionMessage(e.getMessage()));
        }
    }

    /** Names the command-line option instead of the configuration key in a validation message. */
    private static String optionMessage(String message) {
        return message
            .replace(LagMonitorConfig.BOOTSTRAP_SERVERS, "--bootstrap")
            .replace(LagMonitorConfig.INTERVAL_MS, "--interval (in ms)")
            .replace(LagMonitorConfig.WINDOW_MIN_SAMPLES, "minimum trend samples")
            .replace(LagMonitorConfig.WINDOW_SAMPLES, "--window")
            .replace(LagMonitorConfig.TIMEOUT_MS, "--timeout (in ms)");
    }
}
