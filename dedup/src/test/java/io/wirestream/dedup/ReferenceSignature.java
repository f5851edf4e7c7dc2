package io.wirestream.dedup;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The plain form of the signature's shingling and MinHash, written for clarity and kept as the oracle that
 * {@link Shingler} and {@link MinHasher} must agree with: words hashed into a boxed list, the script of
 * every code point asked of ICU, a fresh word segmenter per run without spaces, and every permutation
 * scanning every shingle for the smallest value and its index.
 */
final class ReferenceSignature {

    private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);

    private final int shingleSize;
    private final long[] seeds;
    private final long identitySeed;

    ReferenceSignature(int shingleSize, int numHashes, long seed) {
        this.shingleSize = shingleSize;
        SplittableRandom random = new SplittableRandom(seed);
        this.seeds = new long[numHashes];
        for (int i = 0; i < numHashes; i++) {
            seeds[i] = random.nextLong();
        }
        this.identitySeed = random.nextLong();
    }

    long seed(int permutation) {
        return seeds[permutation];
    }

    long[] shingles(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return new long[0];
        }
        List<Long> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= normalizedText.length(); i++) {
            if (i == normalizedText.length() || normalizedText.charAt(i) == ' ') {
                if (needsSegmentation(normalizedText, start, i)) {
                    BreakIterator segmenter = (BreakIterator) WORDS.clone();
                    segmenter.setText(normalizedText.substring(start, i));
                    int from = segmenter.first();
                    for (int to = segmenter.next(); to != BreakIterator.DONE; from = to, to = segmenter.next()) {
                        words.add(Hashing.hash64(normalizedText, start + from, start + to));
                    }
                } else {
                    words.add(Hashing.hash64(normalizedText, start, i));
                }
                start = i + 1;
            }
        }
        int count = Math.max(1, words.size() - shingleSize + 1);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = shingleSize;
            for (int j = i; j < Math.min(i + shingleSize, words.size()); j++) {
                h = Hashing.mix64(h * 31 + words.get(j));
            }
            out[i] = h;
        }
        return Arrays.stream(out).distinct().sorted().toArray();
    }

    private static boolean needsSegmentation(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int script = UScript.getScript(cp);
            if (script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
                    || script == UScript.THAI || script == UScript.LAO || script == UScript.KHMER
                    || script == UScript.MYANMAR) {
                return true;
            }
        }
        return false;
    }

    short[] minHash(long[] shingles) {
        short[] out = new short[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            long min = -1L;
            int argmin = 0;
            for (int j = 0; j < shingles.length; j++) {
                long h = Hashing.mix64(shingles[j] ^ seeds[i]);
                if (Long.compareUnsigned(h, min) < 0) {
                    min = h;
                    argmin = j;
                }
            }
            out[i] = (short) Hashing.mix64(shingles[argmin] ^ identitySeed);
        }
        return out;
    }
}
