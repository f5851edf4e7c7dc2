package io.wirestream.ops.lag;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the latest {@link LagReport} as Micrometer gauges. Each {@link #update} replaces every series, so a
 * group or partition that disappears stops being exported. Prometheus names (see the operations guide):
 * <ul>
 *   <li>{@code wirestream_consumergroup_lag{group,topic,partition}}: offset lag, as the Kafka tool reports it</li>
 *   <li>{@code wirestream_consumergroup_time_lag_seconds{group,topic,partition}}: estimated seconds behind</li>
 *   <li>{@code wirestream_consumergroup_committed_offset{group,topic,partition}}</li>
 *   <li>{@code wirestream_partition_end_offset{topic,partition}}: log-end offset (high watermark)</li>
 *   <li>{@code wirestream_consumergroup_status{group}}: 0 OK, 1 WARNING, 2 STALLED, 3 ERROR</li>
 *   <li>{@code wirestream_consumergroup_members{group}}</li>
 *   <li>{@code wirestream_lag_monitor_polls_total{outcome="success|failure"}}</li>
 * </ul>
 * Series without a value (no committed offset, no time-lag estimate yet) are left out rather than set to NaN.
 */
public final class LagMetrics {
    private final MultiGauge lag;
    private final MultiGauge timeLag;
    private final MultiGauge committed;
    private final MultiGauge endOffset;
    private final MultiGauge status;
    private final MultiGauge members;
    private final Counter successes;
    private final Counter failures;

    public LagMetrics(MeterRegistry registry) {
        lag = MultiGauge.builder("wirestream.consumergroup.lag")
            .description("Offset lag of a consumer group on a partition: log-end offset minus committed offset")
            .register(registry);
        timeLag = MultiGauge.builder("wirestream.consumergroup.time.lag").baseUnit("seconds")
            .description("Estimated age of the oldest record a consumer group has not consumed on a partition")
            .register(registry);
        committed = MultiGauge.builder("wirestream.consumergroup.committed.offset")
            .description("Committed offset of a consumer group on a partition").register(registry);
        endOffset = MultiGauge.builder("wirestream.partition.end.offset")
            .description("Log-end offset (high watermark) of a partition").register(registry);
        status = MultiGauge.builder("wirestream.consumergroup.status")
            .description("Consumer group status: 0 OK, 1 WARNING, 2 STALLED, 3 ERROR").register(registry);
        members = MultiGauge.builder("wirestream.consumergroup.members")
            .description("Active members of a consumer group").register(registry);
        successes = Counter.builder("wirestream.lag.monitor.polls").tag("outcome", "success")
            .description("Polls of consumer group offsets").register(registry);
        failures = Counter.builder("wirestream.lag.monitor.polls").tag("outcome", "failure")
            .description("Polls of consumer group offsets").register(registry);
    }

    public void update(LagReport report) {
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> timeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> committedRows = new ArrayList<>();
        Map<Tags, Long> ends = new LinkedHashMap<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        List<MultiGauge.Row<?>> memberRows = new ArrayList<>();
        for (GroupLag group : report.groups()) {
            statusRows.add(MultiGauge.Row.of(Tags.of("group", group.group()), group.status().code()));
            memberRows.add(MultiGauge.Row.of(Tags.of("group", group.group()), group.members()));
            for (PartitionLag p : group.partitions()) {
                Tags partition = Tags.of("topic", p.topic(), "partition", Integer.toString(p.partition()));
                Tags tags = partition.and("group", p.group());
                if (p.lag() != null) {
                    lagRows.add(MultiGauge.Row.of(tags, p.lag()));
                }
                if (p.committedOffset() != null) {
                    committedRows.add(MultiGauge.Row.of(tags, p.committedOffset()));
                }
                if (p.timeLag().isKnown()) {
                    timeRows.add(MultiGauge.Row.of(tags, p.timeLag().seconds()));
                }
                if (p.endOffset() != null) {
                    ends.put(partition, p.endOffset());
                }
            }
        }
        lag.register(lagRows, true);
        timeLag.register(timeRows, true);
        committed.register(committedRows, true);
        endOffset.register(ends.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
            .toList(), true);
        status.register(statusRows, true);
        members.register(memberRows, true);
        successes.increment();
    }

    /** Counts a poll that failed; the figures of the last successful poll stay exported. */
    public void recordFailure() {
        failures.increment();
    }
}
