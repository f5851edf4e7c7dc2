package io.wirestream.registry.server;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistryServerConfigTest {

    @Test
    void shouldApplyDefaults() {
        RegistryServerConfig config = new RegistryServerConfig(Map.of("kafkastore.bootstrap.servers", "k:9092"));
        assertEquals("_wirestream_schemas", config.topic());
        assertEquals(CompatibilityLevel.BACKWARD, config.compatibilityLevel());
        assertEquals(0, config.listener().getPort());
        assertEquals((short) 1, config.replicationFactor());
    }

    @Test
    void shouldRequireBootstrapServers() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryServerConfig(Map.of()));
        assertEquals("Missing required configuration \"kafkastore.bootstrap.servers\" which has no default value.",
            e.getMessage());
    }

    @Test
    void shouldRefuseAnHttpsListener() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryServerConfig(Map.of(
            "kafkastore.bootstrap.servers", "k:9092", "listeners", "https://0.0.0.0:8081")));
        assertEquals("Invalid value https://0.0.0.0:8081 for configuration listeners: must be one http://host:port "
            + "address; scheme https is not served", e.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownLevel() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryServerConfig(Map.of(
            "kafkastore.bootstrap.servers", "k:9092", "schema.compatibility.level", "STRICT")));
        assertEquals("Invalid value STRICT for configuration schema.compatibility.level: must be one of "
            + "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE (case-insensitive)",
            e.getMessage());
    }

    @Test
    void shouldRefuseAnInvalidTopicName() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryServerConfig(Map.of(
            "kafkastore.bootstrap.servers", "k:9092", "kafkastore.topic", "schemas topic")));
        assertEquals("Invalid value schemas topic for configuration kafkastore.topic: must be a Kafka topic name: "
            + "1 to 249 of a-z A-Z 0-9 . _ -", e.getMessage());
    }

    @Test
    void shouldPassOtherStoreKeysToTheKafkaClients() {
        RegistryServerConfig config = new RegistryServerConfig(Map.of("kafkastore.bootstrap.servers", "k:9092,l:9092",
            "kafkastore.security.protocol", "SSL", "kafkastore.timeout.ms", "5000"));
        assertEquals(Map.of("bootstrap.servers", "k:9092,l:9092", "security.protocol", "SSL"),
            config.kafkaClientProperties());
    }
}
