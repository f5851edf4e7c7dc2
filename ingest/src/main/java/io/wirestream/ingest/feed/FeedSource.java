package io.wirestream.ingest.feed;

import io.wirestream.avro.RawArticle;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.Articles;
import io.wirestream.ingest.http.CacheValidators;
import io.wirestream.ingest.http.FetchException;
import io.wirestream.ingest.http.FetchResult;
import io.wirestream.ingest.http.HttpFetcher;
import io.wirestream.ingest.page.CanonicalUrls;
import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.source.ItemFailure;
import io.wirestream.ingest.source.PollOutcome;
import io.wirestream.ingest.source.PolledSource;
import io.wirestream.ingest.source.PublishedItems;
import io.wirestream.ingest.source.SourceDeadLetters;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceOptions;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Polls one RSS or Atom feed. Each poll: conditional GET of the feed; parse; for every item not published
 * before (by GUID/id, else link), build the article from the item's full content when it has at least
 * {@code min-content-chars} of text, else fetch the item's page and extract the article from it; publish;
 * remember the item once Kafka acknowledged it. Items go out oldest first.
 *
 * <p>Failure policy: a feed that cannot be fetched fails the poll (the service backs off); a feed that
 * cannot be parsed fails the poll and is dead-lettered with its bytes. An item whose page fails for good
 * (4xx, robots.txt, too large, no article text) is dead-lettered and not tried again; one whose page fails
 * transiently (timeout, 5xx) is tried again in the next polls, up to {@code ingest.item.max.attempts} polls,
 * then dead-lettered. A page whose declared charset is unknown fails its item for good. The feed's ETag and
 * Last-Modified are kept for the next conditional GET only when every item of the answer was settled, so a
 * 304 never hides an item still waiting for a retry. An item page's rel=canonical stands for the article's
 * URL (and so its id) only within the site fetched ({@link CanonicalUrls}). Not thread-safe: the service
 * never polls one source twice at a time.
 */
public final class FeedSource implements PolledSource {
    private static final Logger log = LoggerFactory.getLogger(FeedSource.class);
    private static final int MAX_TRACKED_ATTEMPTS = 10_000;

    private final SourceDefinition definition;
    private final HttpFetcher fetcher;
    private final ArticlePublisher publisher;
    private final PublishedItems published;
    private final SourceDeadLetters deadLetters;
    private final Clock clock;
    private final int minContentChars;
    private final boolean fetchPages;
    private final int maxItemAttempts;
    private final Map<String, Integer> attempts = new LinkedHashMap<>();
    private CacheValidators validators = CacheValidators.NONE;

    public FeedSource(SourceDefinition definition, HttpFetcher fetcher, ArticlePublisher publisher, PublishedItems published,
                      int maxItemAttempts, Clock clock) {
        this.definition = definition;
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.published = published;
        this.deadLetters = new SourceDeadLetters(publisher, clock);
        this.clock = clock;
        this.minContentChars = SourceOptions.minContentChars(definition);
        this.fetchPages = SourceOptions.fetchPages(definition);
        this.maxItemAttempts = maxItemAttempts;
    }

    @Override
    public SourceDefinition definition() {
        return definition;
    }

    @Override
    public PollOutcome poll() throws InterruptedException {
        URI url = definition.url();
        FetchResult result;
        try {
            result = fetcher.fetch(url, validators);
        } catch (FetchException e) {
            return PollOutcome.failed(e.getMessage());
        }
        if (result.notModified()) {
            return PollOutcome.notModified();
        }
        ParsedFeed feed;
        try {
            feed = FeedParser.parse(result.body(), result.declaredCharset());
        } catch (FeedParseException e) {
            // Read the feed in full next time even if the server says it did not change.
            validators = CacheValidators.NONE;
            deadLetters.send(url.toString(), result.body(), e);
            return PollOutcome.failed(url + ": " + e.getMessage());
        }
        String key = definition.name();
        // The validators of this answer are kept only once every item of it is settled (published, dead-lettered
        // or given up): otherwise the server's next 304 would hide the items still waiting for a retry.
        boolean settled = true;
        int skipped = 0;
        int failed = 0;
        List<FeedItem> items = new ArrayList<>(feed.items());
        java.util.Collections.reverse(items);
        Map<FeedItem, CompletableFuture<RecordMetadata>> sends = new LinkedHashMap<>();
        for (FeedItem item : items) {
            if (published.contains(key, item.id())) {
                skipped++;
                continue;
            }
            String origin = item.link() == null ? item.id() : item.link();
            try {
                RawArticle article = article(feed, item, result.finalUri());
                try {
                    publisher.requirePublishable(article);
                } catch (ArticlePublisher.UnpublishableArticleException e) {
                    throw new ItemFailure(e.getMessage(), false, article.getBody().getBytes(StandardCharsets.UTF_8), e);
                }
                sends.put(item, publisher.publish(article));
            } catch (ItemFailure f) {
                failed++;
                int tries = attempts.merge(item.id(), 1, Integer::sum);
                if (f.transientFailure() && tries < maxItemAttempts) {
                    settled = false;
                    log.warn("source={} item={} failed (attempt {} of {}, retried next poll): {}",
                        key, origin, tries, maxItemAttempts, f.getMessage());
                } else {
                    log.warn("source={} item={} failed, dead-lettered: {}", key, origin, f.getMessage());
                    deadLetters.send(origin, f.original(), f);
                    published.remember(key, item.id());
                    attempts.remove(item.id());
                }
                trimAttempts();
            }
        }
        int ok = 0;
        for (Map.Entry<FeedItem, CompletableFuture<RecordMetadata>> s : sends.entrySet()) {
            try {
                s.getValue().get();
                published.remember(key, s.getKey().id());
                attempts.remove(s.getKey().id());
                ok++;
            } catch (ExecutionException e) {
                failed++;
                FeedItem item = s.getKey();
                if (ArticlePublisher.permanent(e)) {
                    String origin = item.link() == null ? item.id() : item.link();
                    log.warn("source={} item={}: Kafka refuses the article for good, dead-lettered: {}", key, origin, e.getCause().getMessage());
                    deadLetters.send(origin, item.id().getBytes(StandardCharsets.UTF_8),
                        new ItemFailure(ArticlePublisher.permanentReason(e), false, null, e.getCause()));
                    published.remember(key, item.id());
                    attempts.remove(item.id());
                } else {
                    settled = false;
                    log.error("source={} item={}: Kafka did not accept the article: {}", key, item.id(), e.getCause().getMessage());
                }
            }
        }
        validators = settled ? result.validators() : CacheValidators.NONE;
        return new PollOutcome(PollOutcome.Status.OK, feed.items().size(), ok, skipped, failed, null, null);
    }

    private void trimAttempts() {
        while (attempts.size() > MAX_TRACKED_ATTEMPTS) {
            attempts.remove(attempts.keySet().iterator().next());
        }
    }

    private RawArticle article(ParsedFeed feed, FeedItem item, URI feedUri) throws ItemFailure, InterruptedException {
        Map<String, String> attributes = new HashMap<>();
        if (feed.title() != null) {
            attributes.put("feedTitle", feed.title());
        }
        attributes.put("feedItemId", item.id());
        if (!item.categories().isEmpty()) {
            attributes.put("categories", String.join(", ", item.categories()));
        }
        if (!item.authors().isEmpty()) {
            attributes.put("authors", String.join(", ", item.authors()));
        }
        String origin = item.link() == null ? item.id() : item.link();
        String language = feed.languageCode();
        String content = longer(item.contentText(), item.summaryText());
        if (content != null && content.length() >= minContentChars) {
            attributes.put("extraction", "feed-content");
            return Articles.create(definition.sourceLabel(), origin, item.link(), item.title(), content, item.publishedAt(),
                clock.instant(), language, attributes);
        }
        if (!fetchPages || item.link() == null) {
            if (content == null) {
                throw new ItemFailure("the item has no text and " + (item.link() == null ? "no link" : "page fetching is off"),
                    false, item.id().getBytes(StandardCharsets.UTF_8), null);
            }
            attributes.put("extraction", "feed-summary");
            return Articles.create(definition.sourceLabel(), origin, item.link(), item.title(), content, item.publishedAt(),
                clock.instant(), language, attributes);
        }
        URI page;
        try {
            page = feedUri.resolve(new URI(item.link().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ItemFailure("item link '" + item.link() + "' is not a URL", false, null, e);
        }
        FetchResult r;
        try {
            r = fetcher.fetch(page, CacheValidators.NONE);
        } catch (FetchException e) {
            throw new ItemFailure("page " + e.getMessage(), e.kind().transientFailure(), null, e);
        }
        ExtractedPage extracted;
        try {
            extracted = PageExtractor.extract(r.body(), r.declaredCharset(), r.finalUri().toString());
        } catch (IllegalArgumentException e) {
            throw new ItemFailure("page " + r.finalUri() + ": " + e.getMessage(), false, r.body(), e);
        }
        // The page has to give more than the feed did; otherwise extraction did not find the article.
        if (extracted.text().isBlank() || content != null && extracted.text().length() <= content.length()) {
            throw new ItemFailure("no article text found on the page " + r.finalUri(), false, r.body(), null);
        }
        attributes.put("extraction", "page");
        if (!extracted.authors().isEmpty()) {
            attributes.putIfAbsent("authors", String.join(", ", extracted.authors()));
        }
        if (extracted.language() != null) {
            attributes.put("declaredLanguage", extracted.language());
        }
        String url = CanonicalUrls.choose(r.finalUri(), extracted.canonicalUrl());
        return Articles.create(definition.sourceLabel(), origin, url,
            item.title() != null ? item.title() : extracted.title(), extracted.text(),
            item.publishedAt() != null ? item.publishedAt() : extracted.publishedAt(), clock.instant(),
            Optional.ofNullable(extracted.languageCode()).orElse(language), attributes);
    }

    private static String longer(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.length() >= b.length() ? a : b;
    }
}
