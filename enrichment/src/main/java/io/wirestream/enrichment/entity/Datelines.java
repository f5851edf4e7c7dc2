package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Token;

import java.util.List;
import java.util.Locale;

/**
 * Datelines: the place in capitals that opens a news text ("KOUROU, 12 May —", «АСТАНА, 3 ноября.»,
 * "FRANKFURT AM MAIN, 30. Oktober"). Capitals there say nothing about the name, so its words are
 * given ordinary capitalisation, and the place is then matched to the knowledge base and to the same
 * name elsewhere in the text like any other word; a dateline place the knowledge base does not know
 * is still typed LOCATION.
 *
 * <p>A dateline is one to four all-capitals words at the start of one of the first lines (within
 * {@value #WITHIN} chars), followed by a comma, a dash, a slash or an opening bracket, on a line that
 * goes on in lower case (a line all in capitals is a headline).
 */
final class Datelines {

    /** The words of a dateline place: tokens {@code from} (inclusive) to {@code to} (exclusive). */
    record Dateline(int from, int to) {
    }

    static final int WITHIN = 400;
    private static final int MAX_WORDS = 4;

    private Datelines() {
    }

    /**
     * Finds the dateline of {@code text} and replaces its tokens in {@code tokens} by title-cased
     * copies (same offsets); null if the text has none.
     */
    static Dateline normalise(String text, List<Token> tokens) {
        for (int i = 0; i < tokens.size() && tokens.get(i).start() < WITHIN; i++) {
            if (!atLineStart(text, tokens.get(i).start())) {
                continue;
            }
            int j = i;
            while (j < tokens.size() && j - i < MAX_WORDS && tokens.get(j).acronym() && letters(tokens.get(j).text())
                    && (j == i || tokens.get(j).start() - tokens.get(j - 1).end() == 1)) {
                j++;
            }
            if (j > i && followedBySeparator(text, tokens.get(j - 1).end()) && lowerCaseFollows(text, tokens.get(j - 1).end())) {
                for (int k = i; k < j; k++) {
                    Token t = tokens.get(k);
                    tokens.set(k, new Token(titleCase(t.text()), t.start(), t.end(), t.sentenceStart()));
                }
                return new Dateline(i, j);
            }
        }
        return null;
    }

    /** The rest of the line has a lower-case letter: "SOCCER - STANDINGS" is a headline, not a dateline. */
    private static boolean lowerCaseFollows(String text, int offset) {
        for (int k = offset; k < text.length() && text.charAt(k) != '\n'; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean atLineStart(String text, int offset) {
        for (int k = offset - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '"' && c != '«' && c != '„') {
                return false;
            }
        }
        return true;
    }

    private static boolean followedBySeparator(String text, int offset) {
        for (int k = offset; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == ' ' || c == '\u00a0') {
                continue;
            }
            return c == ',' || c == '—' || c == '–' || c == '-' || c == '/' || c == '(';
        }
        return false;
    }

    private static boolean letters(String word) {
        return word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.');
    }

    /** "FRANKFURT" becomes "Frankfurt", "ALMA-ATA" "Alma-Ata" (the same length: offsets stay valid). */
    static String titleCase(String word) {
        StringBuilder b = new StringBuilder(word.length());
        boolean upper = true;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            String s = String.valueOf(c);
            b.append(upper ? s : s.toLowerCase(Locale.ROOT));
            upper = !Character.isLetter(c);
        }
        return b.toString();
    }
}
