package io.wirestream.core;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of every command that talks to Kafka or the registry (a picocli mixin), the one place they are
 * defined. They map onto the configuration keys; later sources win for the same key: the {@code --config}
 * file, then the {@code WIRESTREAM_*} environment variables ({@link ConfigSources#fromEnvironment}), then
 * {@code -D}, then {@code --bootstrap} and {@code --registry}.
 *
 * <p>{@code --command-config} is another name of {@code --config}, the name Kafka's own tools use for their
 * client settings file. In that file, as everywhere, Kafka client settings other than {@code security.protocol},
 * {@code sasl.*} and {@code ssl.*} take the prefix {@code kafka.} ({@code kafka.client.id=x}).
 */
public final class ConnectionOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
        description = "Kafka bootstrap servers (env WIRESTREAM_BOOTSTRAP).")
    String bootstrap;

    @Option(names = "--registry", paramLabel = "URL",
        description = "Schema Registry URL (env WIRESTREAM_REGISTRY).")
    String registry;

    @Option(names = {"--config", "--command-config"}, paramLabel = "FILE",
        description = "A properties file with any configuration keys (security.protocol, sasl.*, ssl.*, kafka.*, ...).")
    Path configFile;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Any configuration key, e.g. -D topic.prefix=test.")
    Map<String, String> properties = new LinkedHashMap<>();

    /** The configuration keys these options, {@code env} (normally {@link System#getenv()}) and the file give. */
    public Map<String, String> resolve(Map<String, String> env) {
        Map<String, String> flags = new LinkedHashMap<>(properties);
        if (bootstrap != null) {
            flags.put(WirestreamConfig.BOOTSTRAP_SERVERS, bootstrap);
        }
        if (registry != null) {
            flags.put(WirestreamConfig.SCHEMA_REGISTRY_URL, registry);
        }
        return ConfigSources.merge(configFile, env, flags);
    }
}
