package io.wirestream.ops.lag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogEndHistoryTest {

    private static LogEndHistory history(int capacity, OffsetPoint... points) {
        LogEndHistory h = new LogEndHistory(capacity);
        for (OffsetPoint p : points) {
            h.add(p);
        }
        return h;
    }

    @Test
    void shouldInterpolateBetweenTheTwoPointsAroundTheCommittedOffset() {
        // Log end 100 at t=10 s, 200 at t=20 s, 400 at t=30 s: offset 300 was written at t=25 s.
        LogEndHistory h = history(10, new OffsetPoint(100, 10_000), new OffsetPoint(200, 20_000),
            new OffsetPoint(400, 30_000));

        assertEquals(new TimeLag(TimeLag.Method.INTERPOLATED, 15.0), h.timeLag(300, 40_000));
        assertEquals(new TimeLag(TimeLag.Method.INTERPOLATED, 25.0), h.timeLag(150, 40_000));
    }

    @Test
    void shouldExtrapolateFromOldestAndNewestPointWhenTheOffsetIsOlderThanTheHistory() {
        // 10 offsets per second from (100, 10 s) to (300, 30 s): offset 50 was written at t=5 s.
        LogEndHistory h = history(10, new OffsetPoint(100, 10_000), new OffsetPoint(150, 20_000),
            new OffsetPoint(300, 30_000));

        assertEquals(new TimeLag(TimeLag.Method.EXTRAPOLATED, 25.0), h.timeLag(50, 30_000));
    }

    @Test
    void shouldReportZeroWhenTheCommittedOffsetIsAtTheLogEnd() {
        LogEndHistory h = history(10, new OffsetPoint(100, 10_000));

        assertEquals(TimeLag.CAUGHT_UP, h.timeLag(100, 50_000));
        assertEquals(TimeLag.CAUGHT_UP, h.timeLag(101, 50_000));
    }

    @Test
    void shouldHaveNoEstimateFromASinglePointOrNone() {
        assertEquals(TimeLag.UNKNOWN, new LogEndHistory(10).timeLag(5, 1_000));
        assertEquals(TimeLag.UNKNOWN, history(10, new OffsetPoint(100, 10_000)).timeLag(40, 20_000));
    }

    @Test
    void shouldGiveALowerBoundWhenTheLogEndNeverMovedWhileObserved() {
        LogEndHistory h = history(10, new OffsetPoint(100, 10_000), new OffsetPoint(100, 20_000));

        assertEquals(new TimeLag(TimeLag.Method.LOWER_BOUND, 50.0), h.timeLag(40, 60_000));
    }

    @Test
    void shouldUseTheTimeTheLogLeftAFlatRunForAnOffsetOnThatRun() {
        // The log stayed at 200 from 20 s to 40 s; the record at 200 was written between 40 s and 50 s.
        LogEndHistory h = history(10, new OffsetPoint(100, 10_000), new OffsetPoint(200, 20_000),
            new OffsetPoint(200, 40_000), new OffsetPoint(300, 50_000));

        assertEquals(new TimeLag(TimeLag.Method.INTERPOLATED, 20.0), h.timeLag(200, 60_000));
    }

    @Test
    void shouldKeepOnlyTheEndsOfAFlatRun() {
        LogEndHistory h = history(10, new OffsetPoint(100, 1_000), new OffsetPoint(100, 2_000),
            new OffsetPoint(100, 3_000), new OffsetPoint(100, 4_000));

        assertEquals(List.of(new OffsetPoint(100, 1_000), new OffsetPoint(100, 4_000)), h.points());
    }

    @Test
    void shouldDropTheOldestPointWhenFull() {
        LogEndHistory h = history(3, new OffsetPoint(1, 1_000), new OffsetPoint(2, 2_000),
            new OffsetPoint(3, 3_000), new OffsetPoint(4, 4_000));

        assertEquals(List.of(new OffsetPoint(2, 2_000), new OffsetPoint(3, 3_000), new OffsetPoint(4, 4_000)),
            h.points());
    }

    @Test
    void shouldIgnorePointsOutOfTimeOrderAndRestartWhenTheLogEndGoesBack() {
        LogEndHistory h = history(10, new OffsetPoint(100, 10_000), new OffsetPoint(200, 20_000));
        h.add(new OffsetPoint(300, 15_000));
        assertEquals(List.of(new OffsetPoint(100, 10_000), new OffsetPoint(200, 20_000)), h.points());

        h.add(new OffsetPoint(5, 30_000));
        assertEquals(List.of(new OffsetPoint(5, 30_000)), h.points());
    }

    @Test
    void shouldRejectACapacityBelowTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LogEndHistory(1));
        assertEquals("capacity must be at least 2 points, was 1", e.getMessage());
    }
}
