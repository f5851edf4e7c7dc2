package io.wirestream.ops.cli;

import io.wirestream.ops.lag.LagMonitorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How {@code lag} and {@code monitor} combine the environment, --config (alias --command-config), -D and --bootstrap. */
class LagOptionsTest {
    private static final Map<String, String> SECURED_ENV = Map.of(
        "WIRESTREAM_BOOTSTRAP", "wirestream-kafka-bootstrap:9093",
        "WIRESTREAM_SECURITY_PROTOCOL", "SASL_SSL",
        "WIRESTREAM_SASL_MECHANISM", "SCRAM-SHA-512",
        "WIRESTREAM_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"m\" password=\"p\";",
        "WIRESTREAM_SSL_TRUSTSTORE_TYPE", "PEM",
        "WIRESTREAM_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt",
        "WIRESTREAM_REGISTRY", "https://schema-registry:8081");

    private static LagOptions parse(String... args) {
        MonitorCommand command = new MonitorCommand();
        new CommandLine(command).parseArgs(args);
        return command.options;
    }

    @Test
    void shouldTakeTheWholeClientConfigurationFromTheEnvironment() {
        Map<String, Object> admin = parse().toConfig(SECURED_ENV).adminProperties();

        assertEquals("wirestream-kafka-bootstrap:9093", admin.get("bootstrap.servers"));
        assertEquals("SASL_SSL", admin.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", admin.get("sasl.mechanism"));
        assertEquals(SECURED_ENV.get("WIRESTREAM_SASL_JAAS_CONFIG"), admin.get("sasl.jaas.config"));
        assertEquals("PEM", admin.get("ssl.truststore.type"));
        assertEquals("/etc/kafka-ca/ca.crt", admin.get("ssl.truststore.location"));
        assertEquals(null, admin.get("schema.registry.url"));
    }

    @Test
    void shouldReadClientSettingsFromTheCommandConfigFileAndLetTheEnvironmentAndDefinitionsWin(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("admin.properties");
        Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/other/ca.crt\nssl.keystore.type=PKCS12\n"
            + "kafka.client.id=from-file\n");

        Map<String, Object> admin = parse("--command-config", file.toString(), "-D", "ssl.truststore.location=/flag/ca.crt")
            .toConfig(SECURED_ENV).adminProperties();

        assertEquals("PKCS12", admin.get("ssl.keystore.type"));
        assertEquals("from-file", admin.get("client.id"));
        assertEquals("SASL_SSL", admin.get("security.protocol"), "the environment wins over the file, as for every command");
        assertEquals("/flag/ca.crt", admin.get("ssl.truststore.location"), "-D wins over the environment");
    }

    @Test
    void shouldHandKafkaPrefixedKeysToTheClientAndIgnoreTheApplicationsKeys() {
        Map<String, Object> admin = parse().toConfig(Map.of(
            "WIRESTREAM_BOOTSTRAP", "k:9092",
            "WIRESTREAM_KAFKA_CLIENT_ID", "lag-monitor-eu",
            "WIRESTREAM_KAFKA_RETRY_BACKOFF_MS", "500",
            "WIRESTREAM_TOPIC_PREFIX", "news",
            "WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/registry-ca/truststore.p12",
            "WIRESTREAM_JAVA_OPTS", "-Xmx256m")).adminProperties();

        assertEquals("lag-monitor-eu", admin.get("client.id"));
        assertEquals("500", admin.get("retry.backoff.ms"));
        assertEquals(null, admin.get("topic.prefix"));
        assertEquals(null, admin.get("prefix"));
        assertEquals(null, admin.get("schema.registry.ssl.truststore.location"));
    }

    @Test
    void shouldPreferTheBootstrapOptionToTheEnvironment() {
        LagMonitorConfig config = parse("--bootstrap", "localhost:29092").toConfig(SECURED_ENV);

        assertEquals("localhost:29092", config.bootstrapServers());
    }

    @Test
    void shouldRefuseToStartWithoutBrokers() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
            () -> parse().toConfig(Map.of("WIRESTREAM_SECURITY_PROTOCOL", "SSL")));

        assertEquals("Missing --bootstrap HOST:PORT (or the environment variable WIRESTREAM_BOOTSTRAP)", e.getMessage());
    }
}
