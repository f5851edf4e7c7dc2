package io.wirestream.enrichment.language;

import java.util.List;

/**
 * The languages Wirestream identifies: the most common languages of online news, as ISO 639-1 codes
 * ({@code nb} is Norwegian Bokmål). Restricting the detector to these makes it both faster and more
 * accurate than letting it choose among every language it knows.
 */
public final class NewsLanguages {

    public static final List<String> CODES = List.of(
            "en", "ru", "uk", "es", "fr", "de", "it", "pt", "nl", "pl",
            "cs", "sk", "ro", "hu", "sv", "da", "nb", "fi", "el", "bg",
            "sr", "hr", "tr", "az", "kk", "ka", "hy", "ar", "fa", "he",
            "hi", "ur", "bn", "zh", "ja", "ko", "vi", "th", "id");

    /** {@link #CODES} as a set. */
    public static final java.util.Set<String> CODES_SET = java.util.Set.copyOf(CODES);

    private NewsLanguages() {
    }
}
