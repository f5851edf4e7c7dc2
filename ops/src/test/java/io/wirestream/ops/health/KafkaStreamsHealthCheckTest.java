package io.wirestream.ops.health;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaStreamsHealthCheckTest {

    @Test
    void shouldMapEveryStreamsStateToLivenessAndReadiness() {
        Map<State, Health.Status> expected = new EnumMap<>(State.class);
        expected.put(State.CREATED, Health.Status.NOT_READY);
        expected.put(State.REBALANCING, Health.Status.NOT_READY);
        expected.put(State.RUNNING, Health.Status.UP);
        expected.put(State.PENDING_SHUTDOWN, Health.Status.NOT_READY);
        expected.put(State.NOT_RUNNING, Health.Status.DOWN);
        expected.put(State.PENDING_ERROR, Health.Status.DOWN);
        expected.put(State.ERROR, Health.Status.DOWN);

        Map<State, Health.Status> actual = new EnumMap<>(State.class);
        for (State s : State.values()) {
            actual.put(s, new KafkaStreamsHealthCheck(() -> s).check().status());
        }
        assertEquals(expected, actual);
    }

    @Test
    void shouldMakeTheProcessNotReadyWhileRebalancing() {
        HealthRegistry registry = new HealthRegistry()
            .register("kafka-streams", new KafkaStreamsHealthCheck(() -> State.REBALANCING));

        assertEquals(true, registry.liveness().passing());
        assertEquals(false, registry.readiness().passing());
        assertEquals("REBALANCING: tasks are being assigned or restored",
            registry.readiness().checks().get("kafka-streams").detail());
    }
}
