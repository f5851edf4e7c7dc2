package io.wirestream.ingest.feed;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.http.FetchSettings;
import io.wirestream.ingest.http.HostPoliteness;
import io.wirestream.ingest.http.HttpFetcher;
import io.wirestream.ingest.http.LoopbackServer;
import io.wirestream.ingest.source.InMemoryPublishedItems;
import io.wirestream.ingest.source.PollOutcome;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceKind;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds that try to make ingest do what it must not: fetch internal addresses, hide work behind a 304, claim
 * another site's ids, or send something Kafka refuses for good. Served on loopback, published to a real broker.
 */
@Timeout(90)
class FeedSourceHardeningIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Only 127.0.0.1 is allowed (the feed server); every other loopback address stays refused. */
    private static IngestConfig config(String prefix, Map<String, String> extra) {
        Map<String, Object> c = new HashMap<>(Map.of("topic.prefix", prefix, "topic.partitions", "1",
            IngestConfig.HTTP_HOST_DELAY_MS, "0", IngestConfig.HTTP_REQUEST_TIMEOUT_MS, "2000",
            IngestConfig.HTTP_ALLOWED_ADDRESSES, "127.0.0.1/32"));
        c.putAll(extra);
        return new IngestConfig(stack.config(c));
    }

    private static FeedSource feed(String name, URI url, IngestConfig config, ArticlePublisher publisher) {
        SourceDefinition d = new SourceDefinition(name, SourceKind.FEED, url, null, null, null, Map.of());
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.from(config), new HostPoliteness(Duration.ZERO));
        return new FeedSource(d, fetcher, publisher, new InMemoryPublishedItems(100), config.getInt(IngestConfig.ITEM_MAX_ATTEMPTS),
            Clock.systemUTC());
    }

    private static <V> List<V> read(IngestConfig config, boolean deadLetters, int expected) {
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            @SuppressWarnings("unchecked")
            io.wirestream.core.Topic<String, V> topic = (io.wirestream.core.Topic<String, V>) (deadLetters ? topics.deadLetters() : topics.raw());
            return TopicReader.read(stack.bootstrapServers(), topic.name(), new StringDeserializer(), topic.valueSerde().deserializer(),
                    expected, Duration.ofSeconds(30), Duration.ofSeconds(2))
                .stream().map(ConsumerRecord::value).toList();
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, URI to) throws java.io.IOException {
        ex.getResponseHeaders().set("Location", to.toString());
        LoopbackServer.send(ex, 302, null, new byte[0]);
    }

    @Test
    void shouldNotFollowARedirectToAnAddressThatIsNotAllowedAndDeadLetterTheItem() throws Exception {
        IngestConfig config = config("ssrf", Map.of());
        try (LoopbackServer internal = new LoopbackServer(InetAddress.getByName("127.0.0.2"))) {
            internal.bytes("/admin", "text/html; charset=utf-8", FeedSourceIT.page("footbridge.html"));
            server.route("/story/moved", ex -> redirect(ex, internal.uri("/admin")));
            server.text("/feed.xml", 200, "application/rss+xml", FeedSourceIT.rss(
                FeedSourceIT.item("moved-1", server.uri("/story/moved").toString(), "Moved story", "Teaser.", null)));
            try (ArticlePublisher publisher = new ArticlePublisher(config)) {
                FeedSource source = feed("ssrf", server.uri("/feed.xml"), config, publisher);
                assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 0, 0, 1, null, null), source.poll());
                assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 0, 1, 0, null, null), source.poll());
            }
            assertEquals(List.of(), internal.requests().stream().map(LoopbackServer.Seen::path).toList());
        }
        List<DeadLetter> dlq = read(config, true, 1);
        assertEquals(List.of(server.uri("/story/moved").toString()), dlq.stream().map(DeadLetter::getOrigin).toList());
        String reason = dlq.get(0).getErrorMessage();
        assertTrue(reason.contains("127.0.0.2") && reason.contains("not a public address"), reason);
    }

    @Test
    void shouldNotStoreTheFeedValidatorsWhileAnItemStillWaitsForARetry() throws Exception {
        IngestConfig config = config("not-modified", Map.of());
        AtomicInteger pageCalls = new AtomicInteger();
        String feedXml = FeedSourceIT.rss(FeedSourceIT.item("slow-1", server.uri("/story/slow").toString(), "Slow story", "Teaser.", null));
        server.route("/feed.xml", ex -> {
            if ("\"e1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LoopbackServer.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"e1\"");
                LoopbackServer.send(ex, 200, "application/rss+xml", feedXml.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.route("/story/slow", ex -> {
            if (pageCalls.incrementAndGet() == 1) {
                LoopbackServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                LoopbackServer.send(ex, 200, "text/html; charset=utf-8", FeedSourceIT.page("footbridge.html"));
            }
        });
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            FeedSource source = feed("not-modified", server.uri("/feed.xml"), config, publisher);
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 0, 0, 1, null, null), source.poll());
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 1, 0, 0, null, null), source.poll());
            // Everything of that response is settled now: the validators are kept and the server may answer 304.
            assertEquals(PollOutcome.notModified(), source.poll());
        }
        assertEquals(List.of("Slow story"), FeedSourceHardeningIT.<RawArticle>read(config, false, 1).stream().map(RawArticle::getTitle).toList());
    }

    @Test
    void shouldDeadLetterAPageWithABogusCharsetAndPublishTheOtherItems() throws Exception {
        IngestConfig config = config("bogus-charset", Map.of());
        server.bytes("/story/bogus", "text/html; charset=x-no-such-charset", FeedSourceIT.page("footbridge.html"));
        server.bytes("/story/good", "text/html; charset=utf-8", FeedSourceIT.page("footbridge.html"));
        server.text("/feed.xml", 200, "application/rss+xml", FeedSourceIT.rss(
            FeedSourceIT.item("good-1", server.uri("/story/good").toString(), "Good story", "Teaser.", null),
            FeedSourceIT.item("bogus-1", server.uri("/story/bogus").toString(), "Bogus story", "Teaser.", null)));
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            FeedSource source = feed("bogus", server.uri("/feed.xml"), config, publisher);
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 2, 1, 0, 1, null, null), source.poll());
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 2, 0, 2, 0, null, null), source.poll());
        }
        List<DeadLetter> dlq = read(config, true, 1);
        assertEquals(List.of(server.uri("/story/bogus").toString()), dlq.stream().map(DeadLetter::getOrigin).toList());
        assertTrue(dlq.get(0).getErrorMessage().contains("x-no-such-charset"), dlq.get(0).getErrorMessage());
        assertEquals(List.of("Good story"), FeedSourceHardeningIT.<RawArticle>read(config, false, 1).stream().map(RawArticle::getTitle).toList());
    }

    @Test
    void shouldKeepTheFetchedUrlWhenTheCanonicalLinkPointsToAnotherSite() throws Exception {
        IngestConfig config = config("canonical", Map.of());
        String page = new String(FeedSourceIT.page("footbridge.html"), StandardCharsets.UTF_8)
            .replaceAll("<link rel=\"canonical\"[^>]*>", "<link rel=\"canonical\" href=\"https://www.other-paper.example/their-story\">");
        assertTrue(page.contains("other-paper.example"), "the sample page has a rel=canonical to replace");
        server.bytes("/story/claimed", "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        server.text("/feed.xml", 200, "application/rss+xml", FeedSourceIT.rss(
            FeedSourceIT.item("claim-1", server.uri("/story/claimed").toString(), "Claimed story", "Teaser.", null)));
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 1, 0, 0, null, null),
                feed("canonical", server.uri("/feed.xml"), config, publisher).poll());
        }
        RawArticle article = FeedSourceHardeningIT.<RawArticle>read(config, false, 1).get(0);
        assertEquals(server.uri("/story/claimed").toString(), article.getUrl());
    }

    @Test
    void shouldDeadLetterAnItemKafkaCannotTakeOnceInsteadOfRetryingItForEver() throws Exception {
        IngestConfig config = config("too-large", Map.of());
        String huge = "The harbour board met again. ".repeat(40_000);
        server.text("/feed.xml", 200, "application/rss+xml", FeedSourceIT.rss(
            FeedSourceIT.item("huge-1", server.uri("/story/huge").toString(), "Huge story", "Teaser.", huge)));
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            FeedSource source = feed("huge", server.uri("/feed.xml"), config, publisher);
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 0, 0, 1, null, null), source.poll());
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 0, 1, 0, null, null), source.poll());
        }
        List<DeadLetter> dlq = read(config, true, 1);
        assertEquals(List.of(server.uri("/story/huge").toString()), dlq.stream().map(DeadLetter::getOrigin).toList());
        assertTrue(dlq.get(0).getErrorMessage().contains("ingest.max.article.bytes=921600"), dlq.get(0).getErrorMessage());
    }
}
