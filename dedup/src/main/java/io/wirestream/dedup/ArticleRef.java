package io.wirestream.dedup;

import java.util.Comparator;

/**
 * An article as the original-choosing rule sees it. The natural order is the rule itself: the
 * earlier publication time first, then the lower id (String order), so that every instance picks the
 * same original whatever order the copies arrived in.
 *
 * @param id          the article id, non-blank
 * @param publishedAt publication time in epoch millis (callers use the fetch time when unknown)
 */
public record ArticleRef(String id, long publishedAt) implements Comparable<ArticleRef> {

    /** Earliest publication first, then lowest id. */
    public static final Comparator<ArticleRef> ORIGINAL_FIRST =
            Comparator.comparingLong(ArticleRef::publishedAt).thenComparing(ArticleRef::id);

    public ArticleRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("article id must be non-blank, was " + (id == null ? "null" : "'" + id + "'"));
        }
    }

    @Override
    public int compareTo(ArticleRef other) {
        return ORIGINAL_FIRST.compare(this, other);
    }
}
