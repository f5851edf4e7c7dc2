package io.wirestream.processors;

import org.apache.kafka.common.utils.ExponentialBackoff;

import java.util.function.LongSupplier;

/**
 * How long a failed stream thread waits before it is replaced. A thread fails on what will fail again at
 * once (the registry or a broker unavailable for a minute): replaced at once, the new thread joins the group,
 * fails on the same record and leaves it again, a rebalance each time. So the n-th consecutive failure waits
 * {@code initial × 2^(n-1)} (20 % jitter) up to {@code max}; a failure more than {@code 2 × max} after the
 * previous one starts again at {@code initial}.
 */
final class ThreadReplacementBackoff {
    /** Factor between consecutive waits. */
    static final int MULTIPLIER = 2;
    /** Each wait is drawn within ± this fraction of its nominal value (never above {@code max}). */
    static final double JITTER = 0.2;

    private final ExponentialBackoff backoff;
    private final long resetAfterMs;
    private final LongSupplier clockMs;
    private int failures;
    private long lastFailureMs;

    ThreadReplacementBackoff(long initialMs, long maxMs, LongSupplier clockMs) {
        if (initialMs < 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max, got initial " + initialMs + " ms, max " + maxMs + " ms");
        }
        this.backoff = new ExponentialBackoff(initialMs, MULTIPLIER, maxMs, JITTER);
        this.resetAfterMs = 2 * maxMs;
        this.clockMs = clockMs;
    }

    /** Records a failure now and returns the wait before its thread is replaced, in milliseconds. */
    synchronized long nextWaitMs() {
        long now = clockMs.getAsLong();
        if (failures > 0 && now - lastFailureMs > resetAfterMs) {
            failures = 0;
        }
        lastFailureMs = now;
        return backoff.backoff(failures++);
    }

    synchronized int consecutiveFailures() {
        return failures;
    }
}
