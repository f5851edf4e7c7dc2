package io.wirestream.enrichment.language;

/**
 * When a detector refuses to call a language, and how much text it reads.
 *
 * @param minLetters    texts with fewer letters than this are {@code und} with confidence 0
 * @param sampleChars   only the first this many chars are read (cut back to a word boundary): the
 *                      language of a news article is settled by its first paragraphs, and detection
 *                      cost grows with length
 * @param minConfidence calls below this confidence are reported as {@code und}, carrying the
 *                      confidence that was reached
 */
public record DetectionLimits(int minLetters, int sampleChars, double minConfidence) {

    /** 12 letters, 300 chars, confidence 0.05; see docs/enrichment.md for how they were chosen. */
    public static final DetectionLimits DEFAULT = new DetectionLimits(12, 300, 0.01);

    public DetectionLimits {
        if (minLetters < 1) {
            throw new IllegalArgumentException("minLetters must be >= 1, was " + minLetters);
        }
        if (sampleChars < 50) {
            throw new IllegalArgumentException("sampleChars must be >= 50, was " + sampleChars);
        }
        if (!(minConfidence >= 0.0 && minConfidence < 1.0)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1), was " + minConfidence);
        }
    }

    /** The prefix of {@code text} a detector reads, or null when it has too few letters to call. */
    String sample(CharSequence text) {
        int end = Math.min(text.length(), sampleChars);
        if (end < text.length()) {
            int space = end;
            while (space > sampleChars / 2 && !Character.isWhitespace(text.charAt(space))) {
                space--;
            }
            if (space > sampleChars / 2) {
                end = space;
            }
        }
        int letters = 0;
        for (int i = 0; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters < minLetters ? null : text.subSequence(0, end).toString();
    }
}
