package io.wirestream.enrichment.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words: runs of letters, digits and combining marks, keeping an apostrophe,
 * hyphen or dot inside a word when a letter follows it (O'Brien, al-Assad, Day.Az). A word opens a
 * sentence when only spaces, quotes or brackets stand between it and the start of the text, a line
 * break, or a sentence-final mark (. ! ? …).
 *
 * <p>Hand-written rather than ICU's word iterator because it must also mark sentence starts and
 * runs on every article; it is a single pass without allocation beyond the tokens (and the string of
 * a word not seen lately).
 */
public final class Tokenizer {

    private static final java.util.Set<String> ELISIONS = java.util.Set.of("l", "d", "qu", "j", "s", "n", "m", "t", "c", "dell", "all", "nell", "sull", "dall");

    /** Words are shared strings ({@link WordTable}): a repeated word costs no copy and no second hash. */
    private static final WordTable WORDS = WordTable.shared();

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 6);
        boolean sentenceStart = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (isWordChar(d)) {
                        i++;
                    } else if ((d == '\'' || d == '’') && i + 1 < n && Character.isUpperCase(text.charAt(i + 1))
                            && ELISIONS.contains(text.substring(start, i).toLowerCase(java.util.Locale.ROOT))) {
                        // French and Italian elided articles (l'Union, d'Azerbaïdjan): the name starts after the apostrophe
                        start = i + 1;
                        i++;
                    } else if (d == '.' && i - start == 1) {
                        // an initial (A.Garayev, J. Smith): the surname is a word of its own
                        break;
                    } else if ((d == '\'' || d == '’' || d == '-' || d == '‑' || d == '.') && i + 1 < n
                            && Character.isLetter(text.charAt(i + 1)) && !(d == '.' && !Character.isUpperCase(text.charAt(i + 1)))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                tokens.add(new Token(WORDS.word(text, start, i), start, i, sentenceStart));
                sentenceStart = false;
            } else {
                if (c == '.' && initialBefore(text, i)) {
                    // the dot of an initial does not end a sentence
                    sentenceStart = false;
                } else if (c == '.' || c == '!' || c == '?' || c == '…' || c == '\n' || c == '。' || c == '！' || c == '？' || c == '։' || c == '।') {
                    sentenceStart = true;
                } else if (c == ':' || c == ';') {
                    // a colon or semicolon does not open a sentence, but a quote after it may
                    sentenceStart = false;
                }
                i++;
            }
        }
        return tokens;
    }

    /** The char before {@code dot} is a single capital letter standing alone (an initial). */
    private static boolean initialBefore(String text, int dot) {
        return dot >= 1 && Character.isUpperCase(text.charAt(dot - 1)) && (dot == 1 || !isWordChar(text.charAt(dot - 2)));
    }

    /** {@link #wordChar} of every char, one bit each (8 KB): one array read per char of a text. */
    private static final long[] WORD_CHARS = new long[(Character.MAX_VALUE + 1) / 64];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (wordChar((char) c)) {
                WORD_CHARS[c >>> 6] |= 1L << c;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (WORD_CHARS[c >>> 6] & (1L << c)) != 0;
    }

    /** A letter, a digit or a combining mark. */
    static boolean wordChar(char c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
