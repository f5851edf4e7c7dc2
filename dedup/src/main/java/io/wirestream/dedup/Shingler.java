package io.wirestream.dedup;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;

/**
 * Turns normalised text (see {@link TextNormalizer}) into the set of its word k-shingles, each
 * represented by a 64-bit hash. Word order inside a shingle matters; the set ignores multiplicity.
 *
 * <p>Words are what spaces separate, except in scripts written without spaces (Han, Hiragana,
 * Katakana, Thai, Lao, Khmer, Myanmar): a space-separated run that contains such a script is cut into
 * words by ICU's dictionary-based word segmentation, so that a Chinese or Japanese sentence gives as
 * many shingles as its words, not one per clause. Text in other scripts is split on spaces only, so its
 * shingles do not depend on the segmenter.
 *
 * <p>A text with fewer than k words yields a single shingle of all its words; an empty text yields
 * no shingles.
 */
public final class Shingler {

    private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);

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
        long[] out = windows(normalizedText);
        Arrays.sort(out);
        return distinctSorted(out);
    }

    /**
     * @return the hash of every shingle of {@code normalizedText} in text order, a shingle that recurs
     *     once per occurrence: the same set as {@link #shingles}, unsorted, for callers that need only its
     *     elements (a MinHash signature is the same for a set and any list of its elements)
     */
    long[] windows(String normalizedText) {
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
        return out;
    }

    /** The hash of every word of {@code text}, in order. */
    private static long[] wordHashes(String text) {
        long[] out = new long[16];
        int n = 0;
        BreakIterator segmenter = null;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                if (needsSegmentation(text, start, i)) {
                    if (segmenter == null) {
                        segmenter = (BreakIterator) WORDS.clone();
                    }
                    segmenter.setText(text.substring(start, i));
                    int from = segmenter.first();
                    for (int to = segmenter.next(); to != BreakIterator.DONE; from = to, to = segmenter.next()) {
                        out = room(out, n);
                        out[n++] = Hashing.hash64(text, start + from, start + to);
                    }
                } else {
                    out = room(out, n);
                    out[n++] = Hashing.hash64(text, start, i);
                }
                start = i + 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long[] room(long[] array, int used) {
        return used < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }

    private static boolean needsSegmentation(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                int cp = text.codePointAt(i);
                if (Character.isSupplementaryCodePoint(cp)) {
                    i++;
                }
                if (UnspacedScripts.contains(cp)) {
                    return true;
                }
            } else if (UnspacedScripts.containsBmp(c)) {
                return true;
            }
        }
        return false;
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
