package io.wirestream.processors.dedup;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.dedup.coordinator.Decision;
import io.wirestream.dedup.coordinator.Notice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parked article and its outcome: an article waits inside its batch's record as the bytes it would have on
 * {@code news.enriched} (with its registry schema id, so a record written before an upgrade of the article schema
 * is still read), and leaves with its verdict: passed on with its status (UNIQUE, ORIGINAL, NOT_CHECKED) or
 * replaced by its notice (COPY), with the notices that re-point copies passed on before (a late original).
 */
final class Releases {

    private static final Logger LOG = LoggerFactory.getLogger(Releases.class);

    private final String topic;
    private final Serializer<EnrichedArticle> serializer;
    private final Deserializer<EnrichedArticle> deserializer;

    /** @param topic the topic whose registry subject the parked bytes are written under ({@code news.enriched}) */
    Releases(String topic, Serializer<EnrichedArticle> serializer, Deserializer<EnrichedArticle> deserializer) {
        this.topic = topic;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    byte[] park(EnrichedArticle article) {
        return serializer.serialize(topic, article);
    }

    /** @return the outcome, or null when the decision carries no article (it was not parked: logged) */
    DedupOutcome outcome(Decision decision) {
        if (decision.payload() == null) {
            LOG.warn("article {} has its deduplication verdict ({}) but is no longer parked: dropped", decision.articleId(), decision.status());
            return null;
        }
        EnrichedArticle article = deserializer.deserialize(topic, decision.payload());
        if (decision.status() == Decision.Status.NOT_CHECKED) {
            LOG.warn("article {}: {}", decision.articleId(), decision.reason());
        }
        Instant now = Instant.now();
        List<DuplicateNotice> notices = new ArrayList<>(decision.notices().size());
        for (Notice n : decision.notices()) {
            notices.add(DedupMessages.toAvro(n, article.getOrigin(), article.getTitle(), now));
        }
        EnrichedArticle passed = !decision.passesOn() ? null : EnrichedArticle.newBuilder(article)
                .setDedup(DedupVerdict.newBuilder(article.getDedup()).setStatus(DedupStatus.valueOf(decision.status().name()))
                        .setReason(decision.reason()).build())
                .build();
        return new DedupOutcome(passed, notices);
    }
}
