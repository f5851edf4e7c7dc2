package io.wirestream.ops.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KafkaClientEnvironmentTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"m\" password=\"p\";";

    @Test
    void shouldMapSecurityVariablesToTheirClientKeys() {
        KafkaClientEnvironment env = KafkaClientEnvironment.of(Map.of(
            "WIRESTREAM_BOOTSTRAP", "kafka-1:9093,kafka-2:9093",
            "WIRESTREAM_SECURITY_PROTOCOL", "SASL_SSL",
            "WIRESTREAM_SASL_MECHANISM", "SCRAM-SHA-512",
            "WIRESTREAM_SASL_JAAS_CONFIG", JAAS,
            "WIRESTREAM_SSL_TRUSTSTORE_TYPE", "PEM",
            "WIRESTREAM_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt",
            "WIRESTREAM_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", ""));

        assertEquals("kafka-1:9093,kafka-2:9093", env.bootstrap());
        assertEquals(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/kafka-ca/ca.crt",
                "ssl.endpoint.identification.algorithm", ""),
            env.admin());
        assertEquals(Set.of(), env.ignored());
    }

    @Test
    void shouldHandKafkaPrefixedVariablesToTheClientWithoutThePrefix() {
        KafkaClientEnvironment env = KafkaClientEnvironment.of(Map.of(
            "WIRESTREAM_KAFKA_CLIENT_ID", "lag-monitor-eu",
            "WIRESTREAM_KAFKA_RETRY_BACKOFF_MS", "500"));

        assertEquals(Map.of("client.id", "lag-monitor-eu", "retry.backoff.ms", "500"), env.admin());
    }

    @Test
    void shouldListApplicationVariablesAsIgnoredAndSkipLauncherAndForeignOnes() {
        KafkaClientEnvironment env = KafkaClientEnvironment.of(Map.of(
            "WIRESTREAM_REGISTRY", "https://schema-registry:8081",
            "WIRESTREAM_TOPIC_PREFIX", "news",
            "WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/registry-ca/truststore.p12",
            "WIRESTREAM_JAVA_OPTS", "-Xmx256m",
            "WIRESTREAM_LOG_LEVEL", "INFO",
            "WIRESTREAM_KAFKA_LOG_LEVEL", "WARN",
            "KAFKA_SECURITY_PROTOCOL", "SSL",
            "PATH", "/usr/bin"));

        assertNull(env.bootstrap());
        assertEquals(Map.of(), env.admin());
        assertEquals(Set.of("WIRESTREAM_REGISTRY", "WIRESTREAM_TOPIC_PREFIX", "WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION"),
            env.ignored());
    }

    @Test
    void shouldNameKeysAsTheApplicationsDo() {
        assertEquals("ssl.keystore.password", KafkaClientEnvironment.key("WIRESTREAM_SSL_KEYSTORE_PASSWORD"));
        assertEquals("security.protocol", KafkaClientEnvironment.key("WIRESTREAM_SECURITY_PROTOCOL"));
    }
}
