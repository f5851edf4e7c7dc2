package io.wirestream.dedup;

import java.util.Optional;

/**
 * What the index keeps per article under its id: enough to verify a candidate pair and to apply
 * the original-choosing rule without the article itself.
 *
 * @param ref              the article (id and publication time)
 * @param insertedAtSecond event time of the insertion in epoch seconds; the record expires by it
 * @param minHash          the sketch, or null when the article had no text
 * @param original         the article this one was found to copy, or null when it is unique or original
 */
public record StoredSignature(ArticleRef ref, long insertedAtSecond, MinHashSignature minHash, ArticleRef original) {

    public StoredSignature {
        if (ref == null) {
            throw new IllegalArgumentException("stored signature needs an article ref");
        }
        if (original != null && original.id().equals(ref.id())) {
            throw new IllegalArgumentException("article " + ref.id() + " cannot be a copy of itself");
        }
    }

    public Optional<MinHashSignature> sketch() {
        return Optional.ofNullable(minHash);
    }

    public Optional<ArticleRef> originalRef() {
        return Optional.ofNullable(original);
    }

    public StoredSignature withOriginal(ArticleRef newOriginal) {
        return new StoredSignature(ref, insertedAtSecond, minHash, newOriginal);
    }
}
