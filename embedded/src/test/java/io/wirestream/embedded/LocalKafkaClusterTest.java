package io.wirestream.embedded;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The configuration a local cluster gives its nodes; starting them is {@code ClusterFailoverIT}'s job. */
class LocalKafkaClusterTest {

    @Test
    void shouldMakeEveryNodeBrokerAndControllerOfOneQuorumOnLoopback() {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.create(null, 3, "unused", List.of(), Map.of())) {
            Properties node2 = cluster.nodeProperties(2);
            assertEquals("2", node2.getProperty("node.id"));
            assertEquals("broker,controller", node2.getProperty("process.roles"));
            String[] voters = node2.getProperty("controller.quorum.voters").split(",");
            assertEquals(List.of("1@127.0.0.1", "2@127.0.0.1", "3@127.0.0.1"),
                Arrays.stream(voters).map(v -> v.substring(0, v.lastIndexOf(':'))).toList());
            assertEquals(cluster.nodeProperties(1).getProperty("controller.quorum.voters"), node2.getProperty("controller.quorum.voters"));
            assertEquals("PLAINTEXT://" + cluster.bootstrapServers(2), node2.getProperty("advertised.listeners"));
            assertEquals(3, cluster.bootstrapServers().split(",").length);
        }
    }

    @Test
    void shouldUseTheProductionReplicationSettings() {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.create(null, 3, "unused", List.of(), Map.of("num.io.threads", "2"))) {
            Properties p = cluster.nodeProperties(1);
            Map<String, String> replication = Map.of(
                "default.replication.factor", "3", "min.insync.replicas", "2",
                "offsets.topic.replication.factor", "3", "transaction.state.log.replication.factor", "3",
                "transaction.state.log.min.isr", "2", "unclean.leader.election.enable", "false");
            replication.forEach((key, value) -> assertEquals(value, p.getProperty(key), key));
            assertEquals("2", p.getProperty("num.io.threads"), "overrides win");
        }
    }

    @Test
    void shouldRefuseAClusterTooSmallForReplicationFactorThree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> LocalKafkaCluster.create(null, 2, "unused", List.of(), Map.of()));
        assertEquals("a local cluster has 3 to 9 nodes (replication factor 3), was 2", e.getMessage());
    }
}
