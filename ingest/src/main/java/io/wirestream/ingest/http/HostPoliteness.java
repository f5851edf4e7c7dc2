package io.wirestream.ingest.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps at least a minimum delay between the starts of two requests to the same host, across all sources
 * and threads. Each caller reserves the next free slot of the host and sleeps until it; reservations are
 * handed out in call order, so no caller waits more than (callers ahead of it) x delay.
 */
public final class HostPoliteness {
    private final long delayNanos;
    private final Map<String, Long> nextSlot = new HashMap<>();

    public HostPoliteness(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        this.delayNanos = delay.toNanos();
    }

    /** Blocks until a request to {@code host} may start. */
    public void await(String host) throws InterruptedException {
        long wait = reserve(host, System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Reserves the host's next slot at or after {@code now}; returns how long to wait for it, in nanoseconds. */
    synchronized long reserve(String host, long now) {
        String key = host == null ? "" : host.toLowerCase(Locale.ROOT);
        Long next = nextSlot.get(key);
        long start = next == null || next - now < 0 ? now : next;
        nextSlot.put(key, start + delayNanos);
        if (nextSlot.size() > 10_000) {
            nextSlot.values().removeIf(t -> t - now < 0);
        }
        return start - now;
    }
}
