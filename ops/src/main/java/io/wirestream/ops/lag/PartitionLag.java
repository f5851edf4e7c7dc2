package io.wirestream.ops.lag;

/**
 * A consumer group's position on one partition, as one row of {@code kafka-consumer-groups --describe} plus time
 * lag and status. Nullable components are those the Kafka tool prints as {@code -}.
 *
 * @param committedOffset null when the group has no committed offset for the partition (assigned, never committed)
 * @param endOffset       the log-end offset (high watermark); null when it could not be read (no leader)
 * @param lag             {@code endOffset - committedOffset}; null when either is null
 * @param timeLag         the estimated seconds behind; {@link TimeLag#UNKNOWN} when there is no estimate
 * @param consumerId      the member the partition is assigned to; null when unassigned
 */
public record PartitionLag(String group, String topic, int partition, Long committedOffset, Long endOffset,
                           Long lag, TimeLag timeLag, Verdict verdict, String consumerId, String host,
                           String clientId) {
    public PartitionLag {
        if (group == null || topic == null) {
            throw new IllegalArgumentException("group and topic must not be null, were " + group + " and " + topic);
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        if (timeLag == null || verdict == null) {
            throw new IllegalArgumentException("timeLag and verdict must not be null for " + topic + "-" + partition);
        }
        if ((lag == null) != (committedOffset == null || endOffset == null)) {
            throw new IllegalArgumentException("lag must be present exactly when both offsets are, for "
                + topic + "-" + partition + ": committed " + committedOffset + ", end " + endOffset + ", lag " + lag);
        }
    }

    public LagStatus status() {
        return verdict.status();
    }
}
