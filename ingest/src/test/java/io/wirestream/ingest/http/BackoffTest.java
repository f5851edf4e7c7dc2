package io.wirestream.ingest.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {
    @Test
    void shouldDoubleTheDelayWithinHalfToFullOfTheExponentialValueUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(42));
        long[][] bounds = {{500, 1000}, {1000, 2000}, {2000, 4000}, {4000, 8000}, {5000, 10000}, {5000, 10000}};
        for (int failures = 1; failures <= bounds.length; failures++) {
            for (int i = 0; i < 200; i++) {
                long ms = backoff.delay(failures).toMillis();
                long[] b = bounds[failures - 1];
                assertEquals(true, ms >= b[0] && ms <= b[1], "failure " + failures + ": " + ms + " ms not in " + b[0] + ".." + b[1]);
            }
        }
    }

    @Test
    void shouldSpreadRetriesOfSourcesThatFailedTogether() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new Random(7));
        long distinct = java.util.stream.IntStream.range(0, 50).mapToLong(i -> backoff.delay(3).toMillis()).distinct().count();
        assertEquals(true, distinct > 40, "only " + distinct + " distinct delays out of 50");
    }

    @Test
    void shouldSurviveManyFailuresWithoutOverflow() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMinutes(5), new Random(1));
        long ms = backoff.delay(10_000).toMillis();
        assertEquals(true, ms >= 150_000 && ms <= 300_000, ms + " ms");
    }

    @Test
    void shouldRefuseAMaximumBelowTheInitialDelay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1), new Random()));
        assertEquals("max backoff PT1S is below the initial PT10S", e.getMessage());
    }
}
