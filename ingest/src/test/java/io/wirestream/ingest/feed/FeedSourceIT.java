package io.wirestream.ingest.feed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import io.wirestream.ingest.source.IngestService;
import io.wirestream.ingest.source.KafkaPublishedItems;
import io.wirestream.ingest.source.PollOutcome;
import io.wirestream.ingest.source.PublishedItems;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceHealth;
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

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Feed sources against feeds and pages served on loopback, publishing to a real broker. */
@Timeout(90)
class FeedSourceIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    static final String LONG_TEXT = "The harbour authority confirmed on Tuesday that the north pier will close for repairs from January, "
        + "after divers found cracks in three of its supporting piles. Ferries will use the south berth in the meantime, "
        + "and the authority expects the work to take about five months, depending on the weather and on deliveries of steel. "
        + "Shops on the quay have asked for a temporary footpath so that customers can still reach them while the work goes on.";

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
            + "<channel><title>Harbour News</title><link>http://127.0.0.1/</link><description>d</description>"
            + String.join("", items) + "</channel></rss>";
    }

    static String item(String guid, String link, String title, String description, String content) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>" + link + "</link><title>" + title + "</title>"
            + "<category>Harbour</category><author>desk@harbour.example (News Desk)</author>"
            + "<description><![CDATA[" + description + "]]></description>"
            + (content == null ? "" : "<content:encoded><![CDATA[<p>" + content + "</p>]]></content:encoded>") + "</item>";
    }

    static byte[] page(String name) throws Exception {
        try (InputStream in = FeedSourceIT.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    private static IngestConfig config(String prefix, Map<String, String> extra) {
        Map<String, Object> c = new HashMap<>(Map.of("topic.prefix", prefix, "topic.partitions", "1",
            IngestConfig.HTTP_HOST_DELAY_MS, "0", IngestConfig.HTTP_REQUEST_TIMEOUT_MS, "1000",
            IngestConfig.HTTP_ALLOWED_ADDRESSES, "127.0.0.1"));
        c.putAll(extra);
        return new IngestConfig(stack.config(c));
    }

    private static FeedSource feed(String name, java.net.URI url, IngestConfig config, ArticlePublisher publisher,
                                   PublishedItems published, Map<String, String> options) {
        SourceDefinition d = new SourceDefinition(name, SourceKind.FEED, url, null, null, null, options);
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.from(config), new HostPoliteness(Duration.ZERO));
        return new FeedSource(d, fetcher, publisher, published, config.getInt(IngestConfig.ITEM_MAX_ATTEMPTS), Clock.systemUTC());
    }

    private static List<RawArticle> raw(IngestConfig config, int expected) {
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            return TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                    topics.raw().valueSerde().deserializer(), expected, Duration.ofSeconds(30), Duration.ofSeconds(1))
                .stream().map(ConsumerRecord::value).toList();
        }
    }

    private static List<DeadLetter> deadLetters(IngestConfig config, int expected) {
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            return TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(), new StringDeserializer(),
                    topics.deadLetters().valueSerde().deserializer(), expected, Duration.ofSeconds(30), Duration.ofSeconds(1))
                .stream().map(ConsumerRecord::value).toList();
        }
    }

    @Test
    void shouldPublishEachNewItemOnceWithItsFullTextAcrossPollsAndRestarts() throws Exception {
        IngestConfig config = config("feeds1", Map.of());
        AtomicReference<String> feedXml = new AtomicReference<>(rss(
            item("harbour-1", server.uri("/story/pier").toString(), "North pier to close", "Short teaser.", LONG_TEXT),
            item("harbour-2", server.uri("/story/footbridge?utm_source=rss").toString(), "Footbridge approved", "Teaser only.", null)));
        server.route("/feed.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml; charset=utf-8",
            feedXml.get().getBytes(StandardCharsets.UTF_8)));
        server.bytes("/story/footbridge", "text/html; charset=utf-8", page("footbridge.html"));
        server.bytes("/story/market", "text/html", page("div-soup.html"));
        Map<String, String> options = Map.of("min-content-chars", "200");

        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            try (KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30))) {
                FeedSource source = feed("harbour", server.uri("/feed.xml"), config, publisher, published, options);
                assertEquals(new PollOutcome(PollOutcome.Status.OK, 2, 2, 0, 0, null, null), source.poll());
                feedXml.set(rss(
                    item("harbour-3", server.uri("/story/market").toString(), "Market reopens", "Teaser.", null),
                    item("harbour-1", server.uri("/story/pier").toString(), "North pier to close", "Short teaser.", LONG_TEXT),
                    item("harbour-2", server.uri("/story/footbridge?utm_source=rss").toString(), "Footbridge approved", "Teaser only.", null)));
                assertEquals(new PollOutcome(PollOutcome.Status.OK, 3, 1, 2, 0, null, null), source.poll());
            }
            // A restart: the state is read back from the topic, and nothing is published again.
            try (KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30))) {
                FeedSource restarted = feed("harbour", server.uri("/feed.xml"), config, publisher, published, options);
                assertEquals(new PollOutcome(PollOutcome.Status.OK, 3, 0, 3, 0, null, null), restarted.poll());
            }
        }
        assertEquals(1, server.requests("/story/footbridge").size());
        assertEquals(0, server.requests("/story/pier").size());

        Map<String, RawArticle> byTitle = raw(config, 3).stream().collect(Collectors.toMap(RawArticle::getTitle, a -> a));
        assertEquals(Set.of("North pier to close", "Footbridge approved", "Market reopens"), byTitle.keySet());
        RawArticle pier = byTitle.get("North pier to close");
        assertEquals(LONG_TEXT, pier.getBody());
        assertEquals("feed:harbour", pier.getSource());
        assertEquals(server.uri("/story/pier").toString(), pier.getOrigin());
        assertEquals(Map.of("feedTitle", "Harbour News", "feedItemId", "harbour-1", "categories", "Harbour",
            "authors", "desk@harbour.example (News Desk)", "extraction", "feed-content"), pier.getAttributes());

        RawArticle bridge = byTitle.get("Footbridge approved");
        assertEquals(true, bridge.getBody().startsWith("Riverside council voted on Monday evening"), bridge.getBody());
        assertEquals(true, bridge.getBody().endsWith("said the council leader, Priya Nair."), bridge.getBody());
        // The page's rel=canonical is relative, so it resolves against where the page was served.
        assertEquals(server.uri("/2025/11/footbridge").toString(), bridge.getUrl());
        assertEquals("en", bridge.getLanguageHint());
        assertEquals("page", bridge.getAttributes().get("extraction"));
        assertEquals("en-GB", bridge.getAttributes().get("declaredLanguage"));
        assertEquals(Instant.parse("2025-11-03T08:30:00Z"), bridge.getPublishedAt());

        RawArticle market = byTitle.get("Market reopens");
        assertEquals(true, market.getBody().startsWith("Après dix-huit mois de travaux"), market.getBody());
        assertEquals("fr", market.getLanguageHint());
    }

    @Test
    void shouldFailThePollWithAClearReasonAndRecover() throws Exception {
        IngestConfig config = config("feeds2", Map.of(IngestConfig.HTTP_MAX_RESPONSE_BYTES, "65536"));
        AtomicReference<LoopbackServer.Handler> handler = new AtomicReference<>();
        server.route("/feed.xml", ex -> handler.get().handle(ex));
        String good = rss(item("g-1", "http://127.0.0.1/a", "Pier", "d", LONG_TEXT));
        byte[] broken = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Broken<item></channel>".getBytes(StandardCharsets.UTF_8);
        String url = server.uri("/feed.xml").toString();
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30))) {
            FeedSource source = feed("flaky", server.uri("/feed.xml"), config, publisher, published, Map.of());

            handler.set(ex -> LoopbackServer.send(ex, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
            assertEquals(PollOutcome.failed(url + ": HTTP 500"), source.poll());

            handler.set(ex -> LoopbackServer.send(ex, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8)));
            assertEquals(PollOutcome.failed(url + ": HTTP 404"), source.poll());

            handler.set(ex -> LoopbackServer.send(ex, 200, "application/xml", broken));
            PollOutcome brokenOutcome = source.poll();
            assertEquals(PollOutcome.Status.FAILED, brokenOutcome.status());
            assertEquals(true, brokenOutcome.message().startsWith(url + ": malformed XML at line 2, column "), brokenOutcome.message());

            handler.set(ex -> {
                Thread.sleep(2_500);
                LoopbackServer.send(ex, 200, "application/xml", good.getBytes(StandardCharsets.UTF_8));
            });
            assertEquals(PollOutcome.failed(url + ": no complete answer within 1000 ms"), source.poll());

            byte[] huge = new byte[200_000];
            Arrays.fill(huge, (byte) ' ');
            handler.set(ex -> LoopbackServer.send(ex, 200, "application/xml", huge));
            assertEquals(PollOutcome.failed(url + ": response body is larger than the limit of 65536 bytes; stopped reading"), source.poll());

            handler.set(ex -> {
                if ("\"g1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    LoopbackServer.send(ex, 304, null, new byte[0]);
                } else {
                    ex.getResponseHeaders().set("ETag", "\"g1\"");
                    LoopbackServer.send(ex, 200, "application/rss+xml", good.getBytes(StandardCharsets.UTF_8));
                }
            });
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 1, 0, 0, null, null), source.poll());
            assertEquals(PollOutcome.notModified(), source.poll());
        }
        List<DeadLetter> dlq = deadLetters(config, 1);
        assertEquals(1, dlq.size());
        assertEquals(url, dlq.get(0).getOrigin());
        assertEquals(ByteBuffer.wrap(broken), dlq.get(0).getValue());
        assertEquals("io.wirestream.ingest.feed.FeedParseException", dlq.get(0).getErrorClass());
        assertEquals(1, raw(config, 1).size());
    }

    @Test
    void shouldDeadLetterAnItemWhosePageIsGoneAndRetryOneWhosePageFailedTransiently() throws Exception {
        IngestConfig config = config("feeds3", Map.of());
        AtomicInteger flakyCalls = new AtomicInteger();
        server.text("/feed.xml", 200, "application/rss+xml", rss(
            item("x-1", server.uri("/gone").toString(), "Gone story", "Teaser.", null),
            item("x-2", server.uri("/flaky").toString(), "Flaky story", "Teaser.", null)));
        server.route("/flaky", ex -> {
            if (flakyCalls.incrementAndGet() == 1) {
                LoopbackServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                LoopbackServer.send(ex, 200, "text/html; charset=utf-8", page("footbridge.html"));
            }
        });
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30))) {
            FeedSource source = feed("pages", server.uri("/feed.xml"), config, publisher, published, Map.of());
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 2, 0, 0, 2, null, null), source.poll());
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 2, 1, 1, 0, null, null), source.poll());
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 2, 0, 2, 0, null, null), source.poll());
        }
        assertEquals(1, server.requests("/gone").size());
        List<DeadLetter> dlq = deadLetters(config, 1);
        assertEquals(List.of(server.uri("/gone").toString()), dlq.stream().map(DeadLetter::getOrigin).toList());
        assertEquals(true, dlq.get(0).getErrorMessage().startsWith("ItemFailure: page " + server.uri("/gone") + ": HTTP 404"),
            dlq.get(0).getErrorMessage());
        assertEquals(List.of("Flaky story"), raw(config, 1).stream().map(RawArticle::getTitle).toList());
    }

    @Test
    void shouldHonourGzipDeclaredCharsetsAndRobotsTxt() throws Exception {
        IngestConfig config = config("feeds4", Map.of());
        Charset cp1251 = Charset.forName("windows-1251");
        String cyrillic = "Городской совет утвердил смету на строительство моста через реку. " .repeat(8).strip();
        byte[] feed1251 = ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Вести</title><link>http://x/</link>"
            + "<description>d</description><language>ru</language>" + item("ru-1", "http://x.example/most", "Мост через реку", cyrillic, null)
            + "</channel></rss>").getBytes(cp1251);
        server.route("/ru.xml", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "application/rss+xml; charset=windows-1251", LoopbackServer.gzip(feed1251));
        });
        server.text("/robots.txt", 200, "text/plain", "User-agent: wirestream\nDisallow: /private/\n");
        server.text("/private/feed.xml", 200, "application/rss+xml", rss(item("p-1", "http://x.example/p", "P", "d", LONG_TEXT)));
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30))) {
            assertEquals(new PollOutcome(PollOutcome.Status.OK, 1, 1, 0, 0, null, null),
                feed("ru", server.uri("/ru.xml"), config, publisher, published, Map.of("min-content-chars", "100")).poll());
            assertEquals(PollOutcome.failed(server.uri("/private/feed.xml")
                    + ": robots.txt of 127.0.0.1 disallows this URL for agent 'wirestream'"),
                feed("private", server.uri("/private/feed.xml"), config, publisher, published, Map.of()).poll());
        }
        assertEquals(0, server.requests("/private/feed.xml").size());
        RawArticle ru = raw(config, 1).get(0);
        assertEquals("Мост через реку", ru.getTitle());
        assertEquals(cyrillic, ru.getBody());
        assertEquals("ru", ru.getLanguageHint());
    }

    @Test
    void shouldBackOffAfterFailuresRecoverAndReportHealth() throws Exception {
        IngestConfig config = config("feeds5", Map.of(IngestConfig.BACKOFF_INITIAL_MS, "100", IngestConfig.BACKOFF_MAX_MS, "200",
            IngestConfig.POLL_INTERVAL_MS, "300"));
        AtomicInteger calls = new AtomicInteger();
        String good = rss(item("h-1", server.uri("/story").toString(), "Footbridge", "Teaser.", null));
        server.bytes("/story", "text/html", page("footbridge.html"));
        server.route("/feed.xml", ex -> {
            if (calls.incrementAndGet() <= 2) {
                LoopbackServer.send(ex, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
            } else {
                LoopbackServer.send(ex, 200, "application/rss+xml", good.getBytes(StandardCharsets.UTF_8));
            }
        });
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SourceHealth health;
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30));
             IngestService service = new IngestService(config, publisher, published, meters, Clock.systemUTC())) {
            service.start(List.of(SourceDefinition.feed(server.uri("/feed.xml"))));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                Thread.sleep(100);
                health = service.health().get(0);
            } while (health.skipped() < 2 && System.nanoTime() < deadline);
        }
        assertEquals(server.uri("/feed.xml").toString(), health.name());
        assertEquals(1, health.published());
        assertEquals(2, health.pollFailures());
        assertEquals(0, health.consecutiveFailures());
        assertEquals(true, health.lastSuccess() != null);
        assertEquals(true, health.skipped() >= 2);
        assertEquals(1.0, meters.get("wirestream.source.published").tags("source", health.name(), "kind", "feed").counter().count());
        assertEquals(2.0, meters.get("wirestream.source.poll.failures").tag("source", health.name()).counter().count());
        assertEquals(1, raw(config, 1).size());
    }
}
