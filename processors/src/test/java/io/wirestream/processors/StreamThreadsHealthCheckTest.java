package io.wirestream.processors;

import io.wirestream.ops.health.Health;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamThreadsHealthCheckTest {

    @Test
    void shouldBeReadyWhileEveryConfiguredThreadIsAlive() {
        assertEquals(new Health(Health.Status.UP, "2 of 2 stream threads alive [RUNNING, PARTITIONS_ASSIGNED]"),
            new StreamThreadsHealthCheck(() -> List.of("RUNNING", "PARTITIONS_ASSIGNED"), () -> 0, 2).check());
    }

    @Test
    void shouldNotBeReadyWhenAThreadDiedAndWasNotReplaced() {
        assertEquals(new Health(Health.Status.NOT_READY, "1 of 2 stream threads alive [RUNNING, DEAD]"),
            new StreamThreadsHealthCheck(() -> List.of("RUNNING", "DEAD"), () -> 0, 2).check());
        assertEquals(Health.Status.NOT_READY, new StreamThreadsHealthCheck(List::of, () -> 0, 1).check().status());
    }

    @Test
    void shouldNotBeReadyWhenTheThreadsCannotBeListed() {
        assertEquals(Health.Status.NOT_READY, new StreamThreadsHealthCheck(() -> {
            throw new IllegalStateException("KafkaStreams is not running. State is ERROR.");
        }, () -> 0, 1).check().status());
    }

    @Test
    void shouldNotBeReadyWhileAFailedThreadWaitsToBeReplaced() {
        assertEquals(new Health(Health.Status.NOT_READY,
                "1 of 2 stream threads alive [RUNNING, RUNNING], 1 of them failed and waiting to be replaced"),
            new StreamThreadsHealthCheck(() -> List.of("RUNNING", "RUNNING"), () -> 1, 2).check());
    }
}
