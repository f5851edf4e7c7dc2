package io.wirestream.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median and range of a few measured rounds. With three to five rounds a mean would follow one disturbed
 * round; the median does not, and the range shows how far the rounds disagree.
 *
 * @param median the middle value; for an even count, the mean of the two middle ones
 */
record Spread(double median, double min, double max, List<Double> values) {
    Spread {
        values = List.copyOf(values);
    }

    static Spread of(List<Double> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), values);
    }

    /** Range as a share of the median: 0.1 when the rounds lie within 10 % of the median's size. */
    double relativeRange() {
        return median == 0 ? 0 : (max - min) / median;
    }
}
