package io.wirestream.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Merges the three places settings come from onto the same keys, later ones winning: a properties file,
 * environment variables, then command-line flags.
 *
 * <p>Environment: {@code WIRESTREAM_BOOTSTRAP} is {@code bootstrap.servers}, {@code WIRESTREAM_REGISTRY} is
 * {@code schema.registry.url}; any other {@code WIRESTREAM_A_B_C} is the key {@code a.b.c} (so
 * {@code WIRESTREAM_TOPIC_PREFIX=test} sets {@code topic.prefix}). Keys containing '_' cannot be set from the
 * environment; use the file.
 */
public final class ConfigSources {
    public static final String ENV_PREFIX = "WIRESTREAM_";
    public static final String ENV_BOOTSTRAP = "WIRESTREAM_BOOTSTRAP";
    public static final String ENV_REGISTRY = "WIRESTREAM_REGISTRY";
    /** Environment variables that configure the launcher itself, not an application. */
    private static final java.util.Set<String> NOT_KEYS = java.util.Set.of("WIRESTREAM_HOME", "WIRESTREAM_JAVA_OPTS",
        "WIRESTREAM_SKIP_BUILD", "WIRESTREAM_LOG_LEVEL", "WIRESTREAM_KAFKA_LOG_LEVEL");

    private ConfigSources() {
    }

    public static Map<String, String> merge(Path propertiesFile, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (propertiesFile != null) {
            out.putAll(readProperties(propertiesFile));
        }
        out.putAll(fromEnvironment(env));
        flags.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX) || NOT_KEYS.contains(name)) {
                return;
            }
            switch (name) {
                case ENV_BOOTSTRAP -> out.put(WirestreamConfig.BOOTSTRAP_SERVERS, value);
                case ENV_REGISTRY -> out.put(WirestreamConfig.SCHEMA_REGISTRY_URL, value);
                default -> out.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return out;
    }

    public static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the properties file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }
}
