package io.wirestream.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.TopicNames;
import io.wirestream.core.Topics;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code wirestream ingest --sources FILE} in process, against a feed and an article page served on loopback:
 * each item is published once with its full text, a broken source does not stop the others, and a restart
 * publishes nothing again.
 */
@Timeout(180)
class IngestCommandIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    static final String FULL = "The harbour authority confirmed on Tuesday that the north pier will close for repairs from January, "
        + "after divers found cracks in three of its supporting piles. Ferries will use the south berth in the meantime, and the "
        + "authority expects the work to take about five months, depending on the weather and on deliveries of steel. Shops on "
        + "the quay have asked for a temporary footpath so that customers can still reach them while the work goes on.";
    static final String PAGE = "<html lang=\"en\"><head><title>Market hall reopens | Harbour News</title></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
        + "<article><h1>Market hall reopens</h1>"
        + "<p>After eighteen months of building work, the covered market on Carnot Square reopened on Saturday morning.</p>"
        + "<p>Forty-two stalls, six of them new, host growers, cheesemongers and fishmongers, and a tasting hall fills the old storeroom.</p>"
        + "</article><footer><p>Copyright Harbour News. All rights reserved, no reproduction without permission.</p></footer></body></html>";

    static HttpServer server;
    static final AtomicInteger feedRequests = new AtomicInteger();

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
            + "<channel><title>Harbour News</title><link>" + base + "/</link><description>d</description>"
            + "<item><guid>hn-1</guid><link>" + base + "/pier</link><title>North pier to close</title><description>Teaser.</description>"
            + "<content:encoded><![CDATA[<p>" + FULL + "</p>]]></content:encoded></item>"
            + "<item><guid>hn-2</guid><link>" + base + "/market</link><title>Market hall reopens</title><description>Teaser.</description></item>"
            + "</channel></rss>";
        server.createContext("/", exchange -> {
            try (exchange) {
                switch (exchange.getRequestURI().getPath()) {
                    case "/feed.xml" -> {
                        feedRequests.incrementAndGet();
                        send(exchange, 200, "application/rss+xml; charset=utf-8", feed);
                    }
                    case "/market" -> send(exchange, 200, "text/html; charset=utf-8", PAGE);
                    case "/broken.xml" -> send(exchange, 200, "application/xml", "<rss><channel><title>cut off");
                    default -> send(exchange, 404, "text/plain", "not found");
                }
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs the command on its own thread until {@code until} returns, then interrupts it as a stop signal would. */
    private static Result runUntil(String[] args, Runnable until) throws Exception {
        return runUntil(args, out -> until.run());
    }

    /** As above; {@code until} can read what the command has printed so far. */
    private static Result runUntil(String[] args, java.util.function.Consumer<StringWriter> until) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Thread command = new Thread(() -> exit[0] = Wirestream.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
        command.start();
        try {
            until.accept(out);
        } finally {
            command.interrupt();
            command.join(Duration.ofSeconds(60).toMillis());
        }
        assertEquals(false, command.isAlive(), "the service did not stop: " + err);
        return new Result(exit[0], out.toString(), err.toString());
    }

    /**
     * The broken feed has failed more than 3 polls in a row by now: the probes report it NOT_READY with the reason,
     * but the service stays ready (the other sources and push keep working) and live.
     */
    private static void assertServesSourceHealthAndMetrics(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Metrics on port (\\d+)").matcher(out);
        assertEquals(true, m.find(), out);
        String base = "http://127.0.0.1:" + m.group(1);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            var ready = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals(true, ready.body().contains("source:broken") && ready.body().contains("polls failed in a row"), ready.body());
            var live = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health/live")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(true, metrics.contains("wirestream_source_published_total{kind=\"feed\",source=\"harbour\"} 2.0"), metrics);
            assertEquals(true, metrics.contains("wirestream_health_status{check=\"source:broken\"} 1.0"), metrics);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitFeedRequests(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (feedRequests.get() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(true, feedRequests.get() >= count, "the feed was polled only " + feedRequests.get() + " times");
    }

    private static List<RawArticle> raw(String prefix, int expected, Duration settle) {
        try (SerdeFactory serdes = new SerdeFactory(stack.registryConfig())) {
            Topics topics = new Topics(new TopicNames(prefix), serdes);
            return TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                topics.raw().valueSerde().deserializer(), expected, Duration.ofSeconds(60), settle)
                .stream().map(ConsumerRecord::value).toList();
        }
    }

    @Test
    void shouldPublishEachNewFeedItemOnceWithItsFullTextAndSurviveABrokenSource(@TempDir Path dir) throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path sources = dir.resolve("sources.yaml");
        Files.writeString(sources, String.join("\n",
            "sources:",
            "  - name: harbour",
            "    kind: feed",
            "    url: " + base + "/feed.xml",
            "    interval: 300ms",
            "  - name: broken",
            "    kind: feed",
            "    url: " + base + "/broken.xml",
            "    interval: 300ms",
            ""));
        String[] args = {"ingest", "--sources", sources.toString(), "--bootstrap", stack.bootstrapServers(),
            "--registry", stack.registryUrl(), "-D", "topic.prefix=cli-ingest", "-D", "topic.partitions=1",
            "-D", "ingest.http.host.delay.ms=0", "-D", "ingest.http.allowed.addresses=127.0.0.1", "-D", "ingest.backoff.initial.ms=200", "-D", "ingest.backoff.max.ms=400",
            "-D", "ops.http.port=0", "-D", "ops.http.bind=127.0.0.1"};

        Result first = runUntil(args, out -> {
            int before = feedRequests.get();
            assertEquals(2, raw("cli-ingest", 2, Duration.ofMillis(500)).size());
            // Let the feed be polled again a few times: its items must not be published again.
            awaitFeedRequests(before + 4);
            assertServesSourceHealthAndMetrics(out.toString());
        });
        assertEquals(Wirestream.EXIT_OK, first.exit(), first.err());
        List<String> summary = first.out().lines().filter(l -> l.startsWith("  feed:") && l.contains(" fetched=")).toList();
        assertEquals(true, summary.get(0).startsWith("  feed:harbour fetched="), first.out());
        assertEquals(true, summary.get(0).contains(" published=2 failed=0 "), summary.get(0));
        assertEquals(true, summary.get(1).startsWith("  feed:broken fetched=0 published=0 failed=0 skipped=0 not-modified=0 poll-failures="),
            summary.get(1));
        assertEquals(true, summary.get(1).endsWith(" last-success=never"), summary.get(1));

        Map<String, RawArticle> byTitle = raw("cli-ingest", 2, Duration.ofSeconds(1)).stream()
            .collect(Collectors.toMap(RawArticle::getTitle, a -> a));
        assertEquals(FULL, byTitle.get("North pier to close").getBody());
        assertEquals("After eighteen months of building work, the covered market on Carnot Square reopened on Saturday morning.\n\n"
            + "Forty-two stalls, six of them new, host growers, cheesemongers and fishmongers, and a tasting hall fills the old storeroom.",
            byTitle.get("Market hall reopens").getBody());
        assertEquals("feed:harbour", byTitle.get("Market hall reopens").getSource());

        // Restart: the items are remembered in the state topic and not published again.
        Result second = runUntil(args, () -> {
            int before = feedRequests.get();
            awaitFeedRequests(before + 3);
        });
        assertEquals(Wirestream.EXIT_OK, second.exit(), second.err());
        assertEquals(true, second.out().contains("  feed:harbour fetched="), second.out());
        assertEquals(true, second.out().lines().anyMatch(l -> l.startsWith("  feed:harbour") && l.contains(" published=0 ")), second.out());
        assertEquals(2, raw("cli-ingest", 2, Duration.ofSeconds(1)).size());
    }
}
