package io.wirestream.ops.lag;

/**
 * One observation of a partition's log-end offset: at {@code timeMs} (epoch milliseconds) the log ended at
 * {@code offset}, so the record with that offset had not been written yet.
 */
public record OffsetPoint(long offset, long timeMs) {
    public OffsetPoint {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (timeMs < 0) {
            throw new IllegalArgumentException("timeMs must be >= 0 (epoch milliseconds), was " + timeMs);
        }
    }
}
