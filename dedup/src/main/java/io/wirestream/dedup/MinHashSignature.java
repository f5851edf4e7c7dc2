package io.wirestream.dedup;

import java.util.Arrays;

/**
 * A MinHash signature with 16-bit values: for each of n hash permutations, 16 bits of a fixed hash of
 * the shingle that is smallest under that permutation (b-bit MinHash, Li and König 2010, with b = 16;
 * the stored bits identify the chosen shingle, the same at every position).
 *
 * <p>Two signatures agree at a position with probability J + (1 - J) / 65536, where J is the
 * Jaccard similarity of the two shingle sets; {@link #estimateSimilarity} inverts that. The
 * estimate's standard deviation is about sqrt(J (1 - J) / n). Immutable.
 */
public final class MinHashSignature {

    private static final double COLLISION = 1.0 / 65536;

    private final short[] values;

    private MinHashSignature(short[] values) {
        this.values = values;
    }

    /** @param values the 16-bit values, at least one; copied */
    public static MinHashSignature of(short[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a MinHash signature needs at least one value");
        }
        return new MinHashSignature(values.clone());
    }

    static MinHashSignature wrap(short[] values) {
        return new MinHashSignature(values);
    }

    public int length() {
        return values.length;
    }

    /** @return the value of permutation {@code i} (unsigned 16 bits) */
    public int value(int i) {
        return values[i] & 0xffff;
    }

    public short[] values() {
        return values.clone();
    }

    /**
     * @return the estimated Jaccard similarity of the two texts' shingle sets, 0..1
     * @throws IllegalArgumentException if the signatures have different lengths
     */
    public double estimateSimilarity(MinHashSignature other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("signatures of different lengths cannot be compared: "
                    + values.length + " and " + other.values.length);
        }
        int equal = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                equal++;
            }
        }
        double agreement = (double) equal / values.length;
        return Math.max(0.0, Math.min(1.0, (agreement - COLLISION) / (1 - COLLISION)));
    }

    /**
     * Estimates how many shingles the text had, from the number of distinct values in the signature:
     * each permutation keeps the identity of one of the n shingles, so n shingles leave about
     * n (1 - (1 - 1/n)^length) distinct values. Close to n for texts of a few dozen shingles; for
     * longer texts the values are nearly all distinct and the estimate only says "long"
     * ({@link Double#POSITIVE_INFINITY} when every value is distinct). Both sides of a comparison can
     * compute it from the signatures alone.
     */
    public double estimatedShingles() {
        short[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        if (distinct == sorted.length) {
            return Double.POSITIVE_INFINITY;
        }
        // expected distinct values grow with n: invert by bisection
        double low = distinct;
        double high = 1e7;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (expectedDistinct(mid, sorted.length) < distinct) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double expectedDistinct(double shingles, int permutations) {
        return shingles * (1 - Math.pow(1 - 1 / shingles, permutations));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHashSignature[" + values.length + " values]";
    }
}
