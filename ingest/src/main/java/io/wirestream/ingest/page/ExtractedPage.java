package io.wirestream.ingest.page;

import java.time.Instant;
import java.util.List;

/**
 * What {@link PageExtractor} found in an article page.
 *
 * @param title        og:title, else the title element, else the first h1; or null
 * @param text         the article text, paragraphs separated by a blank line; empty if none was found
 * @param authors      author names from the page's metadata, possibly empty
 * @param publishedAt  declared publication time, or null
 * @param canonicalUrl link rel=canonical, else og:url (absolute); or null
 * @param language     the declared language tag of the html element as written (e.g. en-GB), or null
 */
public record ExtractedPage(String title, String text, List<String> authors, Instant publishedAt, String canonicalUrl,
                            String language) {
    public ExtractedPage {
        authors = List.copyOf(authors);
        text = text == null ? "" : text;
    }

    /** The ISO 639-1 primary subtag of the declared language ({@code en} for {@code en-GB}), or null. */
    public String languageCode() {
        if (language == null) {
            return null;
        }
        String primary = language.split("[-_]", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
