package io.wirestream.ops.cli;

import io.wirestream.ops.lag.LagMonitorConfig;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Options shared by {@code lag} and {@code monitor}; each maps onto a {@link LagMonitorConfig} key, and a bad
 * value stops the command with exit code 2 and a message naming the option.
 *
 * <p>The Kafka client configuration comes from three places, later ones winning for the same key: the
 * environment ({@code WIRESTREAM_BOOTSTRAP}, {@code WIRESTREAM_SECURITY_PROTOCOL}, {@code WIRESTREAM_SASL_*},
 * {@code WIRESTREAM_SSL_*}, {@code WIRESTREAM_KAFKA_*}: see {@link KafkaClientEnvironment}), the properties file of
 * {@code --command-config}, then {@code --bootstrap}.
 */
public final class LagOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
        description = "Kafka brokers, comma-separated (default: environment variable WIRESTREAM_BOOTSTRAP).")
    String bootstrap;

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

    @Option(names = "--command-config", paramLabel = "FILE",
        description = {"Properties file of AdminClient settings (security.protocol, sasl.*, ssl.*); they override "
            + "the same settings from WIRESTREAM_SECURITY_PROTOCOL, WIRESTREAM_SASL_*, WIRESTREAM_SSL_*, WIRESTREAM_KAFKA_*."})
    Path commandConfig;

    /** The configuration these options describe, with the process environment; a wrong value is a usage error. */
    LagMonitorConfig toConfig() {
        return toConfig(System.getenv());
    }

    /** The configuration these options describe, with {@code env} as the environment; a wrong value is a usage error. */
    LagMonitorConfig toConfig(Map<String, String> env) {
        KafkaClientEnvironment fromEnv = KafkaClientEnvironment.of(env);
        String bootstrap = this.bootstrap != null ? this.bootstrap : fromEnv.bootstrap();
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
        fromEnv.admin().forEach((k, v) -> props.put(LagMonitorConfig.ADMIN_PREFIX + k, v));
        if (commandConfig != null) {
            readCommandConfig().forEach((k, v) -> props.put(LagMonitorConfig.ADMIN_PREFIX + k, v));
        }
        try {
            return new LagMonitorConfig(props);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "Invalid option: " + optionMessage(e.getMessage()));
        }
    }

    private Map<String, String> readCommandConfig() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(),
                "Cannot read --command-config " + commandConfig + ": " + e.getMessage());
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
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
