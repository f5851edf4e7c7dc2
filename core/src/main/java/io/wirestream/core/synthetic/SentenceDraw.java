package io.wirestream.core.synthetic;

import java.util.List;
import java.util.Random;

/**
 * Synthetic text for benchmarks: words drawn at random from a vocabulary and laid out as sentences of 8 to 21
 * words, the first word capitalised, a full stop after each and a blank line after every fifth. One instance
 * writes one text; the caller decides when the text is long enough (by chars or by encoded bytes) and calls
 * {@link #appendWord} until then. The sequence of {@link Random} calls is fixed, so a seed gives the same text.
 */
public final class SentenceDraw {
    private final List<String> vocabulary;
    private final Random random;
    private int sentenceWords;
    private int sentenceLength;
    private int sentences;

    /** @param vocabulary non-empty list of words, each at least one char; drawn with repetition */
    public SentenceDraw(List<String> vocabulary, Random random) {
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("vocabulary is empty");
        }
        this.vocabulary = vocabulary;
        this.random = random;
        this.sentenceLength = nextSentenceLength();
    }

    /** Appends one drawn word (with the space, full stop or paragraph break its place in the sentence needs). */
    public void appendWord(StringBuilder text) {
        String w = vocabulary.get(random.nextInt(vocabulary.size()));
        if (sentenceWords == 0) {
            text.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
        } else {
            text.append(' ').append(w);
        }
        if (++sentenceWords == sentenceLength) {
            text.append(++sentences % 5 == 0 ? ".\n\n" : ". ");
            sentenceWords = 0;
            sentenceLength = nextSentenceLength();
        }
    }

    private int nextSentenceLength() {
        return 8 + random.nextInt(14);
    }
}
