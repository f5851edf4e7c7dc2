package io.wirestream.core;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WirestreamConfigTest {
    static final class Config extends WirestreamConfig {
        Config(Map<?, ?> originals) {
            super(commonDefinition(), originals);
        }
    }

    @Test
    void shouldNameTheKeyWhenTheBootstrapIsMissing() {
        ConfigException e = assertThrows(ConfigException.class, () -> new Config(Map.of("schema.registry.url", "http://r:1")));
        assertTrue(e.getMessage().contains("bootstrap.servers"), e.getMessage());
    }

    @Test
    void shouldRefuseABootstrapWithoutPort() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new Config(Map.of("bootstrap.servers", "localhost", "schema.registry.url", "http://r:1")));
        assertEquals("Invalid value localhost for configuration bootstrap.servers: expected HOST:PORT", e.getMessage());
    }

    @Test
    void shouldRefuseARegistryThatIsNotHttp() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new Config(Map.of("bootstrap.servers", "h:1", "schema.registry.url", "ftp://r:1")));
        assertEquals("Invalid value ftp://r:1 for configuration schema.registry.url: expected http://HOST:PORT or https://HOST:PORT",
            e.getMessage());
    }

    @Test
    void shouldRefuseAnIllegalTopicPrefix() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new Config(Map.of("bootstrap.servers", "h:1", "schema.registry.url", "http://r:1", "topic.prefix", "a b")));
        assertTrue(e.getMessage().startsWith("Invalid value a b for configuration topic.prefix"), e.getMessage());
    }

    @Test
    void shouldPassSecurityAndPrefixedSettingsToClientsAndRegistrySettingsToSerdes() {
        Config c = new Config(Map.of(
            "bootstrap.servers", "h1:9092,h2:9092",
            "schema.registry.url", "https://r:8081",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "kafka.linger.ms", "7",
            "basic.auth.user.info", "u:p",
            "topic.prefix", "eu"));
        assertEquals(Map.of(
                "bootstrap.servers", "h1:9092,h2:9092",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "linger.ms", "7"),
            c.kafkaClientConfigs());
        assertEquals(Map.of("schema.registry.url", "https://r:8081", "basic.auth.user.info", "u:p"), c.registryConfigs());
        assertEquals("eu.dlq", c.topicNames().deadLetters());
    }
}
