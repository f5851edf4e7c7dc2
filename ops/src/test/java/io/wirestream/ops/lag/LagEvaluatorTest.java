package io.wirestream.ops.lag;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LagEvaluatorTest {
    private final LagEvaluator evaluator = new LagEvaluator(3);

    /** Samples 10 s apart from pairs {committed, end}. */
    private static List<LagSample> window(long[]... committedAndEnd) {
        List<LagSample> samples = new ArrayList<>();
        for (int i = 0; i < committedAndEnd.length; i++) {
            samples.add(new LagSample(1_000_000L + i * 10_000L, committedAndEnd[i][0], committedAndEnd[i][1], 0));
        }
        return samples;
    }

    private static long[] s(long committed, long end) {
        return new long[] {committed, end};
    }

    @Test
    void shouldBeOkWhenCaughtUp() {
        assertEquals(new Verdict(LagStatus.OK, "caught up"),
            evaluator.evaluate(window(s(10, 50), s(10, 50), s(50, 50))));
    }

    @Test
    void shouldBeOkWhenLagWasZeroWithinTheWindow() {
        assertEquals(new Verdict(LagStatus.OK, "lag 30, but it was zero within the last 20.0 s"),
            evaluator.evaluate(window(s(50, 50), s(50, 70), s(50, 80))));
    }

    @Test
    void shouldNotJudgeATrendBeforeTheMinimumSamples() {
        assertEquals(new Verdict(LagStatus.OK, "lag 40; 2 of 3 samples needed to judge the trend"),
            evaluator.evaluate(window(s(10, 50), s(10, 50))));
    }

    @Test
    void shouldBeStalledWhenTheCommittedOffsetDoesNotMoveWhileLagRemains() {
        assertEquals(new Verdict(LagStatus.STALLED,
                "committed offset 10 has not moved for 30.0 s (4 samples) while lag is 70"),
            evaluator.evaluate(window(s(10, 50), s(10, 60), s(10, 70), s(10, 80))));
    }

    @Test
    void shouldWarnWhenLagGrowsInEveryIntervalWhileTheGroupCommits() {
        assertEquals(new Verdict(LagStatus.WARNING,
                "lag grew from 10 to 40 over 20.0 s while the group committed 20 records: "
                    + "consumers are slower than producers"),
            evaluator.evaluate(window(s(10, 20), s(20, 50), s(30, 70))));
    }

    @Test
    void shouldBeOkWhenLagGoesDownAtSomePoint() {
        assertEquals(new Verdict(LagStatus.OK, "consuming: lag 30, committed offset advanced by 40 in 20.0 s"),
            evaluator.evaluate(window(s(10, 40), s(20, 45), s(50, 80))));
    }

    @Test
    void shouldBeOkWhenLagIsFlatWhileTheGroupCommits() {
        assertEquals(LagStatus.OK, evaluator.evaluate(window(s(10, 40), s(20, 50), s(30, 60))).status());
    }

    @Test
    void shouldBeAnErrorWhenTheCommittedOffsetGoesBack() {
        assertEquals(new Verdict(LagStatus.ERROR,
                "committed offset moved back from 40 to 5: the group's offsets were reset or rewound"),
            evaluator.evaluate(window(s(30, 60), s(40, 60), s(5, 60))));
    }

    @Test
    void shouldBeAnErrorWhenRecordsWereDeletedBeforeBeingRead() {
        List<LagSample> w = List.of(new LagSample(1_000, 10, 500, 120));
        assertEquals(new Verdict(LagStatus.ERROR,
                "committed offset 10 is below the log start offset 120: 110 records were deleted before the group read them"),
            evaluator.evaluate(w));
    }

    @Test
    void shouldRejectAnEmptyWindow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(List.of()));
        assertEquals("window must hold at least one sample", e.getMessage());
    }

    @Test
    void shouldTakeTheWorstPartitionAsTheGroupStatusAndNameIt() {
        TimeLag none = TimeLag.UNKNOWN;
        List<PartitionLag> partitions = List.of(
            new PartitionLag("g", "t", 0, 5L, 5L, 0L, none, new Verdict(LagStatus.OK, "caught up"), null, null, null),
            new PartitionLag("g", "t", 1, 10L, 90L, 80L, none, new Verdict(LagStatus.STALLED, "stuck at 10"), null, null, null),
            new PartitionLag("g", "t", 2, 10L, 20L, 10L, none, new Verdict(LagStatus.STALLED, "stuck too"), null, null, null));

        assertEquals(new Verdict(LagStatus.STALLED,
                "t-1: stuck at 10 (and 1 more partition(s) STALLED); the group has no active members"),
            LagMonitor.groupVerdict(partitions, 0));
    }
}
