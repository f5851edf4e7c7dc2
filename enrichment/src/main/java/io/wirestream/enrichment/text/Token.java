package io.wirestream.enrichment.text;

/**
 * A word of a text.
 *
 * @param text           the word as written
 * @param start          offset of its first char (UTF-16) in the text, inclusive
 * @param end            offset after its last char, exclusive
 * @param sentenceStart  true when it opens a sentence (or a line), where capitals say nothing
 */
public record Token(String text, int start, int end, boolean sentenceStart) {

    public Token {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("token offsets must satisfy 0 <= start < end, were " + start + ", " + end);
        }
        if (text.length() != end - start) {
            throw new IllegalArgumentException("token text '" + text + "' does not span " + start + ".." + end);
        }
    }

    /** First char is an upper-case or title-case letter. */
    public boolean capitalised() {
        int cp = text.codePointAt(0);
        return cp <= Character.MAX_VALUE ? has(UPPER_OR_TITLE, cp) : Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /** Two or more letters, all upper-case (NATO, ООН). */
    public boolean acronym() {
        if (text.length() < 2) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    /** The writing system distinguishes case (Latin, Cyrillic, Greek, Armenian...). */
    public boolean cased() {
        int cp = text.codePointAt(0);
        return cp <= Character.MAX_VALUE ? has(CASED, cp) : casedLetter(cp);
    }

    private static boolean casedLetter(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /**
     * {@link #capitalised} and {@link #cased} of every char of the BMP, one bit each (8 KB per table), read
     * instead of asking {@link Character} for the properties of each word's first char.
     */
    private static final long[] UPPER_OR_TITLE = new long[(Character.MAX_VALUE + 1) / 64];
    private static final long[] CASED = new long[(Character.MAX_VALUE + 1) / 64];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                UPPER_OR_TITLE[c >>> 6] |= 1L << c;
            }
            if (casedLetter(c)) {
                CASED[c >>> 6] |= 1L << c;
            }
        }
    }

    private static boolean has(long[] table, int c) {
        return (table[c >>> 6] & (1L << c)) != 0;
    }
}
