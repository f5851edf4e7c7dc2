package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinHashSimilarityTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0})
    void shouldEstimateJaccardSimilarityWithinFourStandardDeviations(double jaccard) {
        int n = 1024;
        MinHasher hasher = new MinHasher(n, 42);
        long[][] sets = setsWithJaccard(jaccard, 2000, new SplittableRandom(7));
        double estimate = hasher.signature(sets[0]).estimateSimilarity(hasher.signature(sets[1]));
        double sd = Math.sqrt(Math.max(jaccard * (1 - jaccard), 1e-4) / n);
        assertEquals(jaccard, estimate, 4 * sd + 1e-3);
    }

    @Test
    void shouldGiveOneForIdenticalTexts() {
        MinHasher hasher = new MinHasher(64, 1);
        long[] shingles = new Shingler(3).shingles("the port of haldeby came to a standstill on tuesday");
        assertEquals(1.0, hasher.signature(shingles).estimateSimilarity(hasher.signature(shingles.clone())));
    }

    @Test
    void shouldBeReproducibleForTheSameSeed() {
        long[] shingles = {1, 2, 3, 4, 5};
        assertEquals(new MinHasher(64, 9).signature(shingles), new MinHasher(64, 9).signature(shingles));
    }

    @Test
    void shouldRejectSignaturesOfDifferentLengths() {
        long[] shingles = {1, 2, 3};
        MinHashSignature a = new MinHasher(16, 1).signature(shingles);
        MinHashSignature b = new MinHasher(32, 1).signature(shingles);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.estimateSimilarity(b));
        assertEquals("signatures of different lengths cannot be compared: 16 and 32", e.getMessage());
    }

    @Test
    void shouldRejectAnEmptyShingleSet() {
        assertThrows(IllegalArgumentException.class, () -> new MinHasher(16, 1).signature(new long[0]));
    }

    /** Two sets of {@code size} each whose Jaccard similarity is exactly {@code jaccard} (rounded to whole elements). */
    static long[][] setsWithJaccard(double jaccard, int size, SplittableRandom random) {
        // |A∩B| = c, |A| = |B| = size: J = c / (2 size - c)  =>  c = 2 size J / (1 + J)
        int common = (int) Math.round(2 * size * jaccard / (1 + jaccard));
        Set<Long> seen = new HashSet<>();
        long[] a = new long[size];
        long[] b = new long[size];
        for (int i = 0; i < size; i++) {
            a[i] = fresh(random, seen);
            b[i] = i < common ? a[i] : fresh(random, seen);
        }
        return new long[][] {a, b};
    }

    private static long fresh(SplittableRandom random, Set<Long> seen) {
        long x;
        do {
            x = random.nextLong();
        } while (!seen.add(x));
        return x;
    }

    @Test
    void shouldEstimateZeroForDisjointSetsOfOneShingle() {
        MinHasher hasher = new MinHasher(64, 1);
        double worst = 0;
        for (long x = 1; x <= 200; x++) {
            worst = Math.max(worst, hasher.signature(new long[] {x}).estimateSimilarity(hasher.signature(new long[] {-x})));
        }
        assertEquals(0.0, worst, 0.05);
    }
}
