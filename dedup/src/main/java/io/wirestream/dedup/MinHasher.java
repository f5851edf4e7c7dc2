package io.wirestream.dedup;

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
        short[] out = new short[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            long seed = seeds[i];
            // the unsigned maximum: any hash replaces it (a start at Long.MAX_VALUE survived every hash with
            // the top bit set, so texts of one or two shingles shared it at half their positions)
            long min = -1L;
            long argmin = shingles[0];
            for (long x : shingles) {
                // unsigned comparison keeps the permutation order uniform over the whole 64-bit range
                long h = Hashing.mix64(x ^ seed);
                if (Long.compareUnsigned(h, min) < 0) {
                    min = h;
                    argmin = x;
                }
            }
            out[i] = (short) Hashing.mix64(argmin ^ identitySeed);
        }
        return MinHashSignature.wrap(out);
    }
}
