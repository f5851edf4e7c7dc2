package io.wirestream.ingest.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th consecutive failure the delay is
 * {@code d = min(max, initial * 2^(n-1))}, drawn uniformly from {@code [d/2, d]}, so sources that fail
 * together do not retry together, and the delay never drops below half of the exponential value.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
        }
        this.initial = initial;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The delay before the next attempt after {@code failures} consecutive failures (at least 1). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        long ceiling = max.toMillis();
        long d = initial.toMillis();
        for (int i = 1; i < failures && d < ceiling; i++) {
            d *= 2;
        }
        d = Math.min(d, ceiling);
        long half = d / 2;
        return Duration.ofMillis(half + (d - half == 0 ? 0 : random.nextLong(d - half + 1)));
    }
}
