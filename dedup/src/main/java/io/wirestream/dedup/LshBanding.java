package io.wirestream.dedup;

/**
 * Locality-sensitive hashing by banding: the first {@code bands * rows} values of a signature are
 * cut into {@code bands} bands of {@code rows} values, and each band is hashed to one 64-bit key.
 * Two texts with Jaccard similarity s share at least one band key with probability
 * {@code 1 - (1 - s^rows)^bands}; only such pairs are compared at all.
 */
public final class LshBanding {

    private final int bands;
    private final int rows;

    public LshBanding(int bands, int rows) {
        if (bands < 1 || bands > 255) {
            throw new IllegalArgumentException("LSH bands must be between 1 and 255, was " + bands);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("LSH rows per band must be at least 1, was " + rows);
        }
        this.bands = bands;
        this.rows = rows;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /** @return the probability that two texts of Jaccard similarity {@code s} share a band */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    /**
     * @return one key per band; key i depends only on band i's values and on i
     * @throws IllegalArgumentException if the signature is shorter than {@code bands * rows}
     */
    public long[] bandKeys(MinHashSignature signature) {
        if (signature.length() < bands * rows) {
            throw new IllegalArgumentException("signature has " + signature.length() + " values, banding needs "
                    + bands + " x " + rows + " = " + bands * rows);
        }
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = Hashing.mix64(b + 1L);
            for (int r = 0; r < rows; r++) {
                h = Hashing.mix64(h * 31 + signature.value(b * rows + r));
            }
            keys[b] = h;
        }
        return keys;
    }
}
