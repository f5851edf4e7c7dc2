package io.wirestream.ops.lag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Reads, through the AdminClient, every consumer group's committed offsets and the log-end offsets of their
 * partitions, and turns successive polls into lag figures, time lag and a status per group and partition.
 *
 * <p>Offset lag is computed as Kafka's {@code kafka-consumer-groups --describe} computes it, so the two agree:
 * the rows are the partitions the group has committed offsets for plus those assigned to its members; the log end
 * is {@code ListOffsets(latest)} with the default {@code READ_UNCOMMITTED} isolation, i.e. the high watermark, not
 * the last stable offset, so on a transactional topic an open transaction's records count as lag even for a
 * {@code read_committed} consumer; a partition with no committed offset has no lag ({@code -} in the tool).
 *
 * <p>Each {@link #poll()} adds one sample to the per-partition histories, so time lag and status sharpen as
 * polls accumulate; call it every {@link LagMonitorConfig#intervalMs()}. Histories of groups and partitions that
 * disappear are dropped. Not thread-safe: poll from one thread.
 */
public final class LagMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

    private final Admin admin;
    private final boolean ownsAdmin;
    private final LagMonitorConfig config;
    private final LongSupplier clock;
    private final LagEvaluator evaluator;
    private final Map<TopicPartition, LogEndHistory> histories = new HashMap<>();
    private final Map<GroupPartition, ArrayDeque<LagSample>> windows = new HashMap<>();

    private record GroupPartition(String group, TopicPartition partition) { }

    private record Member(String consumerId, String host, String clientId) { }

    /** A monitor with its own AdminClient, closed by {@link #close()}. */
    public static LagMonitor create(LagMonitorConfig config) {
        return new LagMonitor(Admin.create(config.adminProperties()), true, config, System::currentTimeMillis);
    }

    /** A monitor on an AdminClient the caller owns and closes. */
    public static LagMonitor using(Admin admin, LagMonitorConfig config) {
        return new LagMonitor(admin, false, config, System::currentTimeMillis);
    }

    LagMonitor(Admin admin, boolean ownsAdmin, LagMonitorConfig config, LongSupplier clock) {
        this.admin = admin;
        this.ownsAdmin = ownsAdmin;
        this.config = config;
        this.clock = clock;
        this.evaluator = new LagEvaluator(config.windowMinSamples());
    }

    public LagMonitorConfig config() {
        return config;
    }

    /**
     * Reads the offsets of the watched groups now and returns the report.
     *
     * @throws LagMonitorException if the cluster did not answer within {@link LagMonitorConfig#timeoutMs()}
     */
    public LagReport poll() {
        List<String> groupIds = config.group().map(List::of).orElseGet(this::listGroups);
        Map<String, ConsumerGroupDescription> descriptions = new HashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        if (!groupIds.isEmpty()) {
            var described = admin.describeConsumerGroups(groupIds).describedGroups();
            var listed = admin.listConsumerGroupOffsets(groupIds.stream()
                .collect(Collectors.toMap(Function.identity(), g -> new ListConsumerGroupOffsetsSpec())));
            for (String group : groupIds) {
                // A group deleted since it was listed, or named with --group and absent, is reported without rows.
                ConsumerGroupDescription description = awaitGroup("describe consumer group " + group,
                    described.get(group));
                if (description != null) {
                    descriptions.put(group, description);
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = awaitGroup("read committed offsets of group " + group,
                    listed.partitionsToOffsetAndMetadata(group));
                committed.put(group, offsets == null ? Map.of() : offsets);
            }
        }
        Map<String, Map<TopicPartition, Member>> owners = new HashMap<>();
        Set<TopicPartition> partitions = new HashSet<>();
        for (String group : groupIds) {
            Map<TopicPartition, Member> groupOwners = new HashMap<>();
            ConsumerGroupDescription description = descriptions.get(group);
            if (description != null) {
                for (MemberDescription m : description.members()) {
                    for (TopicPartition tp : m.assignment().topicPartitions()) {
                        groupOwners.put(tp, new Member(m.consumerId(), m.host(), m.clientId()));
                    }
                }
            }
            owners.put(group, groupOwners);
            partitions.addAll(groupOwners.keySet());
            partitions.addAll(committed.getOrDefault(group, Map.of()).keySet());
        }
        // Same request as the Kafka tool: latest offset, default (read_uncommitted) isolation = high watermark.
        Map<TopicPartition, Long> ends = listOffsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = listOffsets(partitions, OffsetSpec.earliest());
        long now = clock.getAsLong();

        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            histories.computeIfAbsent(e.getKey(), tp -> new LogEndHistory(config.historyPoints()))
                .add(new OffsetPoint(e.getValue(), now));
        }
        histories.keySet().retainAll(partitions);

        List<GroupLag> groups = new ArrayList<>();
        Set<GroupPartition> seen = new HashSet<>();
        for (String group : new TreeSet<>(groupIds)) {
            ConsumerGroupDescription description = descriptions.get(group);
            Map<TopicPartition, OffsetAndMetadata> groupCommitted = committed.getOrDefault(group, Map.of());
            Map<TopicPartition, Member> groupOwners = owners.get(group);
            Set<TopicPartition> rows = new TreeSet<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
            rows.addAll(groupOwners.keySet());
            rows.addAll(groupCommitted.keySet());

            List<PartitionLag> partitionLags = new ArrayList<>();
            for (TopicPartition tp : rows) {
                OffsetAndMetadata oam = groupCommitted.get(tp);
                Long committedOffset = oam == null || oam.offset() < 0 ? null : oam.offset();
                Long end = ends.get(tp);
                Long start = starts.get(tp);
                GroupPartition key = new GroupPartition(group, tp);
                seen.add(key);
                Long lag = null;
                TimeLag timeLag = TimeLag.UNKNOWN;
                Verdict verdict;
                if (committedOffset == null) {
                    verdict = new Verdict(LagStatus.OK, "no committed offset yet");
                } else if (end == null) {
                    verdict = new Verdict(LagStatus.OK, "log-end offset unavailable (no partition leader?)");
                } else {
                    lag = end - committedOffset;
                    timeLag = histories.get(tp).timeLag(committedOffset, now);
                    ArrayDeque<LagSample> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
                    if (window.size() == config.windowSamples()) {
                        window.pollFirst();
                    }
                    window.addLast(new LagSample(now, committedOffset, end,
                        start == null ? LagSample.UNKNOWN_OFFSET : start));
                    verdict = evaluator.evaluate(List.copyOf(window));
                }
                Member owner = groupOwners.get(tp);
                partitionLags.add(new PartitionLag(group, tp.topic(), tp.partition(), committedOffset, end, lag,
                    timeLag, verdict, owner == null ? null : owner.consumerId(),
                    owner == null ? null : owner.host(), owner == null ? null : owner.clientId()));
            }
            String state = description == null ? "Dead" : description.groupState().toString();
            int members = description == null ? 0 : description.members().size();
            groups.add(new GroupLag(group, state, members, partitionLags, groupVerdict(partitionLags, members)));
        }
        windows.keySet().retainAll(seen);
        log.debug("polled {} groups, {} partitions", groups.size(), partitions.size());
        return new LagReport(now, groups);
    }

    /** The worst partition's verdict, naming the partition and how many others share the status. */
    static Verdict groupVerdict(List<PartitionLag> partitions, int members) {
        if (partitions.isEmpty()) {
            return new Verdict(LagStatus.OK, "no committed offsets");
        }
        LagStatus worst = LagStatus.OK;
        for (PartitionLag p : partitions) {
            worst = worst.worst(p.status());
        }
        long total = partitions.stream().filter(p -> p.lag() != null).mapToLong(PartitionLag::lag).sum();
        if (worst == LagStatus.OK) {
            return new Verdict(LagStatus.OK, total == 0 ? "caught up on " + partitions.size() + " partition(s)"
                : "consuming; total lag " + total + " on " + partitions.size() + " partition(s)");
        }
        LagStatus status = worst;
        List<PartitionLag> affected = partitions.stream().filter(p -> p.status() == status).toList();
        PartitionLag example = affected.stream().max(Comparator.comparingLong(p -> p.lag() == null ? 0 : p.lag()))
            .orElseThrow();
        StringBuilder reason = new StringBuilder()
            .append(example.topic()).append('-').append(example.partition()).append(": ")
            .append(example.verdict().reason());
        if (affected.size() > 1) {
            reason.append(" (and ").append(affected.size() - 1).append(" more partition(s) ").append(status).append(')');
        }
        if (members == 0) {
            reason.append("; the group has no active members");
        }
        return new Verdict(status, reason.toString());
    }

    private List<String> listGroups() {
        return await("list consumer groups", admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())
            .stream().map(GroupListing::groupId).sorted().toList();
    }

    /**
     * Offsets per partition; a partition whose request fails (deleted topic, no leader) is left out, as the
     * Kafka tool leaves its log end blank, but a timeout of the whole request fails the poll.
     */
    private Map<TopicPartition, Long> listOffsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        ListOffsetsResult result = admin.listOffsets(request, new ListOffsetsOptions());
        Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.timeoutMs());
        for (TopicPartition tp : partitions) {
            try {
                long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                offsets.put(tp, result.partitionResult(tp).get(remaining, TimeUnit.MILLISECONDS).offset());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw failure("list offsets", e.getCause());
                }
                log.debug("no offset for {}: {}", tp, e.getCause().toString());
            } catch (TimeoutException e) {
                throw failure("list offsets", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("list offsets", e);
            }
        }
        return offsets;
    }

    /** Like {@link #await}, but a group that does not exist yields null instead of failing the poll. */
    private <T> T awaitGroup(String what, KafkaFuture<T> future) {
        try {
            return await(what, future);
        } catch (LagMonitorException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private <T> T await(String what, KafkaFuture<T> future) {
        try {
            return future.get(config.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (TimeoutException e) {
            throw failure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, e);
        }
    }

    private LagMonitorException failure(String what, Throwable cause) {
        String detail = cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
            ? "no answer (is the broker running and reachable from here?)"
            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new LagMonitorException("cannot " + what + " on Kafka at " + config.bootstrapServers()
            + " within " + config.timeoutMs() + " ms: " + detail, cause);
    }

    @Override
    public void close() {
        if (ownsAdmin) {
            admin.close();
        }
    }
}
