package io.wirestream.embedded;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerSaslIT {
    private static final EmbeddedKafkaBroker.ScramUser ALICE = new EmbeddedKafkaBroker.ScramUser("alice", "alice-secret-1");
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.temporary().withSaslScram(List.of(ALICE)).start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void shouldAcceptAScramUserCreatedAtFormatTime() throws Exception {
        for (String mechanism : List.of("SCRAM-SHA-512", "SCRAM-SHA-256")) {
            try (Admin admin = Admin.create(sasl(mechanism, ALICE.jaasConfig()))) {
                String topic = "sasl-" + mechanism.toLowerCase();
                admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                // the broker learns of the new topic from the controller's metadata log a moment later
                Set<String> names = Set.of();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!names.contains(topic) && System.nanoTime() < deadline) {
                    names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                }
                assertTrue(names.contains(topic), mechanism + ": topic " + topic + " not listed: " + names);
            }
        }
    }

    @Test
    void shouldRefuseAWrongPasswordWithAnAuthenticationError() {
        String wrong = new EmbeddedKafkaBroker.ScramUser("alice", "not-the-password").jaasConfig();
        try (Admin admin = Admin.create(sasl(EmbeddedKafkaBroker.SCRAM_MECHANISM, wrong))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("invalid credentials"), e.getCause().getMessage());
        }
    }

    @Test
    void shouldNeverAnswerAClientWithoutSaslOnTheSaslListener() {
        Map<String, Object> plain = Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(plain)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, e.getCause());
        }
    }

    @Test
    void shouldRejectSaslCallsBeforeStartAndUsersWithUnsafeCharacters() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> new EmbeddedKafkaBroker.ScramUser("bob", "pass,word=x"));
        assertEquals("password of SCRAM user bob must be 8 to 128 letters, digits, '.', '_' or '-'", bad.getMessage());
        assertThrows(IllegalStateException.class, () -> broker.withSaslScram(List.of(ALICE)));
        assertEquals("ScramUser[alice]", ALICE.toString());
    }

    private static Map<String, Object> sasl(String mechanism, String jaas) {
        Map<String, Object> c = new HashMap<>();
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers());
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        c.put(SaslConfigs.SASL_MECHANISM, mechanism);
        c.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return c;
    }
}
