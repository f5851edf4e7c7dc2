package io.wirestream.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Computes {@link MinHashSignature}s of shingle sets. Permutation i is {@code mix64(x ^ seed_i)}:
 * a bijection of the 64-bit space per seed, with seeds drawn from a fixed generator so that every
 * instance with the same (count, seed) produces identical signatures. Position i keeps 16 bits of
 * a fixed hash of the shingle that is smallest under permutation i (the same shingle gives the same
 * value at every position), so the number of distinct values tells how many shingles a short text has
 * ({@link MinHashSignature#estimatedShingles()}). Thread-safe.
 */
public final class MinHasher {

    private final long[] seeds;
    private final long identitySeed;

    /**
     * @param numHashes number of permutations, 1..1024
     * @param seed      the generator seed; all writers and readers of one index must agree on it
     */
    public MinHasher(int numHashes, long seed) {
        if (numHashes < 1 || numHashes > 1024) {
            throw new IllegalArgumentException("number of MinHash permutations must be between 1 and 1024, was " + numHashes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        this.seeds = new long[numHashes];
        for (int i = 0; i < numHashes; i++) {
            seeds[i] = random.nextLong();
        }
        this.identitySeed = random.nextLong();
    }

    public int numHashes() {
        return seeds.length;
    }

    /**
     * @param shingles shingle hashes, at least one (duplicates are harmless)
     * @throws IllegalArgumentException if {@code shingles} is empty: an empty set has no MinHash
     */
    public MinHashSignature signature(long[] shingles) {
        if (shingles.length == 0) {
            throw new IllegalArgumentException("cannot compute a MinHash signature of an empty shingle set");
        }
        long[] minima = minima(shingles);
        short[] out = new short[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            // mix64 is a bijection, so the smallest permuted value names its shingle: no index is kept
            long argmin = Hashing.unmix64(minima[i] ^ Long.MIN_VALUE) ^ seeds[i];
            out[i] = (short) Hashing.mix64(argmin ^ identitySeed);
        }
        return MinHashSignature.wrap(out);
    }

    /**
     * For each permutation i, the smallest {@code mix64(x ^ seed_i)} over the shingles in unsigned order,
     * returned with its top bit flipped, which turns the unsigned order into the signed one. Shingles are
     * the outer loop; for each, the permuted values of all permutations are computed in one loop over arrays
     * with nothing carried from one element to the next (which the JIT turns into vector instructions where
     * the processor has them), then compared with the minima in a second loop. Every position starts at the
     * unsigned maximum, which any hash replaces or equals (a start at Long.MAX_VALUE once survived every hash
     * with the top bit set, so texts of one or two shingles shared it at half their positions).
     */
    private long[] minima(long[] shingles) {
        long[] minima = new long[seeds.length];
        long[] permuted = new long[seeds.length];
        Arrays.fill(minima, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int i = 0; i < permuted.length; i++) {
                permuted[i] = Hashing.mix64(x ^ seeds[i]) ^ Long.MIN_VALUE;
            }
            for (int i = 0; i < minima.length; i++) {
                if (permuted[i] < minima[i]) {
                    minima[i] = permuted[i];
                }
            }
        }
        return minima;
    }
}
