package io.wirestream.enrichment.text;

/**
 * Whether a character is of the Latin or the Cyrillic script, exactly as {@link Character.UnicodeScript#of}
 * says, without its binary search for the characters of the Basic Multilingual Plane: the answers for
 * those are read once into a table (64 KB). The linker asks for every word of every text.
 */
public final class Scripts {

    private static final byte OTHER = 0;
    private static final byte LATIN = 1;
    private static final byte CYRILLIC = 2;
    private static final byte[] BMP = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            BMP[c] = s == Character.UnicodeScript.LATIN ? LATIN : s == Character.UnicodeScript.CYRILLIC ? CYRILLIC : OTHER;
        }
    }

    private Scripts() {
    }

    private static byte of(int codePoint) {
        if (codePoint <= Character.MAX_VALUE) {
            return BMP[codePoint];
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
        return s == Character.UnicodeScript.LATIN ? LATIN : s == Character.UnicodeScript.CYRILLIC ? CYRILLIC : OTHER;
    }

    /** {@code Character.UnicodeScript.of(codePoint) == CYRILLIC}. */
    public static boolean cyrillic(int codePoint) {
        return of(codePoint) == CYRILLIC;
    }

    /** {@code Character.UnicodeScript.of(codePoint) == LATIN}. */
    public static boolean latin(int codePoint) {
        return of(codePoint) == LATIN;
    }
}
