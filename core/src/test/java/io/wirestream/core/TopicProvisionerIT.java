package io.wirestream.core;

import io.wirestream.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TopicProvisionerIT {

    @Test
    void shouldReturnOnlyWhenEveryPartitionOfTheCreatedTopicsHasALeader() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.temporary().start()) {
            Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            TopicNames names = new TopicNames("lead");
            List<NewTopic> topics = new ArrayList<>(TopicProvisioner.definitions(names, new TopicProvisioner.Settings(24, (short) -1)));

            List<String> created = TopicProvisioner.ensure(admin, topics, Duration.ofSeconds(30));

            assertEquals(topics.size(), created.size());
            try (Admin client = Admin.create(admin)) {
                // no retry here: what ensure promises must hold the moment it returns
                Map<String, TopicDescription> described = client.describeTopics(created).allTopicNames().get(30, TimeUnit.SECONDS);
                for (TopicDescription d : described.values()) {
                    for (TopicPartitionInfo p : d.partitions()) {
                        assertTrue(p.leader() != null && !p.leader().isEmpty(), d.name() + "-" + p.partition() + " has no leader");
                    }
                }
            }
            assertEquals(List.of(), TopicProvisioner.ensure(admin, topics, Duration.ofSeconds(30)), "a second call creates nothing");
        }
    }
}
