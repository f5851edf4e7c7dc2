package io.wirestream.dedup;

import java.util.Arrays;

/**
 * Turns normalised text (see {@link TextNormalizer}) into the set of its word k-shingles, each
 * represented by a 64-bit hash. Word order inside a shingle matters; the set ignores multiplicity.
 *
 * <p>A text with fewer than k words yields a single shingle of all its words; an empty text yields
 * no shingles.
 */
public final class Shingler {

    private final int size;

    /** @param size words per shingle, 1..16 */
    public Shingler(int size) {
        if (size < 1 || size > 16) {
            throw new IllegalArgumentException("shingle size must be between 1 and 16 words, was " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** @return the distinct shingle hashes of {@code normalizedText}, sorted ascending */
    public long[] shingles(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return new long[0];
        }
        long[] words = wordHashes(normalizedText);
        int count = Math.max(1, words.length - size + 1);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = size;
            for (int j = i; j < Math.min(i + size, words.length); j++) {
                h = Hashing.mix64(h * 31 + words[j]);
            }
            out[i] = h;
        }
        Arrays.sort(out);
        return distinctSorted(out);
    }

    private static long[] wordHashes(String text) {
        int words = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                words++;
            }
        }
        long[] out = new long[words];
        int start = 0;
        int w = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                out[w++] = Hashing.hash64(text, start, i);
                start = i + 1;
            }
        }
        return out;
    }

    private static long[] distinctSorted(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
