package io.wirestream.ops.lag;

/**
 * One poll's view of a consumer group on one partition.
 *
 * @param timeMs          when the offsets were read, epoch milliseconds
 * @param committedOffset the group's committed offset: the next record it will read
 * @param endOffset       the partition's log-end offset (high watermark) at that time
 * @param logStartOffset  the partition's first retained offset, or {@link #UNKNOWN_OFFSET} if it was not read
 */
public record LagSample(long timeMs, long committedOffset, long endOffset, long logStartOffset) {
    public static final long UNKNOWN_OFFSET = -1L;

    public LagSample {
        if (timeMs < 0) {
            throw new IllegalArgumentException("timeMs must be >= 0 (epoch milliseconds), was " + timeMs);
        }
        if (committedOffset < 0) {
            throw new IllegalArgumentException("committedOffset must be >= 0, was " + committedOffset);
        }
        if (endOffset < 0) {
            throw new IllegalArgumentException("endOffset must be >= 0, was " + endOffset);
        }
        if (logStartOffset < UNKNOWN_OFFSET) {
            throw new IllegalArgumentException("logStartOffset must be >= 0 or -1 (unknown), was " + logStartOffset);
        }
    }

    /**
     * {@code endOffset - committedOffset}, as Kafka's consumer-group tool computes it; negative when the commit
     * was read after the log end (the two reads are not atomic), which the evaluator treats as no lag.
     */
    public long lag() {
        return endOffset - committedOffset;
    }
}
