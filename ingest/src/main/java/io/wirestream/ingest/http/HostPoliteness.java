package io.wirestream.ingest.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps at least a minimum delay between the starts of two requests to the same host, across all sources
 * and threads. Each caller reserves the next free slot of the host and sleeps until it; reservations are
 * handed out in call order, so no caller waits more than (callers ahead of it) x delay. A host may ask for a
 * longer delay (robots.txt {@code Crawl-delay}); the longer of the two applies to it.
 */
public final class HostPoliteness {
    private final long delayNanos;
    private final Map<String, Long> nextSlot = new HashMap<>();
    private final Map<String, Long> hostDelayNanos = new HashMap<>();

    public HostPoliteness(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        this.delayNanos = delay.toNanos();
    }

    /**
     * Sets the delay a host asked for, or forgets it when {@code delay} is null or zero; it applies from the
     * host's next reservation on, and only where it is longer than the delay for every host.
     */
    public synchronized void hostDelay(String host, Duration delay) {
        String key = key(host);
        if (delay == null || delay.isZero() || delay.isNegative()) {
            hostDelayNanos.remove(key);
            return;
        }
        if (hostDelayNanos.size() >= 10_000) {
            hostDelayNanos.clear(); // hosts whose robots.txt asked for a delay; re-learned when it is read again
        }
        hostDelayNanos.put(key, delay.toNanos());
    }

    /** The delay between two requests to {@code host}. */
    synchronized Duration delayFor(String host) {
        return Duration.ofNanos(Math.max(delayNanos, hostDelayNanos.getOrDefault(key(host), 0L)));
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
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
        String key = key(host);
        Long next = nextSlot.get(key);
        long start = next == null || next - now < 0 ? now : next;
        nextSlot.put(key, start + Math.max(delayNanos, hostDelayNanos.getOrDefault(key, 0L)));
        if (nextSlot.size() > 10_000) {
            nextSlot.values().removeIf(t -> t - now < 0);
        }
        return start - now;
    }
}
