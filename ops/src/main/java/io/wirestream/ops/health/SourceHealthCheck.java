package io.wirestream.ops.health;

import java.time.Clock;
import java.time.Instant;

/**
 * The health of one ingest source, fed by the fetch loop: {@link #recordSuccess()} after each good fetch,
 * {@link #recordFailure(String)} after each failed one. The source is {@code NOT_READY} once it has failed
 * {@code failuresBeforeNotReady} times in a row, and {@code UP} again after one success. A failing source never
 * makes the process {@code DOWN}: restarting the service does not repair a remote feed. Thread-safe.
 */
public final class SourceHealthCheck implements HealthCheck {
    private final String source;
    private final int failuresBeforeNotReady;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant failingSince;
    private Instant lastSuccess;
    private String lastError;

    public SourceHealthCheck(String source, int failuresBeforeNotReady, Clock clock) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        if (failuresBeforeNotReady < 1) {
            throw new IllegalArgumentException("failuresBeforeNotReady must be at least 1, was " + failuresBeforeNotReady);
        }
        this.source = source;
        this.failuresBeforeNotReady = failuresBeforeNotReady;
        this.clock = clock;
    }

    public synchronized void recordSuccess() {
        consecutiveFailures = 0;
        failingSince = null;
        lastError = null;
        lastSuccess = clock.instant();
    }

    public synchronized void recordFailure(String error) {
        if (consecutiveFailures == 0) {
            failingSince = clock.instant();
        }
        consecutiveFailures++;
        lastError = error;
    }

    @Override
    public synchronized Health check() {
        if (consecutiveFailures >= failuresBeforeNotReady) {
            return Health.notReady(source + ": " + consecutiveFailures + " consecutive failed fetches since "
                + failingSince + "; last error: " + lastError);
        }
        if (consecutiveFailures > 0) {
            return Health.up(source + ": " + consecutiveFailures + " failed fetch(es), below the threshold of "
                + failuresBeforeNotReady + "; last error: " + lastError);
        }
        return Health.up(lastSuccess == null ? source + ": no fetch yet" : source + ": last fetch ok at " + lastSuccess);
    }
}
