package io.wirestream.ops.health;

import org.apache.kafka.streams.KafkaStreams;

import java.util.function.Supplier;

/**
 * The health of a Kafka Streams instance from its state: {@code RUNNING} is up; {@code CREATED},
 * {@code REBALANCING} and {@code PENDING_SHUTDOWN} are alive but not ready; {@code PENDING_ERROR}, {@code ERROR}
 * and {@code NOT_RUNNING} are down (the instance will not recover by itself).
 *
 * <p>Register it as {@code registry.register("kafka-streams", new KafkaStreamsHealthCheck(streams::state))}.
 */
public final class KafkaStreamsHealthCheck implements HealthCheck {
    private final Supplier<KafkaStreams.State> state;

    public KafkaStreamsHealthCheck(Supplier<KafkaStreams.State> state) {
        if (state == null) {
            throw new IllegalArgumentException("state supplier must not be null");
        }
        this.state = state;
    }

    @Override
    public Health check() {
        KafkaStreams.State s = state.get();
        return switch (s) {
            case RUNNING -> Health.up("RUNNING");
            case CREATED -> Health.notReady("CREATED: not started yet");
            case REBALANCING -> Health.notReady("REBALANCING: tasks are being assigned or restored");
            case PENDING_SHUTDOWN -> Health.notReady("PENDING_SHUTDOWN: closing");
            case PENDING_ERROR, ERROR -> Health.down(s + ": a stream thread died; the instance must be restarted");
            case NOT_RUNNING -> Health.down("NOT_RUNNING: closed");
        };
    }
}
