package io.wirestream.dedup;

/**
 * The tunable parameters of near-duplicate detection.
 *
 * @param shingleSize words per shingle
 * @param numHashes   MinHash permutations kept per article (the similarity estimate uses all)
 * @param bands       LSH bands (one index entry per band and article)
 * @param rows        MinHash values per band; {@code bands * rows <= numHashes}
 * @param threshold   estimated Jaccard similarity at or above which a candidate is a near-duplicate,
 *                    for texts of a paragraph or more (shorter ones need more: {@link #thresholdFor})
 * @param seed        seed of the MinHash permutations; every reader and writer of an index must agree
 */
public record DedupParameters(int shingleSize, int numHashes, int bands, int rows, double threshold, long seed) {

    /**
     * The production parameters, chosen by the sweep in {@code docs/dedup.md}: the smallest index that
     * reaches the precision and recall targets on the labelled set with margin over several seeds.
     */
    public static final DedupParameters DEFAULTS = new DedupParameters(3, 64, 16, 2, 0.35, 0x5eed_0d3d_0001L);

    public DedupParameters {
        if (shingleSize < 1 || shingleSize > 16) {
            throw new IllegalArgumentException("shingleSize must be between 1 and 16 words, was " + shingleSize);
        }
        if (numHashes < 1 || numHashes > 1024) {
            throw new IllegalArgumentException("numHashes must be between 1 and 1024, was " + numHashes);
        }
        if (bands < 1 || bands > 255 || rows < 1) {
            throw new IllegalArgumentException("bands must be 1..255 and rows at least 1, were " + bands + " and " + rows);
        }
        if (bands * rows > numHashes) {
            throw new IllegalArgumentException("bands x rows (" + bands + " x " + rows + " = " + bands * rows
                    + ") must not exceed numHashes (" + numHashes + ")");
        }
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
    }

    /**
     * Texts with fewer shingles than this (a headline, a sentence of under about eight words) are
     * matched only exactly (same URL or same normalised text): between such texts, a few shared words
     * already make a high similarity, and two different headlines on one event would be taken for copies.
     */
    public static final double MIN_NEAR_SHINGLES = 6;

    /** From this many shingles (a paragraph of about 40 words) on, {@link #threshold()} applies as it is. */
    public static final double FULL_THRESHOLD_SHINGLES = 40;

    /** The threshold for the shortest texts matched by similarity; it falls linearly to {@link #threshold()}. */
    public static final double SHORT_TEXT_THRESHOLD = 0.70;

    /**
     * The similarity at or above which two texts are near-duplicates, given the shingle count of the
     * shorter one ({@link MinHashSignature#estimatedShingles()}): {@link #threshold()} for texts of a
     * paragraph or more; higher for shorter ones, from {@link #SHORT_TEXT_THRESHOLD} at
     * {@link #MIN_NEAR_SHINGLES} down to {@link #threshold()} at {@link #FULL_THRESHOLD_SHINGLES}; above 1
     * (never) below {@link #MIN_NEAR_SHINGLES}. Short texts give few shingles, so one shared phrase is a
     * large share of them and the estimate from 64 permutations is coarse: they need more evidence.
     */
    public double thresholdFor(double shorterTextShingles) {
        if (shorterTextShingles < MIN_NEAR_SHINGLES) {
            return Double.POSITIVE_INFINITY;
        }
        if (shorterTextShingles >= FULL_THRESHOLD_SHINGLES) {
            return threshold;
        }
        double shortness = (FULL_THRESHOLD_SHINGLES - shorterTextShingles) / (FULL_THRESHOLD_SHINGLES - MIN_NEAR_SHINGLES);
        return Math.max(threshold, threshold + (SHORT_TEXT_THRESHOLD - threshold) * shortness);
    }

    public DedupParameters withThreshold(double newThreshold) {
        return new DedupParameters(shingleSize, numHashes, bands, rows, newThreshold, seed);
    }

    public DedupParameters withSeed(long newSeed) {
        return new DedupParameters(shingleSize, numHashes, bands, rows, threshold, newSeed);
    }
}
