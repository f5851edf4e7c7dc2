package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.MinHashSignature;
import java.util.List;
import java.util.Objects;

/**
 * One article's part of a {@link ProbeBatch}: file the article under each key and name the articles filed there
 * before.
 *
 * @param articleId   the probing article
 * @param indexKeys   the keys of the group in the {@link io.wirestream.dedup.IndexCodec} layout, at least one, all
 *                    living on one partition ({@link IndexRouting})
 * @param sketch      the article's MinHash values, or null when it has no text
 * @param publishedAt its publication time in epoch millis (fetch time when unknown); null only in probes written
 *                    before the stage's probes carried it, whose checks then hand nothing over
 * @param eventTime   the article's event time, by which its index entries expire
 */
public record Probe(String articleId, List<byte[]> indexKeys, MinHashSignature sketch, Long publishedAt, long eventTime) {

    public Probe {
        Objects.requireNonNull(articleId, "articleId");
        indexKeys = List.copyOf(indexKeys);
        if (indexKeys.isEmpty()) {
            throw new IllegalArgumentException("a probe of article " + articleId + " needs at least one index key");
        }
    }
}
