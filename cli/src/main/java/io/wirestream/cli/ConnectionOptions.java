package io.wirestream.cli;

import io.wirestream.core.ConfigSources;
import io.wirestream.core.WirestreamConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options shared by every command that talks to Kafka. They map onto the configuration keys; precedence is
 * {@code --config} file, then {@code WIRESTREAM_*} environment variables, then {@code -D}, then the
 * named flags.
 */
final class ConnectionOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
        description = "Kafka bootstrap servers (env WIRESTREAM_BOOTSTRAP).")
    String bootstrap;

    @Option(names = "--registry", paramLabel = "URL",
        description = "Schema Registry URL (env WIRESTREAM_REGISTRY).")
    String registry;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with any configuration keys.")
    Path configFile;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Any configuration key, e.g. -D topic.prefix=test.")
    Map<String, String> properties = new LinkedHashMap<>();

    Map<String, String> resolve(Map<String, String> env) {
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
