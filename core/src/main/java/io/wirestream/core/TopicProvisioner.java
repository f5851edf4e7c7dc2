package io.wirestream.core;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates Wirestream's topics when they are missing; never alters an existing topic. On a production
 * cluster topics are usually created by the platform (deploy/ has them as Strimzi resources); this keeps
 * the embedded default and first runs working with the same names and settings.
 *
 * <p>Settings per topic: raw, enriched and duplicates keep 7 days; the dead-letter topic keeps 30 days so
 * that someone has time to look; the knowledge base and the ingest state are compacted; the stories topic is
 * compacted and also deletes what is older than 30 days (an open story is rewritten at least once per story
 * window, so only closed and merged stories' last records age out). Routed topics
 * ({@link #derived}) get the enriched topic's settings.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    /** How long the stories topic keeps a story's last record: longer than the longest story window. */
    public static final int STORIES_RETENTION_DAYS = 30;

    /** Partitions and replication factor (-1: broker default) of created topics. */
    public record Settings(int partitions, short replicationFactor) {
        public Settings {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
            }
            if (replicationFactor == 0 || replicationFactor < -1) {
                throw new IllegalArgumentException("replication factor must be -1 or at least 1, was " + replicationFactor);
            }
        }
    }

    private TopicProvisioner() {
    }

    /** The topics of the pipeline with their settings. */
    public static List<NewTopic> definitions(TopicNames names, Settings settings) {
        Optional<Short> rf = settings.replicationFactor() == -1 ? Optional.empty() : Optional.of(settings.replicationFactor());
        Optional<Integer> partitions = Optional.of(settings.partitions());
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(names.raw(), partitions, rf).configs(retention(7)));
        topics.add(new NewTopic(names.enriched(), partitions, rf).configs(retention(7)));
        topics.add(new NewTopic(names.duplicates(), partitions, rf).configs(retention(7)));
        topics.add(new NewTopic(names.deadLetters(), partitions, rf).configs(retention(30)));
        topics.add(new NewTopic(names.knowledgeBase(), Optional.of(1), rf).configs(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(ingestState(names, settings));
        topics.add(new NewTopic(names.stories(), partitions, rf).configs(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(STORIES_RETENTION_DAYS * DAY_MS))));
        return topics;
    }

    /** A topic that carries a selection of the enriched articles (a route's): the enriched topic's settings. */
    public static NewTopic derived(String name, Settings settings) {
        Optional<Short> rf = settings.replicationFactor() == -1 ? Optional.empty() : Optional.of(settings.replicationFactor());
        return new NewTopic(name, Optional.of(settings.partitions()), rf).configs(retention(7));
    }

    /** The live sources' memory: one partition (read whole at start), compacted, segments rolled daily. */
    public static NewTopic ingestState(TopicNames names, Settings settings) {
        Optional<Short> rf = settings.replicationFactor() == -1 ? Optional.empty() : Optional.of(settings.replicationFactor());
        return new NewTopic(names.ingestState(), Optional.of(1), rf).configs(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(DAY_MS)));
    }

    /**
     * Creates every missing topic of {@code topics}; returns the names it created. Returns only once every
     * partition of the created topics has a leader in the metadata the cluster serves, so that a producer
     * started right after this does not race the partitions' first leader election.
     *
     * @throws IllegalStateException when the cluster cannot be reached, refuses a topic, or leaves a created
     *     partition without a leader for longer than {@code timeout}
     */
    public static List<String> ensure(Map<String, Object> adminConfigs, List<NewTopic> topics, Duration timeout) {
        try (Admin admin = Admin.create(adminConfigs)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> e : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + e.getKey() + ": " + ex.getCause().getMessage(), ex.getCause());
                    }
                }
            }
            log.info("Created topics {}", created);
            awaitLeaders(admin, created, timeout, adminConfigs.get("bootstrap.servers"));
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics at " + adminConfigs.get("bootstrap.servers")
                + " within " + timeout.toSeconds() + " s: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> topics, Duration timeout, Object bootstrap) throws InterruptedException {
        try {
            awaitLeaders(admin, topics, timeout);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the created topics " + topics + " at " + bootstrap + " within "
                + timeout.toSeconds() + " s: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> topics, Duration timeout)
        throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> leaderless = List.of();
        while (System.nanoTime() < deadline) {
            leaderless = new ArrayList<>();
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
                try {
                    for (TopicPartitionInfo p : e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions()) {
                        if (p.leader() == null || p.leader().isEmpty()) {
                            leaderless.add(e.getKey() + "-" + p.partition());
                        }
                    }
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw ex;
                    }
                    leaderless.add(e.getKey());
                }
            }
            if (leaderless.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("created topics, but after " + timeout.toSeconds() + " s these partitions have no leader: "
            + leaderless);
    }

    private static Map<String, String> retention(int days) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(days * DAY_MS),
            TopicConfig.COMPRESSION_TYPE_CONFIG, "producer");
    }
}
