package io.wirestream.ingest.source;

import io.wirestream.avro.DeadLetter;
import io.wirestream.core.DeadLetters;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.file.FileIngestor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;

/** Sends what a live source could not turn into an article to the dead-letter topic, with its origin and the reason. */
public final class SourceDeadLetters {
    private static final Logger log = LoggerFactory.getLogger(SourceDeadLetters.class);

    private final ArticlePublisher publisher;
    private final Clock clock;

    public SourceDeadLetters(ArticlePublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Dead-letters {@code original} (cut at ingest.max.article.bytes, and under max.request.size, so the record stays publishable). */
    public void send(String link, byte[] original, Throwable reason) {
        String origin = io.wirestream.ingest.Urls.withoutUserInfo(link);
        int max = Math.min(publisher.config().maxArticleBytes(), publisher.maxDeadLetterValueBytes());
        byte[] value = original == null ? null : original.length > max ? Arrays.copyOf(original, max) : original;
        DeadLetter letter = DeadLetters.of(null, value, DeadLetters.Source.outsideKafka(origin), FileIngestor.STAGE, reason,
            publisher.config().getString(IngestConfig.CLIENT_ID), clock.instant());
        publisher.publishDeadLetter(origin, letter).whenComplete((m, e) -> {
            if (e != null) {
                log.error("{}: could not write the dead letter either: {}", origin, e.getMessage());
            }
        });
    }
}
