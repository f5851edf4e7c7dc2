package io.wirestream.enrichment.language;

import java.util.Objects;

/**
 * The language of a text: an ISO 639-1 code, or {@value #UNDETERMINED} when the text is too short
 * or too mixed to call, with a confidence in [0, 1].
 */
public record LanguageGuess(String code, double confidence) {

    /** ISO 639-2 code for "undetermined", used when no language can be called. */
    public static final String UNDETERMINED = "und";

    public LanguageGuess {
        Objects.requireNonNull(code, "code must not be null");
        if (!code.equals(UNDETERMINED) && !code.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("code must be an ISO 639-1 code (two lower-case letters) or 'und', was '" + code + "'");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }

    public static LanguageGuess undetermined(double confidence) {
        return new LanguageGuess(UNDETERMINED, confidence);
    }

    public boolean isDetermined() {
        return !code.equals(UNDETERMINED);
    }
}
