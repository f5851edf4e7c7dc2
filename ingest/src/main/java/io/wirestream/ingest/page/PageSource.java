package io.wirestream.ingest.page;

import io.wirestream.avro.RawArticle;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.Articles;
import io.wirestream.ingest.http.CacheValidators;
import io.wirestream.ingest.http.FetchException;
import io.wirestream.ingest.http.FetchResult;
import io.wirestream.ingest.http.HttpFetcher;
import io.wirestream.ingest.source.PollOutcome;
import io.wirestream.ingest.source.PolledSource;
import io.wirestream.ingest.source.PublishedItems;
import io.wirestream.ingest.source.SourceDeadLetters;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceOptions;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Polls one article page (a live story, a page without a feed): conditional GET, extraction, and a new
 * article whenever the extracted text differs from every version published before (item key: page URL
 * plus the text). A page with less than {@code min-content-chars} of text fails the poll and is
 * dead-lettered, since that usually means the page changed its layout; so is a page whose declared charset
 * is unknown. The ETag and Last-Modified are kept only once the version read is published (or known), so a
 * 304 never hides a version Kafka did not take. The page's rel=canonical stands only within the site fetched
 * ({@link CanonicalUrls}). Not thread-safe.
 */
public final class PageSource implements PolledSource {
    private final SourceDefinition definition;
    private final HttpFetcher fetcher;
    private final ArticlePublisher publisher;
    private final PublishedItems published;
    private final SourceDeadLetters deadLetters;
    private final Clock clock;
    private final int minChars;
    private CacheValidators validators = CacheValidators.NONE;

    public PageSource(SourceDefinition definition, HttpFetcher fetcher, ArticlePublisher publisher, PublishedItems published,
                      Clock clock) {
        this.definition = definition;
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.published = published;
        this.deadLetters = new SourceDeadLetters(publisher, clock);
        this.clock = clock;
        this.minChars = definition.option(SourceOptions.MIN_CONTENT_CHARS).map(Integer::parseInt).orElse(200);
    }

    @Override
    public SourceDefinition definition() {
        return definition;
    }

    @Override
    public PollOutcome poll() throws InterruptedException {
        FetchResult r;
        try {
            r = fetcher.fetch(definition.url(), validators);
        } catch (FetchException e) {
            return PollOutcome.failed(e.getMessage());
        }
        if (r.notModified()) {
            return PollOutcome.notModified();
        }
        String origin = r.finalUri().toString();
        ExtractedPage page;
        try {
            page = PageExtractor.extract(r.body(), r.declaredCharset(), origin);
        } catch (IllegalArgumentException e) {
            validators = CacheValidators.NONE;
            String reason = origin + ": " + e.getMessage();
            deadLetters.send(origin, r.body(), new IllegalStateException(reason, e));
            return PollOutcome.failed(reason);
        }
        if (page.text().length() < minChars) {
            validators = CacheValidators.NONE;
            String reason = origin + ": only " + page.text().length() + " characters of article text found (min-content-chars=" + minChars + ")";
            deadLetters.send(origin, r.body(), new IllegalStateException(reason));
            return PollOutcome.failed(reason);
        }
        String url = CanonicalUrls.choose(r.finalUri(), page.canonicalUrl());
        String itemKey = url + "\n" + page.text();
        if (published.contains(definition.name(), itemKey)) {
            validators = r.validators();
            return new PollOutcome(PollOutcome.Status.OK, 1, 0, 1, 0, null, null);
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("extraction", "page");
        if (!page.authors().isEmpty()) {
            attributes.put("authors", String.join(", ", page.authors()));
        }
        if (page.language() != null) {
            attributes.put("declaredLanguage", page.language());
        }
        RawArticle article = Articles.create(definition.sourceLabel(), origin, url, page.title(), page.text(), page.publishedAt(),
            clock.instant(), page.languageCode(), attributes);
        try {
            publisher.requirePublishable(article);
            publisher.publish(article).get();
        } catch (ArticlePublisher.UnpublishableArticleException | ExecutionException e) {
            if (e instanceof ArticlePublisher.UnpublishableArticleException || ArticlePublisher.permanent(e)) {
                // This version can never be published: dead-letter it once and remember it, so it is not tried again.
                String reason = origin + ": " + (e instanceof ExecutionException ? ArticlePublisher.permanentReason(e)
                    : e.getMessage());
                deadLetters.send(origin, r.body(), new IllegalStateException(reason, e));
                published.remember(definition.name(), itemKey);
                validators = r.validators();
                return new PollOutcome(PollOutcome.Status.OK, 1, 0, 0, 1, reason, null);
            }
            // No validators: the next poll reads the page in full and tries again.
            validators = CacheValidators.NONE;
            return new PollOutcome(PollOutcome.Status.OK, 1, 0, 0, 1, "Kafka did not accept the article: " + e.getCause().getMessage(), null);
        }
        published.remember(definition.name(), itemKey);
        validators = r.validators();
        return new PollOutcome(PollOutcome.Status.OK, 1, 1, 0, 0, null, null);
    }
}
