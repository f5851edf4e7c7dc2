package io.wirestream.ops.lag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded table of observed log-end offsets of one partition, used to estimate when a given offset was
 * written and so how many seconds a consumer at that offset is behind.
 *
 * <p>The method is the one kafka-lag-exporter popularised: the monitor records (log-end offset, time) at every
 * poll; the time at which the log end passed a consumer's committed offset is read off the table by linear
 * interpolation between the two surrounding points, or extrapolated from the oldest and newest points when the
 * committed offset is older than the table. The estimate assumes production at a steady rate between two
 * observations; its error is bounded by the poll interval when interpolating, and unbounded when extrapolating.
 *
 * <p>Table maintenance: points must arrive in increasing time order (others are ignored); a run of points with the
 * same offset keeps only its first and last point, so an idle partition does not push useful history out; a log
 * end that goes backwards (topic deleted and recreated, or truncated) clears the table, whose points no longer
 * describe this log. Thread-safe.
 */
public final class LogEndHistory {
    private final int capacity;
    private final ArrayDeque<OffsetPoint> points;

    /** @param capacity the most points kept, at least 2; the oldest point is dropped when full */
    public LogEndHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 points, was " + capacity);
        }
        this.capacity = capacity;
        this.points = new ArrayDeque<>(capacity);
    }

    public synchronized void add(OffsetPoint point) {
        OffsetPoint last = points.peekLast();
        if (last != null) {
            if (point.timeMs() <= last.timeMs()) {
                return;
            }
            if (point.offset() < last.offset()) {
                points.clear();
            } else if (point.offset() == last.offset() && points.size() >= 2 && secondLast().offset() == last.offset()) {
                points.pollLast();
                points.addLast(point);
                return;
            }
        }
        if (points.size() == capacity) {
            points.pollFirst();
        }
        points.addLast(point);
    }

    /** The points held, oldest first. */
    public synchronized List<OffsetPoint> points() {
        return List.copyOf(points);
    }

    /**
     * Estimates how many seconds a consumer whose next record to read is {@code committedOffset} is behind at
     * {@code nowMs}: the time elapsed since the log end passed that offset, i.e. since that record was written.
     */
    public synchronized TimeLag timeLag(long committedOffset, long nowMs) {
        if (points.isEmpty()) {
            return TimeLag.UNKNOWN;
        }
        OffsetPoint newest = points.peekLast();
        if (committedOffset >= newest.offset()) {
            return TimeLag.CAUGHT_UP;
        }
        if (points.size() < 2) {
            return TimeLag.UNKNOWN;
        }
        List<OffsetPoint> list = new ArrayList<>(points);
        // Newest segment first: when the offset sits on a flat run, the segment leaving the run holds the time the
        // record at that offset was actually written.
        for (int i = list.size() - 1; i > 0; i--) {
            OffsetPoint left = list.get(i - 1);
            OffsetPoint right = list.get(i);
            if (left.offset() <= committedOffset && committedOffset <= right.offset() && right.offset() > left.offset()) {
                return lag(TimeLag.Method.INTERPOLATED, timeAt(committedOffset, left, right), nowMs);
            }
        }
        OffsetPoint oldest = list.get(0);
        if (newest.offset() == oldest.offset()) {
            return lag(TimeLag.Method.LOWER_BOUND, oldest.timeMs(), nowMs);
        }
        return lag(TimeLag.Method.EXTRAPOLATED, timeAt(committedOffset, oldest, newest), nowMs);
    }

    /** The time at which the straight line through {@code a} and {@code b} reaches {@code offset}. */
    private static double timeAt(long offset, OffsetPoint a, OffsetPoint b) {
        double msPerOffset = (double) (b.timeMs() - a.timeMs()) / (b.offset() - a.offset());
        return b.timeMs() - (b.offset() - offset) * msPerOffset;
    }

    private static TimeLag lag(TimeLag.Method method, double writtenAtMs, long nowMs) {
        return new TimeLag(method, Math.max(0.0, (nowMs - writtenAtMs) / 1000.0));
    }

    private OffsetPoint secondLast() {
        var it = points.descendingIterator();
        it.next();
        return it.next();
    }
}
