package io.wirestream.processors;

import io.wirestream.ops.health.Health;
import io.wirestream.ops.health.HealthCheck;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Readiness of the stream threads, next to that of the Kafka Streams state: the client can stay
 * {@code RUNNING} while one of its stream threads is dead and not (yet) replaced, and then part of its
 * partitions is not processed. UP when at least the configured number of stream threads is alive (any state
 * but {@code DEAD} and {@code PENDING_SHUTDOWN}); otherwise NOT_READY, naming the states. The global thread is
 * not listed by Kafka Streams: when it dies the client goes to {@code ERROR}, which the {@code kafka-streams}
 * check reports as DOWN.
 */
final class StreamThreadsHealthCheck implements HealthCheck {
    private static final List<String> GONE = List.of("DEAD", "PENDING_SHUTDOWN");

    private final Supplier<? extends Collection<String>> threadStates;
    private final int configured;

    /** @param threadStates the state names of this instance's stream threads ({@code ThreadMetadata.threadState()}) */
    StreamThreadsHealthCheck(Supplier<? extends Collection<String>> threadStates, int configured) {
        this.threadStates = Objects.requireNonNull(threadStates, "threadStates");
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
        long alive = states.stream().filter(s -> !GONE.contains(s)).count();
        String detail = alive + " of " + configured + " stream threads alive " + states;
        return alive >= configured ? Health.up(detail) : Health.notReady(detail);
    }
}
