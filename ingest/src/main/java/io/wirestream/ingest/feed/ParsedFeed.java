package io.wirestream.ingest.feed;

import java.util.List;
import java.util.Locale;

/**
 * A parsed feed.
 *
 * @param title    the feed's title, or null
 * @param type     the feed type as ROME names it (rss_2.0, atom_1.0, ...)
 * @param language the feed's declared language (RSS language, Atom xml:lang), or null
 * @param items    the items in feed order
 */
public record ParsedFeed(String title, String type, String language, List<FeedItem> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }

    /** The ISO 639-1 primary subtag of the declared language ({@code en} for {@code en-us}), or null. */
    public String languageCode() {
        if (language == null) {
            return null;
        }
        String primary = language.split("[-_]", 2)[0].strip().toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
