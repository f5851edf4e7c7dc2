package io.wirestream.dedup;

import com.ibm.icu.lang.UScript;

/**
 * The scripts written without spaces between words, whose runs {@link Shingler} cuts into words by
 * dictionary: Han, Hiragana, Katakana, Thai, Lao, Khmer and Myanmar, as ICU's {@code UScript.getScript}
 * assigns them. The answer for each of the 65,536 UTF-16 code units is taken from ICU once, at class initialisation, into a bit table of 8 KB, so a lookup is exact for the
 * ICU version on the class path and costs an array read; code points above the BMP ask ICU directly.
 */
final class UnspacedScripts {

    private static final long[] BMP = new long[(Character.MAX_VALUE + 1) / 64];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (isUnspaced(UScript.getScript(c))) {
                BMP[c >>> 6] |= 1L << c;
            }
        }
    }

    private UnspacedScripts() {
    }

    /** @return whether code point {@code cp} belongs to a script written without spaces */
    static boolean contains(int cp) {
        return cp <= Character.MAX_VALUE ? containsBmp((char) cp) : isUnspaced(UScript.getScript(cp));
    }

    /** @return whether UTF-16 code unit {@code c}, read as a code point, belongs to such a script */
    static boolean containsBmp(char c) {
        return (BMP[c >>> 6] & (1L << c)) != 0;
    }

    private static boolean isUnspaced(int script) {
        return switch (script) {
            case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.THAI, UScript.LAO, UScript.KHMER,
                    UScript.MYANMAR -> true;
            default -> false;
        };
    }
}
