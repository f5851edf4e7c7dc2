package io.wirestream.processors;

import io.wirestream.ops.health.Health;
import io.wirestream.ops.health.HealthCheck;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Readiness of the stream threads, next to that of the Kafka Streams state: the client can stay
 * {@code RUNNING} while one of its stream threads is dead and not (yet) replaced, and then part of its
 * partitions is not processed. A thread that failed and waits to be replaced ({@link StreamThreadFailureHandler})
 * is still listed in its old state, usually {@code RUNNING}, so it is counted as gone too. UP when at least the
 * configured number of stream threads is alive (any state but {@code DEAD} and {@code PENDING_SHUTDOWN}, less
 * those waiting to be replaced); otherwise NOT_READY, naming the states. The global thread is
 * not listed by Kafka Streams: when it dies the client goes to {@code ERROR}, which the {@code kafka-streams}
 * check reports as DOWN.
 */
final class StreamThreadsHealthCheck implements HealthCheck {
    private static final List<String> GONE = List.of("DEAD", "PENDING_SHUTDOWN");

    private final Supplier<? extends Collection<String>> threadStates;
    private final IntSupplier awaitingReplacement;
    private final int configured;

    /**
     * @param threadStates        the state names of this instance's stream threads ({@code ThreadMetadata.threadState()})
     * @param awaitingReplacement how many of them failed and wait to be replaced
     */
    StreamThreadsHealthCheck(Supplier<? extends Collection<String>> threadStates, IntSupplier awaitingReplacement, int configured) {
        this.threadStates = Objects.requireNonNull(threadStates, "threadStates");
        this.awaitingReplacement = Objects.requireNonNull(awaitingReplacement, "awaitingReplacement");
        if (configured < 1) {
            throw new IllegalArgumentException("configured stream threads must be at least 1, got " + configured);
        }
        this.configured = configured;
    }

    @Override
    public Health check() {
        Collection<String> states;
        try {
            states = threadStates.get();
        } catch (IllegalStateException e) {
            return Health.notReady("stream threads unknown: " + e.getMessage());
        }
        int failed = awaitingReplacement.getAsInt();
        long alive = states.stream().filter(s -> !GONE.contains(s)).count() - failed;
        String detail = alive + " of " + configured + " stream threads alive " + states
            + (failed > 0 ? ", " + failed + " of them failed and waiting to be replaced" : "");
        return alive >= configured ? Health.up(detail) : Health.notReady(detail);
    }
}
