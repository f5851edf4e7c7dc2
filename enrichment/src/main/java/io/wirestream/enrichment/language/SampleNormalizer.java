package io.wirestream.enrichment.language;

import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The normalisers of OpenNLP's {@code LanguageDetectorFactory} in its order (emoji, URLs and e-mail
 * addresses, Twitter marks, numbers, repeated spaces and letters), each skipped when a scan of the text
 * shows that none of its regular expressions can match it: the result is the text OpenNLP's
 * {@code AggregateCharSequenceNormalizer} of the same five gives, char for char.
 *
 * <p>Each scan looks for what a match cannot do without, so it may answer "maybe" for a text the
 * expressions leave alone (the normaliser then runs, as before), never "no" for one they change:
 * <ul>
 *   <li>emoji: a hyphen or a char from U+D800 up. OpenNLP's class {@code [\uD83C-\uDBFF\uDC00-\uDFFF]} is read by
 *       {@link java.util.regex.Pattern} as the range from U+D83C to U+10FC00 (the middle two escapes form one
 *       supplementary char), a literal hyphen and U+DFFF: it replaces every hyphen, and much more than
 *       emoji, with a space;</li>
 *   <li>URL or address: {@code ://} or {@code @};</li>
 *   <li>Twitter: {@code #} or {@code @}; "rt" before a space or colon; one of {@code : ; x} before one of
 *       {@code - ( ) d o p}; {@code h} or {@code j} before a vowel (letters in either case, ASCII only, as
 *       OpenNLP's expressions are case-insensitive for ASCII only);</li>
 *   <li>numbers: an ASCII digit (its {@code \d} is ASCII only);</li>
 *   <li>shrink: two white-space chars in a row, three chars in a row equal up to case, or any surrogate
 *       (a repeated supplementary char). Skipped, it still trims the text, as OpenNLP's does last.</li>
 * </ul>
 * Tied to OpenNLP 2.5's expressions; {@code SampleNormalizerTest} compares the two on random text rich in
 * these signs.
 */
final class SampleNormalizer implements CharSequenceNormalizer {

    private static final CharSequenceNormalizer EMOJI = EmojiCharSequenceNormalizer.getInstance();
    private static final CharSequenceNormalizer URL = UrlCharSequenceNormalizer.getInstance();
    private static final CharSequenceNormalizer TWITTER = TwitterCharSequenceNormalizer.getInstance();
    private static final CharSequenceNormalizer NUMBER = NumberCharSequenceNormalizer.getInstance();
    private static final CharSequenceNormalizer SHRINK = ShrinkCharSequenceNormalizer.getInstance();

    @Override
    public CharSequence normalize(CharSequence text) {
        CharSequence s = text;
        if (mayHoldEmoji(s)) {
            s = EMOJI.normalize(s);
        }
        if (mayHoldAddress(s)) {
            s = URL.normalize(s);
        }
        if (mayHoldTwitterMarks(s)) {
            s = TWITTER.normalize(s);
        }
        if (holdsAsciiDigit(s)) {
            s = NUMBER.normalize(s);
        }
        return mayShrink(s) ? SHRINK.normalize(s) : s.toString().trim();
    }

    static boolean mayHoldEmoji(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c >= '\uD800') {
                return true;
            }
        }
        return false;
    }

    static boolean mayHoldAddress(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '@' || (c == ':' && i + 2 < s.length() && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/')) {
                return true;
            }
        }
        return false;
    }

    static boolean mayHoldTwitterMarks(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '#' || c == '@') {
                return true;
            }
            if (i + 1 >= n) {
                break;
            }
            char d = s.charAt(i + 1);
            switch (c) {
                case 'r', 'R' -> {
                    if ((d == 't' || d == 'T') && i + 2 < n && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')) {
                        return true;
                    }
                }
                case ':', ';', 'x', 'X' -> {
                    if ("-()dDoOpP".indexOf(d) >= 0) {
                        return true;
                    }
                }
                case 'h', 'H', 'j', 'J' -> {
                    if ("aAeEiIoOuU".indexOf(d) >= 0) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    static boolean holdsAsciiDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static boolean mayShrink(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                return true;
            }
            if (i + 1 < n && space(c) && space(s.charAt(i + 1))) {
                return true;
            }
            if (i + 2 < n && sameUpToCase(c, s.charAt(i + 1)) && sameUpToCase(c, s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** The chars of {@code \s} without Unicode classes. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean sameUpToCase(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b) || Character.toUpperCase(a) == Character.toUpperCase(b);
    }
}
