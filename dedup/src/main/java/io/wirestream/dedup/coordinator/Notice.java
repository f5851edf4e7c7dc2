package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.MatchKind;
import java.util.Objects;

/**
 * A link from a copy to its original, to be published (keyed by the copy's id; the latest one per copy is
 * authoritative).
 *
 * @param copyId       the copy
 * @param originalId   its original (the copy itself for a re-delivery of the same id)
 * @param kind         how the pair was recognised
 * @param similarity   estimated Jaccard similarity, 1.0 for exact matches
 * @param aboutArrival whether the copy is the article just decided on (its origin and headline are at hand),
 *                     as opposed to an article passed on before and now re-pointed by a late original
 */
public record Notice(String copyId, String originalId, MatchKind kind, double similarity, boolean aboutArrival) {

    public Notice {
        Objects.requireNonNull(copyId, "copyId");
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(kind, "kind");
    }
}
