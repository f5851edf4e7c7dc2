package io.wirestream.enrichment.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed split of every evaluation set: a document whose number (the trailing digits of its id,
 * {@code ner_ru_0042} is 42) is even belongs to the tuning half ({@code dev}), odd to the held-out half
 * ({@code test}). Rules and parameters are chosen on dev; test is the figure that counts.
 */
public enum Split {
    DEV, TEST, ALL;

    private static final Pattern TRAILING_DIGITS = Pattern.compile("(\\d+)$");

    /** Whether the document {@code id} is in this half; an id without trailing digits is in {@link #ALL} only. */
    public boolean contains(String id) {
        if (this == ALL) {
            return true;
        }
        Matcher m = TRAILING_DIGITS.matcher(id);
        if (!m.find()) {
            return false;
        }
        boolean even = (m.group(1).charAt(m.group(1).length() - 1) - '0') % 2 == 0;
        return this == DEV ? even : !even;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
