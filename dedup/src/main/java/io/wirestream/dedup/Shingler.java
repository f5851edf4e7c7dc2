package io.wirestream.dedup;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        List<Long> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                if (needsSegmentation(text, start, i)) {
                    segment(text, start, i, out);
                } else {
                    out.add(Hashing.hash64(text, start, i));
                }
                start = i + 1;
            }
        }
        long[] hashes = new long[out.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = out.get(i);
        }
        return hashes;
    }

    private static boolean needsSegmentation(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (UScript.getScript(cp)) {
                case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.THAI, UScript.LAO, UScript.KHMER,
                        UScript.MYANMAR -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Adds the hashes of the dictionary words of {@code text[start, end)}, a run without spaces. */
    private static void segment(String text, int start, int end, List<Long> out) {
        BreakIterator words = (BreakIterator) WORDS.clone();
        words.setText(text.substring(start, end));
        int from = words.first();
        for (int to = words.next(); to != BreakIterator.DONE; from = to, to = words.next()) {
            out.add(Hashing.hash64(text, start + from, start + to));
        }
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
