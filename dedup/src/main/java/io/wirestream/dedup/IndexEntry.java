package io.wirestream.dedup;

/**
 * One article listed under an index key (canonical URL, text fingerprint or LSH band).
 *
 * @param articleId        the article
 * @param insertedAtSecond event time of the insertion in epoch seconds; entries expire by it
 */
public record IndexEntry(String articleId, long insertedAtSecond) {

    public IndexEntry {
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("index entry needs a non-blank article id, was " + articleId);
        }
        if (insertedAtSecond < 0 || insertedAtSecond > 0xffff_ffffL) {
            throw new IllegalArgumentException("insertion time must fit in unsigned 32-bit epoch seconds, was " + insertedAtSecond);
        }
    }
}
