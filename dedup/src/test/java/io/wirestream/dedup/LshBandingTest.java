package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LshBandingTest {

    @Test
    void shouldGiveEqualKeysExactlyForEqualBands() {
        short[] values = new short[8];
        for (int i = 0; i < 8; i++) {
            values[i] = (short) (i * 1000);
        }
        short[] changed = values.clone();
        changed[5] = 1;
        LshBanding banding = new LshBanding(4, 2);
        long[] a = banding.bandKeys(MinHashSignature.of(values));
        long[] b = banding.bandKeys(MinHashSignature.of(changed));
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertNotEquals(a[2], b[2]);
        assertEquals(a[3], b[3]);
    }

    @Test
    void shouldGiveDifferentKeysToEqualValuesInDifferentBands() {
        LshBanding banding = new LshBanding(2, 2);
        long[] keys = banding.bandKeys(MinHashSignature.of(new short[] {7, 7, 7, 7}));
        assertNotEquals(keys[0], keys[1]);
    }

    @Test
    void shouldMatchTheSCurveForCandidatePairs() {
        LshBanding banding = new LshBanding(16, 2);
        MinHasher hasher = new MinHasher(32, 3);
        SplittableRandom random = new SplittableRandom(11);
        int trials = 400;
        int candidates = 0;
        for (int t = 0; t < trials; t++) {
            long[][] sets = MinHashSimilarityTest.setsWithJaccard(0.2, 300, random);
            long[] a = banding.bandKeys(hasher.signature(sets[0]));
            long[] b = banding.bandKeys(hasher.signature(sets[1]));
            for (int i = 0; i < a.length; i++) {
                if (a[i] == b[i]) {
                    candidates++;
                    break;
                }
            }
        }
        double expected = banding.candidateProbability(0.2); // 1 - 0.96^16 = 0.479
        double sd = Math.sqrt(expected * (1 - expected) / trials);
        assertEquals(expected, (double) candidates / trials, 4 * sd);
    }

    @Test
    void shouldRejectASignatureShorterThanTheBands() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LshBanding(4, 4).bandKeys(MinHashSignature.of(new short[8])));
        assertEquals("signature has 8 values, banding needs 4 x 4 = 16", e.getMessage());
    }
}
