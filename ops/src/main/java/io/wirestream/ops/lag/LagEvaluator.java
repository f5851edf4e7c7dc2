package io.wirestream.ops.lag;

import java.util.List;
import java.util.Locale;

/**
 * Judges a consumer on one partition from a sliding window of samples, after the rules of LinkedIn's Burrow.
 *
 * <p>Rules, first match wins:
 * <ol>
 *   <li>committed offset below the log start: ERROR (records were deleted before the group read them);</li>
 *   <li>no lag now, or lag reached zero at some point in the window: OK;</li>
 *   <li>fewer than the minimum samples for a trend: OK, saying the window is still filling;</li>
 *   <li>committed offset went backwards between two samples: ERROR (offsets reset or rewound);</li>
 *   <li>committed offset identical in every sample: STALLED. Burrow tells "stopped committing" from "committing the
 *       same offset" using commit timestamps; offsets read through the AdminClient carry none, so both are
 *       STALLED here;</li>
 *   <li>lag never decreased between samples and ended higher than it started: WARNING;</li>
 *   <li>otherwise OK (consuming).</li>
 * </ol>
 * A window is judged as given; its length and age are the caller's choice ({@link LagMonitorConfig}).
 */
public final class LagEvaluator {
    private final int minTrendSamples;

    /** @param minTrendSamples samples needed before rules 4 to 6 apply, at least 2 */
    public LagEvaluator(int minTrendSamples) {
        if (minTrendSamples < 2) {
            throw new IllegalArgumentException("minTrendSamples must be at least 2, was " + minTrendSamples);
        }
        this.minTrendSamples = minTrendSamples;
    }

    /** @param window samples of one group on one partition, oldest first, not empty */
    public Verdict evaluate(List<LagSample> window) {
        if (window == null || window.isEmpty()) {
            throw new IllegalArgumentException("window must hold at least one sample");
        }
        LagSample first = window.get(0);
        LagSample last = window.get(window.size() - 1);
        String span = seconds(last.timeMs() - first.timeMs());

        if (last.logStartOffset() != LagSample.UNKNOWN_OFFSET && last.committedOffset() < last.logStartOffset()) {
            return new Verdict(LagStatus.ERROR, String.format(Locale.ROOT,
                "committed offset %d is below the log start offset %d: %d records were deleted before the group read them",
                last.committedOffset(), last.logStartOffset(), last.logStartOffset() - last.committedOffset()));
        }
        if (last.lag() <= 0) {
            return new Verdict(LagStatus.OK, "caught up");
        }
        for (LagSample s : window) {
            if (s.lag() <= 0) {
                return new Verdict(LagStatus.OK, String.format(Locale.ROOT,
                    "lag %d, but it was zero within the last %s", last.lag(), span));
            }
        }
        if (window.size() < minTrendSamples) {
            return new Verdict(LagStatus.OK, String.format(Locale.ROOT,
                "lag %d; %d of %d samples needed to judge the trend", last.lag(), window.size(), minTrendSamples));
        }
        for (int i = 1; i < window.size(); i++) {
            long before = window.get(i - 1).committedOffset();
            long after = window.get(i).committedOffset();
            if (after < before) {
                return new Verdict(LagStatus.ERROR, String.format(Locale.ROOT,
                    "committed offset moved back from %d to %d: the group's offsets were reset or rewound", before, after));
            }
        }
        if (first.committedOffset() == last.committedOffset()) {
            return new Verdict(LagStatus.STALLED, String.format(Locale.ROOT,
                "committed offset %d has not moved for %s (%d samples) while lag is %d",
                last.committedOffset(), span, window.size(), last.lag()));
        }
        if (lagNeverDecreased(window) && last.lag() > first.lag()) {
            return new Verdict(LagStatus.WARNING, String.format(Locale.ROOT,
                "lag grew from %d to %d over %s while the group committed %d records: consumers are slower than producers",
                first.lag(), last.lag(), span, last.committedOffset() - first.committedOffset()));
        }
        return new Verdict(LagStatus.OK, String.format(Locale.ROOT,
            "consuming: lag %d, committed offset advanced by %d in %s",
            last.lag(), last.committedOffset() - first.committedOffset(), span));
    }

    private static boolean lagNeverDecreased(List<LagSample> window) {
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).lag() < window.get(i - 1).lag()) {
                return false;
            }
        }
        return true;
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
