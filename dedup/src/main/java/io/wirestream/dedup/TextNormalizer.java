package io.wirestream.dedup;

import com.ibm.icu.text.Normalizer2;

/**
 * Normalises text for fingerprinting: Unicode NFKC with full case folding (ICU's
 * {@code NFKC_Casefold}, so {@code ß}/{@code ss}, ligatures, full-width forms and typographic
 * variants compare equal), then every run of characters that are not letters, digits or combining
 * marks becomes one space. The result has no leading or trailing space.
 *
 * <p>Two texts that differ only in case, punctuation, quotes, dashes, non-breaking spaces or line
 * breaks normalise to the same string. Thread-safe.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    /** @return the normalised text; empty for null or text without letters or digits */
    public String normalize(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = NFKC_CASEFOLD.normalize(text);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
