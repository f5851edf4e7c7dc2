package io.wirestream.processors.clean;

/**
 * The two character-level steps of {@link TextCleaner}, written as scans: removing invisible characters
 * and collapsing runs of spaces. They give exactly what the regular expressions in their comments give
 * (checked against them in the tests), without a regular-expression engine testing every character
 * against a union of classes, and return the input itself when there is nothing to change, which is the
 * usual case for the first. Both read the text by code point, as the regular expressions do: a surrogate
 * pair is one character, a lone surrogate is one character of its own.
 */
final class CleanChars {

    private CleanChars() {
    }

    /**
     * Removes C0/C1 controls except tab, line feed, vertical tab, form feed and carriage return; zero-width
     * characters, bidi marks and isolates; the soft hyphen; the byte order mark; the tag characters. Same as
     * {@code replaceAll("[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF\\x{E0000}-\\x{E007F}]", "")}.
     */
    static String removeInvisible(String text) {
        int first = 0;
        while (first < text.length() && !isInvisible(text.codePointAt(first))) {
            first += Character.charCount(text.codePointAt(first));
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!isInvisible(cp)) {
                out.append(text, i, next);
            }
            i = next;
        }
        return out.toString();
    }

    private static boolean isInvisible(int cp) {
        if (cp < 0xA0) {
            return cp <= 0x08 || (cp >= 0x0E && cp <= 0x1F) || cp >= 0x7F;
        }
        return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    /**
     * Replaces every run of space separators (Unicode category Zs), tabs, vertical tabs and form feeds by
     * one space. Same as {@code replaceAll("[\\p{Zs}\\t\\x0B\\f]+", " ")}.
     */
    static String collapseSpaces(String line) {
        int first = 0;
        while (first < line.length()) {
            int cp = line.codePointAt(first);
            if (isSpace(cp) && (cp != ' ' || (first + 1 < line.length() && isSpace(line.codePointAt(first + 1))))) {
                break;
            }
            first += Character.charCount(cp);
        }
        if (first == line.length()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length()).append(line, 0, first);
        boolean inRun = false;
        for (int i = first; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSpace(cp)) {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(line, i, next);
                inRun = false;
            }
            i = next;
        }
        return out.toString();
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == 0x0B || cp == '\f'
                || (cp > 0x7F && Character.getType(cp) == Character.SPACE_SEPARATOR);
    }
}
