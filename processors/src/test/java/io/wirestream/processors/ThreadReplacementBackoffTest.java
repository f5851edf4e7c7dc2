package io.wirestream.processors;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadReplacementBackoffTest {

    private static void assertAbout(long expected, long actual) {
        assertTrue(actual >= expected * 0.8 && actual <= expected * 1.2, "expected " + expected + " ms ± 20 %, got " + actual);
    }

    @Test
    void shouldDoubleTheWaitPerConsecutiveFailureUpToTheMaximum() {
        AtomicLong now = new AtomicLong(1_000_000);
        ThreadReplacementBackoff backoff = new ThreadReplacementBackoff(1_000, 30_000, now::get);
        long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
        for (long e : expected) {
            long wait = backoff.nextWaitMs();
            assertAbout(e, wait);
            now.addAndGet(wait + 500);
        }
        assertEquals(7, backoff.consecutiveFailures());
    }

    @Test
    void shouldStartAgainAfterAQuietPeriod() {
        AtomicLong now = new AtomicLong(0);
        ThreadReplacementBackoff backoff = new ThreadReplacementBackoff(1_000, 30_000, now::get);
        backoff.nextWaitMs();
        backoff.nextWaitMs();
        now.addAndGet(60_001);
        assertAbout(1_000, backoff.nextWaitMs());
    }

    @Test
    void shouldRefuseAMaximumBelowTheInitialWait() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThreadReplacementBackoff(5_000, 1_000, () -> 0));
        assertEquals("backoff must satisfy 0 <= initial <= max, got initial 5000 ms, max 1000 ms", e.getMessage());
    }
}
