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

/** How {@code lag} and {@code monitor} combine the environment, --command-config and --bootstrap. */
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
    void shouldLetTheCommandConfigFileOverrideTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("admin.properties");
        Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/other/ca.crt\n");

        Map<String, Object> admin = parse("--command-config", file.toString()).toConfig(SECURED_ENV).adminProperties();

        assertEquals("SSL", admin.get("security.protocol"));
        assertEquals("/other/ca.crt", admin.get("ssl.truststore.location"));
        assertEquals("SCRAM-SHA-512", admin.get("sasl.mechanism"));
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
