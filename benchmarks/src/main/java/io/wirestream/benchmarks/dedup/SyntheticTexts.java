package io.wirestream.benchmarks.dedup;

import java.util.SplittableRandom;

/**
 * Article-like texts for filling and probing the index: 4 to 6 paragraphs, 200 to 260 words drawn
 * from a 30,000-word pseudo vocabulary with a Zipf (s = 1) frequency, so that frequent words and
 * phrases recur across articles as they do in news, and an index lookup meets band collisions that
 * must be verified. Deterministic for a seed.
 */
final class SyntheticTexts {

    private static final int VOCABULARY = 30_000;
    private static final String[] WORDS = new String[VOCABULARY];
    private static final double[] CUMULATIVE = new double[VOCABULARY];

    static {
        SplittableRandom random = new SplittableRandom(20251123L);
        double total = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + random.nextInt(9);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            WORDS[i] = word.toString();
            total += 1.0 / (i + 1);
            CUMULATIVE[i] = total;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            CUMULATIVE[i] /= total;
        }
    }

    private final SplittableRandom random;

    SyntheticTexts(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String next() {
        int words = 200 + random.nextInt(61);
        int paragraphs = 4 + random.nextInt(3);
        StringBuilder sb = new StringBuilder(words * 8);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(w % (words / paragraphs) == 0 ? ".\n\n" : " ");
            }
            sb.append(WORDS[sample()]);
        }
        return sb.append('.').toString();
    }

    private int sample() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = VOCABULARY - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (CUMULATIVE[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
