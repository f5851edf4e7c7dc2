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
        return Character.isUpperCase(text.codePointAt(0)) || Character.isTitleCase(text.codePointAt(0));
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
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }
}
