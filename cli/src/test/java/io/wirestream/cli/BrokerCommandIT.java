package io.wirestream.cli;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wirestream broker} as its own process: prints where it listens, serves Kafka and the registry, stops on SIGTERM. */
@Timeout(120)
class BrokerCommandIT {

    @Test
    void shouldPrintTheAddressesServeBothAndStopCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            "io.wirestream.cli.Wirestream", "broker")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String bootstrapLine = out.readLine();
            String registryLine = out.readLine();
            assertTrue(bootstrapLine != null && bootstrapLine.matches("bootstrap=127\\.0\\.0\\.1:\\d+"), "first line: " + bootstrapLine);
            assertTrue(registryLine != null && registryLine.matches("registry=http://127\\.0\\.0\\.1:\\d+"), "second line: " + registryLine);
            String bootstrap = bootstrapLine.substring("bootstrap=".length());
            String registry = registryLine.substring("registry=".length());

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            }
            try (HttpSchemaRegistryClient client = HttpSchemaRegistryClient.fromConfigs(Map.of("schema.registry.url", registry))) {
                assertEquals(List.of(), client.getAllSubjects().stream().filter(s -> !s.startsWith("_")).toList());
            }

            process.destroy(); // SIGTERM, as Ctrl-C or an orchestrator would send
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the broker did not stop within 30 s of SIGTERM");
            // a JVM ended by SIGTERM after its shutdown hooks ran reports 143 (128 + 15)
            assertEquals(143, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldStartAThreeNodeClusterWithReplicatedSchemasAndStopItOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            "io.wirestream.cli.Wirestream", "broker", "--brokers", "3")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String bootstrapLine = out.readLine();
            String registryLine = out.readLine();
            assertTrue(bootstrapLine != null && bootstrapLine.matches("bootstrap=(127\\.0\\.0\\.1:\\d+,){2}127\\.0\\.0\\.1:\\d+"),
                "first line: " + bootstrapLine);
            assertTrue(registryLine != null && registryLine.matches("registry=http://127\\.0\\.0\\.1:\\d+"), "second line: " + registryLine);
            String bootstrap = bootstrapLine.substring("bootstrap=".length());
            // the command's only child processes are its Kafka nodes
            List<ProcessHandle> nodes = process.children().toList();
            assertEquals(3, nodes.size(), "node processes");

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                assertEquals(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
                var schemas = admin.describeTopics(List.of("_wirestream_schemas")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("_wirestream_schemas");
                assertEquals(3, schemas.partitions().get(0).replicas().size(), "replicas of the schemas topic");
            }

            process.destroy();
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the cluster did not stop within 90 s of SIGTERM");
            assertEquals(143, process.exitValue());
            assertEquals(List.of(), nodes.stream().filter(ProcessHandle::isAlive).toList(), "node processes left running");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void shouldRefuseAClusterTooSmallForReplicationFactorThree() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            "io.wirestream.cli.Wirestream", "broker", "--brokers", "2")
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("--brokers must be 1, or 3 to 9 (replication factor 3), was 2"), output);
    }
}
