package io.wirestream.ops.lag;

import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.ops.KafkaTestSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(120)
class LagMonitorIT {
    private static EmbeddedKafkaBroker broker;
    private static KafkaTestSupport kafka;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.temporary().start();
        kafka = new KafkaTestSupport(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
        broker.close();
    }

    private static LagMonitor monitor(String group, int window) {
        return LagMonitor.create(new LagMonitorConfig(Map.of("bootstrap.servers", broker.bootstrapServers(),
            "group", group, "window.samples", window, "window.min.samples", window, "timeout.ms", 10_000)));
    }

    /** Runs Kafka's own {@code kafka-consumer-groups --describe} in this JVM: LAG column per "topic-partition". */
    private static Map<String, String> kafkaToolLag(String group) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        synchronized (LagMonitorIT.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ConsumerGroupCommand.main(new String[] {"--bootstrap-server", broker.bootstrapServers(),
                    "--describe", "--group", group});
            } finally {
                System.setOut(original);
            }
        }
        Map<String, String> lag = new TreeMap<>();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.trim().split("\\s+");
            lag.put(cols[header.indexOf("TOPIC")] + "-" + cols[header.indexOf("PARTITION")], cols[header.indexOf("LAG")]);
        }
        return lag;
    }

    private static Map<String, String> monitorLag(LagReport report, String group) {
        Map<String, String> lag = new TreeMap<>();
        for (PartitionLag p : report.group(group).orElseThrow().partitions()) {
            lag.put(p.topic() + "-" + p.partition(), p.lag() == null ? "-" : p.lag().toString());
        }
        return lag;
    }

    @Test
    @SuppressWarnings("try") // the consumer is closed mid-test to stop the group
    void shouldReportTheOffsetLagOfTheAdminClientAndOfKafkasConsumerGroupTool() throws Exception {
        String topic = "lag-truth";
        String group = "lag-truth-group";
        kafka.createTopic(topic, 3);
        kafka.produce(topic, 0, 30);
        kafka.produce(topic, 1, 30);
        kafka.produce(topic, 2, 30);

        try (KafkaConsumer<String, String> consumer = kafka.consumer(group);
             LagMonitor monitor = monitor(group, 3)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().size() < 3 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            // Partial progress; partition 2 is assigned but never committed.
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(10),
                new TopicPartition(topic, 1), new OffsetAndMetadata(25)));

            LagReport active = monitor.poll();
            Map<String, String> expectedWhileActive = Map.of(topic + "-0", "20", topic + "-1", "5", topic + "-2", "-");
            assertEquals(expectedWhileActive, monitorLag(active, group));
            assertEquals(expectedWhileActive, kafkaToolLag(group));
            assertEquals(1, active.group(group).orElseThrow().members());
            PartitionLag uncommitted = active.group(group).orElseThrow().partitions().get(2);
            assertEquals(new Verdict(LagStatus.OK, "no committed offset yet"), uncommitted.verdict());
            assertEquals(30L, uncommitted.endOffset());

            consumer.close();
            LagReport stopped = monitor.poll();
            Map<String, String> expectedStopped = Map.of(topic + "-0", "20", topic + "-1", "5");
            assertEquals(expectedStopped, monitorLag(stopped, group));
            assertEquals(expectedStopped, kafkaToolLag(group));
            Map<String, String> adminTruth = new TreeMap<>();
            kafka.adminLag(group).forEach((tp, lag) -> adminTruth.put(tp.toString(), lag.toString()));
            assertEquals(adminTruth, monitorLag(stopped, group));
            assertEquals("Empty", stopped.group(group).orElseThrow().state());
        }
    }

    @Test
    void shouldGoFromOkWhileConsumingToStalledWhenTheConsumerStops() throws Exception {
        String topic = "lag-stall";
        String group = "lag-stall-group";
        kafka.createTopic(topic, 1);
        try (LagMonitor monitor = monitor(group, 3)) {
            // Consuming: the group keeps up with production.
            kafka.produce(topic, 0, 10);
            kafka.commit(group, topic, 0, 10);
            LagReport caughtUp = monitor.poll();
            assertEquals(new Verdict(LagStatus.OK, "caught up"), partition(caughtUp, group).verdict());
            assertEquals(TimeLag.CAUGHT_UP, partition(caughtUp, group).timeLag());

            // Stopped: production goes on, the committed offset stays at 10.
            LagReport last = null;
            LagReport first = null;
            for (int i = 0; i < 3; i++) {
                Thread.sleep(200);
                kafka.produce(topic, 0, 10);
                last = monitor.poll();
                if (first == null) {
                    first = last;
                }
            }
            PartitionLag stalled = partition(last, group);
            assertEquals(30L, stalled.lag());
            assertEquals(LagStatus.STALLED, stalled.status());
            String span = String.format(java.util.Locale.ROOT, "%.1f s", (last.timeMs() - first.timeMs()) / 1000.0);
            assertEquals("committed offset 10 has not moved for " + span + " (3 samples) while lag is 30",
                stalled.verdict().reason());
            assertEquals(new Verdict(LagStatus.STALLED, "lag-stall-0: committed offset 10 has not moved for " + span
                    + " (3 samples) while lag is 30; the group has no active members"),
                last.group(group).orElseThrow().verdict());
            // Offset 10 became the log end at the caught-up poll and was passed by the next: interpolation puts its
            // write time at the caught-up poll.
            assertEquals(new TimeLag(TimeLag.Method.INTERPOLATED, (last.timeMs() - caughtUp.timeMs()) / 1000.0),
                stalled.timeLag());

            // Consuming again: caught up, OK at once.
            kafka.commit(group, topic, 0, 40);
            assertEquals(new Verdict(LagStatus.OK, "caught up"), partition(monitor.poll(), group).verdict());
        }
    }

    @Test
    void shouldWarnWhenLagGrowsWhileTheGroupKeepsCommitting() throws Exception {
        String topic = "lag-grow";
        String group = "lag-grow-group";
        kafka.createTopic(topic, 1);
        try (LagMonitor monitor = monitor(group, 3)) {
            LagReport report = null;
            LagReport first = null;
            for (int round = 1; round <= 3; round++) {
                kafka.produce(topic, 0, 20);
                kafka.commit(group, topic, 0, 5L * round);
                report = monitor.poll();
                first = first == null ? report : first;
            }
            String span = String.format(java.util.Locale.ROOT, "%.1f s", (report.timeMs() - first.timeMs()) / 1000.0);
            PartitionLag p = partition(report, group);
            assertEquals(45L, p.lag());
            assertEquals(LagStatus.WARNING, p.status());
            assertEquals("lag grew from 15 to 45 over " + span + " while the group committed 10 records: "
                + "consumers are slower than producers", p.verdict().reason());
            assertEquals(LagStatus.WARNING, report.group(group).orElseThrow().status());
        }
    }

    @Test
    void shouldListEveryConsumerGroupWhenNoneIsNamed() throws Exception {
        String topic = "lag-all";
        kafka.createTopic(topic, 1);
        kafka.produce(topic, 0, 5);
        kafka.commit("lag-all-a", topic, 0, 1);
        kafka.commit("lag-all-b", topic, 0, 4);
        try (LagMonitor monitor = LagMonitor.create(new LagMonitorConfig(
                Map.of("bootstrap.servers", broker.bootstrapServers())))) {
            LagReport report = monitor.poll();
            Map<String, Long> lags = new HashMap<>();
            for (GroupLag g : report.groups()) {
                if (g.group().startsWith("lag-all-")) {
                    lags.put(g.group(), g.totalLag());
                }
            }
            assertEquals(Map.of("lag-all-a", 4L, "lag-all-b", 1L), lags);
        }
    }

    private static PartitionLag partition(LagReport report, String group) {
        return report.group(group).orElseThrow().partitions().get(0);
    }
}
