package io.wirestream.benchmarks.profile;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuByThreadGroupTest {

    @Test
    void shouldGiveEachEventTheIntervalSinceThePreviousPassOverAllThreadsNotSinceItsThreadsLastEvent() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00.000Z");
        // pass 1 at t0 (two threads, 1 ms apart), pass 2 one second later, pass 3 after two seconds
        Instant a1 = t0;
        Instant b1 = t0.plusMillis(1);
        Instant a2 = t0.plusMillis(1000);
        Instant b3 = t0.plusMillis(3000);
        Map<Instant, Double> covered = CpuByThreadGroup.passIntervals(List.of(b3, a2, b1, a1));
        assertEquals(Map.of(a2, 1.0, b3, 2.0), covered);
    }
}
