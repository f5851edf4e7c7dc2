package io.wirestream.enrichment.language;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;

import java.util.Arrays;
import java.util.Map;

/**
 * OpenNLP's {@link LanguageDetectorME#predictLanguages} for a model built with the default
 * {@link LanguageDetectorFactory} (the published one), with the same result to the last bit and a
 * fraction of the cost.
 *
 * <p>OpenNLP lower-cases the normalised text, counts its 1- to 3-char n-grams in a hash map of
 * {@code CharBuffer}s, copies them into a second one and hands the model the distinct n-grams in that
 * map's iteration order. The model adds up each n-gram's weights in that order, so the order decides
 * the last bits of every probability. Here the distinct n-grams are collected in a table of packed
 * chars, and put in the order the two hash maps would iterate them in: by bucket ({@code CharBuffer}'s
 * hash code, spread as {@link java.util.HashMap} does, at the capacity the maps grow to), then by
 * insertion. A hash map that would turn a crowded bucket into a tree iterates in another order; when
 * that could happen the text goes through OpenNLP's own detector instead.
 *
 * <p>The model's weights are looked up by the packed chars of each n-gram instead of by a string, and
 * summed with OpenNLP's own {@link ArrayMath#sumFeatures} in the same order; the exponent and the
 * normalisation repeat {@code GISModel.eval} step by step (a uniform prior, {@link StrictMath}).
 *
 * <p>Thread-safe: all state is per call, apart from a fallback detector per thread.
 */
final class NgramScorer {

    private static final int MIN_GRAM = 1;
    private static final int MAX_GRAM = 3;
    /** java.util.HashMap: default capacity and load factor, bin size at which a bucket becomes a tree. */
    private static final int MAP_INITIAL_CAPACITY = 16;
    private static final int TREEIFY_THRESHOLD = 8;

    private final MaxentModel maxent;
    private final CharSequenceNormalizer normalizer;
    private final ThreadLocal<LanguageDetectorME> fallback;
    /** The model's weights by packed n-gram (see {@link #distinctGrams}): open addressing, 0 marks a free slot. */
    private final long[] predicateKeys;
    private final Context[] predicateWeights;
    private final int numOutcomes;
    /** log of the uniform prior, as OpenNLP's {@code UniformPrior} computes it. */
    private final double logPrior;

    NgramScorer(LanguageDetectorModel model) {
        if (model.getFactory().getClass() != LanguageDetectorFactory.class) {
            // another factory may generate other features: only OpenNLP's default is reproduced here
            throw new IllegalArgumentException("model built with factory " + model.getFactory().getClass().getName()
                    + ", only the default LanguageDetectorFactory is supported");
        }
        this.maxent = model.getMaxentModel();
        // the normalisers of LanguageDetectorFactory#getContextGenerator, in its order, each skipped where it cannot match
        this.normalizer = new SampleNormalizer();
        this.fallback = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
        if (maxent.getClass() != GISModel.class) {
            throw new IllegalArgumentException("model is a " + maxent.getClass().getName() + ", only GISModel is supported");
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) ((GISModel) maxent).getDataStructures()[1];
        int slots = Integer.highestOneBit(Math.max(4, pmap.size() * 2)) << 1;
        this.predicateKeys = new long[slots];
        this.predicateWeights = new Context[slots];
        for (Map.Entry<String, Context> e : pmap.entrySet()) {
            String p = e.getKey();
            if (p.length() >= MIN_GRAM && p.length() <= MAX_GRAM) {
                // longer predicates can never match an n-gram of the text
                int slot = slotOf(predicateKeys, pack(p, 0, p.length()));
                predicateKeys[slot] = pack(p, 0, p.length());
                predicateWeights[slot] = e.getValue();
            }
        }
        this.numOutcomes = maxent.getNumOutcomes();
        this.logPrior = StrictMath.log(1.0 / (double) numOutcomes);
    }

    /** Length in the top bits, then the chars last to first, 16 bits each: never 0, distinct for distinct n-grams. */
    private static long pack(CharSequence s, int start, int len) {
        long key = len;
        for (int k = len - 1; k >= 0; k--) {
            key = (key << 16) | s.charAt(start + k);
        }
        return key;
    }

    /** The slot holding {@code key}, or the free slot where it belongs. */
    private static int slotOf(long[] keys, long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Every language of the model with its probability, most probable first, as OpenNLP ranks them. */
    Language[] predictLanguages(CharSequence text) {
        char[] lower = lowerCase(normalizer.normalize(text));
        Grams grams = distinctGrams(lower);
        int[] order = hashMapOrder(grams);
        if (order == null) {
            return fallback.get().predictLanguages(text);
        }
        double[] eval = eval(grams, order);
        Language[] ranked = new Language[eval.length];
        for (int j = 0; j < eval.length; j++) {
            ranked[j] = new Language(maxent.getOutcome(j), eval[j]);
        }
        Arrays.sort(ranked, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
        return ranked;
    }

    /**
     * {@code GISModel.eval(String[], float[])} for the n-grams in {@code order}, each with value 1 (OpenNLP
     * passes 1 for every distinct n-gram, not its count).
     */
    private double[] eval(Grams grams, int[] order) {
        Context[] contexts = new Context[order.length];
        for (int i = 0; i < order.length; i++) {
            int slot = slotOf(predicateKeys, grams.key[order[i]]);
            contexts[i] = predicateWeights[slot];
        }
        double[] sums = new double[numOutcomes];
        Arrays.fill(sums, logPrior);
        // a null value array is read as 1.0 for every feature, what a float 1 becomes
        ArrayMath.sumFeatures(contexts, null, sums);
        double normal = 0.0;
        for (int oid = 0; oid < numOutcomes; oid++) {
            sums[oid] = StrictMath.exp(sums[oid]);
            normal += sums[oid];
        }
        for (int oid = 0; oid < numOutcomes; oid++) {
            sums[oid] /= normal;
        }
        return sums;
    }

    /**
     * As OpenNLP's {@code StringUtil.toLowerCaseCharBuffer}: each code point lower-cased, in a buffer as
     * long as the input (chars left over, should lower-casing shorten the text, stay zero).
     */
    static char[] lowerCase(CharSequence s) {
        char[] out = new char[s.length()];
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            int lc = Character.toLowerCase(cp);
            if (Character.isBmpCodePoint(lc)) {
                out[w++] = (char) lc;
            } else {
                out[w++] = Character.highSurrogate(lc);
                out[w++] = Character.lowSurrogate(lc);
            }
        }
        return out;
    }

    /** The distinct n-grams of a text in the order OpenNLP first meets them: all 1-grams, then 2-, then 3-grams. */
    static final class Grams {
        final int[] start;
        final int[] length;
        /** {@code CharBuffer.hashCode()} of each n-gram. */
        final int[] hash;
        /** The packed chars of each n-gram. */
        final long[] key;
        int size;

        Grams(int capacity) {
            start = new int[capacity];
            length = new int[capacity];
            hash = new int[capacity];
            key = new long[capacity];
        }
    }

    static Grams distinctGrams(char[] text) {
        int n = text.length;
        int max = Math.max(0, n) + Math.max(0, n - 1) + Math.max(0, n - 2);
        Grams grams = new Grams(max);
        int slots = Integer.highestOneBit(Math.max(4, max * 2)) << 1;
        long[] keys = new long[slots];
        int mask = slots - 1;
        for (int len = MIN_GRAM; len <= MAX_GRAM; len++) {
            for (int i = 0; i + len - 1 < n; i++) {
                long key = len;
                int h = 1;
                for (int k = len - 1; k >= 0; k--) {
                    char c = text[i + k];
                    key = (key << 16) | c;
                    h = 31 * h + c;
                }
                // the length sits in the top bits, so a key is never 0 (the empty slot)
                int slot = (int) mix(key) & mask;
                while (keys[slot] != 0 && keys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                if (keys[slot] == 0) {
                    keys[slot] = key;
                    int g = grams.size++;
                    grams.key[g] = key;
                    grams.start[g] = i;
                    grams.length[g] = len;
                    grams.hash[g] = h;
                }
            }
        }
        return grams;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /**
     * The order in which OpenNLP's second hash map iterates the n-grams, or null when a bucket of either
     * map could grow to a tree bin (or make a small table grow early), which changes that order.
     */
    static int[] hashMapOrder(Grams grams) {
        int n = grams.size;
        int[] spread = new int[n];
        for (int g = 0; g < n; g++) {
            int h = grams.hash[g];
            spread[g] = h ^ (h >>> 16);
        }
        int[] insertion = new int[n];
        for (int g = 0; g < n; g++) {
            insertion[g] = g;
        }
        int capacity = MAP_INITIAL_CAPACITY;
        while (n > capacity / 4 * 3) {
            capacity <<= 1;
        }
        if (!listBinsOnly(insertion, spread)) {
            return null;
        }
        int[] first = byBucket(insertion, spread, capacity);
        if (!listBinsOnly(first, spread)) {
            return null;
        }
        // the second map holds the same keys at the same capacity: inserted bucket by bucket, it iterates as the first
        return first;
    }

    /** Inserting in {@code order} into a growing HashMap never appends to a bin that already holds 8 entries. */
    private static boolean listBinsOnly(int[] order, int[] spread) {
        int capacity = MAP_INITIAL_CAPACITY;
        int[] bins = new int[capacity];
        for (int k = 0; k < order.length; k++) {
            int b = spread[order[k]] & (capacity - 1);
            if (bins[b] >= TREEIFY_THRESHOLD) {
                return false;
            }
            bins[b]++;
            if (k + 1 > capacity / 4 * 3) {
                capacity <<= 1;
                bins = new int[capacity];
                for (int j = 0; j <= k; j++) {
                    bins[spread[order[j]] & (capacity - 1)]++;
                }
            }
        }
        return true;
    }

    /** {@code order} stably sorted by bucket at {@code capacity}: how a HashMap without tree bins iterates. */
    private static int[] byBucket(int[] order, int[] spread, int capacity) {
        int[] starts = new int[capacity + 1];
        for (int g : order) {
            starts[(spread[g] & (capacity - 1)) + 1]++;
        }
        for (int b = 0; b < capacity; b++) {
            starts[b + 1] += starts[b];
        }
        int[] sorted = new int[order.length];
        for (int g : order) {
            sorted[starts[spread[g] & (capacity - 1)]++] = g;
        }
        return sorted;
    }
}
