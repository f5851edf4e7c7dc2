package io.wirestream.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.ops.KafkaTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(120)
class LagCommandIT {
    private static EmbeddedKafkaBroker broker;
    private static KafkaTestSupport kafka;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.temporary().start();
        kafka = new KafkaTestSupport(broker.bootstrapServers());
        kafka.createTopic("cli-articles", 2);
        kafka.produce("cli-articles", 0, 12);
        kafka.produce("cli-articles", 1, 8);
        kafka.commit("cli-group", "cli-articles", 0, 5);
        kafka.commit("cli-group", "cli-articles", 1, 8);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        broker.close();
    }

    /** Exit code, stdout and stderr of {@code lag} with these arguments. */
    private record Run(int exitCode, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new LagCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldPrintOneJsonLinePerPartition() throws Exception {
        Run run = run("--bootstrap", broker.bootstrapServers(), "--group", "cli-group", "--json");

        assertEquals(0, run.exitCode(), run.err());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(json.readTree(line));
        }
        assertEquals(List.of(
                json.readTree("{\"group\":\"cli-group\",\"topic\":\"cli-articles\",\"partition\":0,\"committedOffset\":5,"
                    + "\"endOffset\":12,\"lag\":7,\"timeLagSeconds\":null,\"status\":\"OK\","
                    + "\"reason\":\"lag 7; 1 of 3 samples needed to judge the trend\"}"),
                json.readTree("{\"group\":\"cli-group\",\"topic\":\"cli-articles\",\"partition\":1,\"committedOffset\":8,"
                    + "\"endOffset\":8,\"lag\":0,\"timeLagSeconds\":0.0,\"status\":\"OK\",\"reason\":\"caught up\"}")),
            lines);
    }

    @Test
    void shouldWatchAndTurnTheStoppedGroupStalledInTheTable() {
        Run run = run("--bootstrap", broker.bootstrapServers(), "--group", "cli-group", "--watch", "--count", "3",
            "--interval", "0.2", "--window", "3");

        assertEquals(0, run.exitCode(), run.err());
        List<String> groupLines = run.out().lines().filter(l -> l.startsWith("cli-group (")).toList();
        assertEquals(3, groupLines.size(), run.out());
        String last = groupLines.get(2);
        assertEquals("cli-group (Empty, 0 members, total lag 7): STALLED - cli-articles-0: committed offset 5 has not "
            + "moved for", last.substring(0, last.indexOf(" for ") + 4));
        List<String> rows = run.out().lines().filter(l -> l.startsWith("cli-group ") && !l.startsWith("cli-group ("))
            .map(l -> String.join(" ", l.trim().split("\\s+"))).toList();
        // The log end never moved while watched: the time lag is the lower bound "since the first poll".
        List<Instant> polls = run.out().lines().filter(l -> l.startsWith("Consumer group lag at "))
            .map(l -> Instant.parse(l.substring("Consumer group lag at ".length()))).toList();
        String sinceFirstPoll = String.format(Locale.ROOT, ">%.1fs",
            Duration.between(polls.get(0), polls.get(2)).toMillis() / 1000.0);
        assertEquals("cli-group cli-articles 0 5 12 7 " + sinceFirstPoll + " STALLED -", rows.get(rows.size() - 2));
    }

    @Test
    void shouldFailWithExitCodeOneWhenTheBrokerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run run = run("--bootstrap", "127.0.0.1:" + port, "--timeout", "1");

        assertEquals(1, run.exitCode());
        // The cause after the prefix depends on how far the AdminClient got (timeout, or no broker found).
        String expectedPrefix = "Error: cannot list consumer groups on Kafka at 127.0.0.1:" + port + " within 1000 ms: ";
        String message = run.err().trim();
        assertEquals(expectedPrefix, message.substring(0, Math.min(message.length(), expectedPrefix.length())));
    }

    @Test
    void shouldFailWithExitCodeOneForAGroupThatDoesNotExist() {
        Run run = run("--bootstrap", broker.bootstrapServers(), "--group", "no-such-group");

        assertEquals(1, run.exitCode());
        assertEquals("Error: consumer group 'no-such-group' does not exist", run.err().trim());
    }

    @Test
    void shouldRejectBadArgumentsWithExitCodeTwo() {
        assertEquals(2, run("--bootstrap", broker.bootstrapServers(), "--window", "1").exitCode());
        assertEquals(2, run("--bootstrap", broker.bootstrapServers(), "--interval", "0.01").exitCode());
        assertEquals(2, run("--bootstrap", broker.bootstrapServers(), "--no-such-option").exitCode());
        Run run = run("--bootstrap", broker.bootstrapServers(), "--window", "1");
        assertEquals("Invalid option: Invalid value 1 for configuration --window: Value must be at least 2",
            run.err().lines().findFirst().orElseThrow());
    }
}
