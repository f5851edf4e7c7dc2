package io.wirestream.ingest.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an RSS or Atom feed, as the feed gave it.
 *
 * @param id          the entry's stable identity: its GUID (RSS) or id (Atom), else its link; never blank
 * @param link        the article's URL, or null
 * @param title       the headline, or null
 * @param contentText full content (RSS content:encoded, Atom content) as plain text with paragraphs, or null
 * @param summaryText description (RSS) or summary (Atom) as plain text, or null
 * @param authors     author names, possibly empty
 * @param categories  category names, possibly empty
 * @param publishedAt publication time (else the update time), or null
 */
public record FeedItem(String id, String link, String title, String contentText, String summaryText,
                       List<String> authors, List<String> categories, Instant publishedAt) {
    public FeedItem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a feed item needs a GUID, an id or a link");
        }
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
    }
}
