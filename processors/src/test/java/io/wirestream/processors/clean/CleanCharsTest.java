package io.wirestream.processors.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scans of {@link CleanChars} give exactly what the regular expressions they replace give. */
class CleanCharsTest {

    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF\\x{E0000}-\\x{E007F}]");
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t\\x0B\\f]+");

    /**
     * Code points on both sides of every range of the two classes, the other space separators, line ends,
     * letters of several scripts, emoji and supplementary letters; lone surrogates are added apart.
     */
    private static final int[] CODE_POINTS = {
            0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0x85, 0x9F,
            0xA0, 0xA1, 0xAC, 0xAD, 0xAE, 0x1680, 0x2000, 0x2005, 0x200A, 0x200B, 0x200F, 0x2010, 0x2028,
            0x2029, 0x2029, 0x202A, 0x202E, 0x202F, 0x205F, 0x2060, 0x2069, 0x206A, 0x3000, 0xFEFE, 0xFEFF,
            0xFF00, 0xDFFFF, 0xE0000, 0xE0001, 0xE0041, 0xE007F, 0xE0080, 0x1F600, 0x1F1E9, 0x20000,
            'a', 'Z', '7', '.', ',', 'é', 'ß', 'ж', 'Ω', 'ع', '中', 'の', 'ก',
    };

    private final SplittableRandom random = new SplittableRandom(20261203L);

    @Test
    void removesWhatTheRegularExpressionRemoves() {
        for (int n = 0; n < 20_000; n++) {
            String text = randomText();
            assertEquals(INVISIBLE.matcher(text).replaceAll(""), CleanChars.removeInvisible(text), () -> escape(text));
        }
    }

    @Test
    void collapsesWhatTheRegularExpressionCollapses() {
        for (int n = 0; n < 20_000; n++) {
            String text = randomText();
            assertEquals(SPACES.matcher(text).replaceAll(" "), CleanChars.collapseSpaces(text), () -> escape(text));
        }
    }

    @Test
    void returnsTheTextItselfWhenNothingChanges() {
        String text = "Nothing to change here, not even\u00a0a no-break space? No: that one is collapsed.";
        assertSame(text, CleanChars.removeInvisible(text));
        String line = "one space between words";
        assertSame(line, CleanChars.collapseSpaces(line));
        assertEquals("", CleanChars.removeInvisible(""));
        assertEquals("", CleanChars.collapseSpaces(""));
    }

    /** Up to 30 code points, mostly letters and spaces, one in four from the list above, some lone surrogates. */
    private String randomText() {
        int length = random.nextInt(31);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(16);
            if (pick < 4) {
                text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
            } else if (pick < 7) {
                text.append(' ');
            } else if (pick == 7) {
                text.append(random.nextBoolean() ? '\uDB40' : '\uDC01');
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
