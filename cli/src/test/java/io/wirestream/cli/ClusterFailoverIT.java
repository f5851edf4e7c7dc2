package io.wirestream.cli;

import io.wirestream.cli.ProcessorFailoverIT.ChildProcessor;
import io.wirestream.cli.ProcessorFailoverIT.Feeder;
import io.wirestream.cli.ProcessorFailoverIT.Inputs;
import io.wirestream.embedded.LocalKafkaCluster;
import io.wirestream.testkit.KafkaClusterStack;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static io.wirestream.cli.ProcessorFailoverIT.assertExactlyOnce;
import static io.wirestream.cli.ProcessorFailoverIT.awaitProgress;
import static io.wirestream.cli.ProcessorFailoverIT.committedOffsets;

/**
 * Brokers lost on a real cluster: three KRaft nodes, each its own JVM ({@link KafkaClusterStack}: replication
 * factor 3 and {@code min.insync.replicas=2} for every topic, the registry's schemas topic included), ingest
 * publishing from this JVM and the processors in a child JVM ({@code wirestream process}). While articles
 * stream in, the node leading most partitions of the input and output topics is killed with SIGKILL and
 * restarted later, then all three nodes are restarted one at a time (controlled shutdown, each back in sync
 * before the next goes). Afterwards every input must have exactly the verdict of {@link ProcessorFailoverIT}:
 * an enriched article or a duplicate notice naming its original, or one dead letter for a bad record; none
 * twice, none missing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterFailoverIT {
    private static final Logger log = LoggerFactory.getLogger(ClusterFailoverIT.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaClusterStack cluster = new KafkaClusterStack(Map.of(
        "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));

    @Test
    void shouldGiveEveryInputExactlyItsVerdictWhileBrokersAreKilledAndRestarted(@TempDir Path state) throws Exception {
        long started = System.nanoTime();
        String prefix = "cluster";
        String appId = "cluster-failover-" + UUID.randomUUID();
        Inputs inputs = Inputs.generate(1_200, 150, 5, 31L);
        LocalKafkaCluster nodes = cluster.cluster();
        try (Admin admin = cluster.admin();
             Feeder feeder = new Feeder(cluster.config(Map.of()), prefix, ProcessorFailoverIT.INPUT_PARTITIONS, inputs, 10, Duration.ofMillis(350));
             ChildProcessor processor = new ChildProcessor("cluster", appId, prefix, state.resolve("p"),
                 cluster.bootstrapServers(), cluster.registryUrl(), List.of())) {
            String raw = feeder.topics.raw().name();
            LongSupplier consumed = () -> committedOffsets(admin, appId, raw);
            int total = inputs.size();
            processor.start();
            feeder.start();

            awaitProgress(consumed, total * 15 / 100, processor);
            int victim = nodes.busiestLeader(List.of(raw, feeder.topics.enriched().name(), feeder.topics.duplicates().name()));
            log.info("Killing node {}, the leader of most partitions", victim);
            nodes.kill(victim);
            awaitProgress(consumed, total * 35 / 100, processor);
            log.info("Restarting node {}", victim);
            nodes.start(victim);
            nodes.awaitFullyReplicated(CATCH_UP);

            awaitProgress(consumed, total * 45 / 100, processor);
            for (int id = 1; id <= nodes.size(); id++) {
                log.info("Rolling restart: node {}", id);
                nodes.stop(id);
                nodes.start(id);
                nodes.awaitFullyReplicated(CATCH_UP);
            }

            feeder.awaitSent();
            awaitProgress(consumed, total, processor);
            assertExactlyOnce(cluster.bootstrapServers(), feeder.topics, inputs);
            log.info("Cluster failover: {} inputs, exact verdicts, {} s", total,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }
}
