package io.wirestream.dedup;

/**
 * Evidence that an article and an indexed candidate are copies of one story.
 *
 * @param candidate  the indexed article
 * @param kind       how the pair was recognised
 * @param similarity estimated Jaccard similarity of the bodies, 0..1 (1.0 for exact matches)
 */
public record Match(ArticleRef candidate, MatchKind kind, double similarity) {

    public Match {
        if (candidate == null || kind == null) {
            throw new IllegalArgumentException("a match needs a candidate and a kind, got " + candidate + " and " + kind);
        }
        if (!(similarity >= 0.0 && similarity <= 1.0)) {
            throw new IllegalArgumentException("similarity must be in [0, 1], was " + similarity);
        }
    }
}
