package io.wirestream.ingest.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fetcher against a loopback HTTP server (no Kafka involved). */
@Timeout(30)
class HttpFetcherTest {
    /** The test server's address, which is not public. */
    private static final AddressPolicy LOOPBACK = AddressPolicy.allowing(List.of("127.0.0.1"));
    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static HttpFetcher fetcher(int maxBytes, Duration timeout) {
        return new HttpFetcher(new FetchSettings("Wirestream-test/1.0", "wirestream", Duration.ofSeconds(2), timeout, maxBytes,
            3, Duration.ZERO, true, LOOPBACK), new HostPoliteness(Duration.ZERO));
    }

    private static HttpFetcher fetcher() {
        return fetcher(64 * 1024, Duration.ofSeconds(5));
    }

    @Test
    void shouldAskForGzipDecodeItAndNameWirestreamInTheUserAgent() throws Exception {
        byte[] page = "<html><body><p>Zipped text</p></body></html>".getBytes(StandardCharsets.UTF_8);
        server.route("/zipped", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/html; charset=utf-8", LoopbackServer.gzip(page));
        });
        FetchResult r = fetcher().fetch(server.uri("/zipped"), CacheValidators.NONE);
        assertArrayEquals(page, r.body());
        assertEquals("utf-8", r.declaredCharset().orElseThrow());
        LoopbackServer.Seen seen = server.requests("/zipped").get(0);
        assertEquals("gzip", seen.headers().getFirst("Accept-Encoding"));
        assertEquals("Wirestream-test/1.0", seen.headers().getFirst("User-agent"));
    }

    @Test
    void shouldSendTheValidatorsBackAndReportNotModified() throws Exception {
        server.route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LoopbackServer.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                ex.getResponseHeaders().set("Last-Modified", "Mon, 03 Nov 2025 08:00:00 GMT");
                LoopbackServer.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        HttpFetcher f = fetcher();
        FetchResult first = f.fetch(server.uri("/feed"), CacheValidators.NONE);
        assertEquals(new CacheValidators("\"v1\"", "Mon, 03 Nov 2025 08:00:00 GMT"), first.validators());
        FetchResult second = f.fetch(server.uri("/feed"), first.validators());
        assertEquals(true, second.notModified());
        assertEquals(first.validators(), second.validators());
        assertEquals("Mon, 03 Nov 2025 08:00:00 GMT", server.requests("/feed").get(1).headers().getFirst("If-Modified-Since"));
    }

    @Test
    void shouldFollowRelativeRedirectsAndStopAfterTheLimit() throws Exception {
        server.route("/a", ex -> redirect(ex, "/b"));
        server.route("/b", ex -> redirect(ex, server.uri("/final").toString()));
        server.text("/final", 200, "text/plain", "arrived");
        FetchResult r = fetcher().fetch(server.uri("/a"), CacheValidators.NONE);
        assertEquals(server.uri("/final"), r.finalUri());
        assertEquals("arrived", new String(r.body(), StandardCharsets.UTF_8));

        server.route("/loop", ex -> redirect(ex, "/loop"));
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/loop"), CacheValidators.NONE));
        assertEquals(FetchException.Kind.BAD_REDIRECT, e.kind());
        assertEquals(server.uri("/loop") + ": more than 3 redirects (last to " + server.uri("/loop") + ")", e.getMessage());
    }

    @Test
    void shouldRefuseARedirectToAnotherScheme() throws Exception {
        server.route("/sneaky", ex -> redirect(ex, "file:///etc/passwd"));
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/sneaky"), CacheValidators.NONE));
        assertEquals(FetchException.Kind.BAD_REDIRECT, e.kind());
        assertEquals(server.uri("/sneaky") + ": redirect to 'file:///etc/passwd' refused: only http and https URLs are fetched",
            e.getMessage());
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(URI.create("ftp://127.0.0.1/feed"), null));
        assertEquals(FetchException.Kind.UNSUPPORTED_URL, e.kind());
    }

    @Test
    void shouldStopReadingAnEndlessResponseAtTheLimit() throws Exception {
        server.route("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
            }
        });
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/endless"), CacheValidators.NONE));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals(server.uri("/endless") + ": response body is larger than the limit of 65536 bytes; stopped reading", e.getMessage());
        assertEquals(true, Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000, "took too long");
    }

    @Test
    void shouldStopAGzipBombAtTheLimitOfDecodedBytes() throws Exception {
        byte[] bomb = LoopbackServer.gzip(new byte[2 * 1024 * 1024]);
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/html", bomb);
        });
        FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/bomb"), CacheValidators.NONE));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals(server.uri("/bomb") + ": gzip-decoded body is larger than the limit of 65536 bytes; stopped reading", e.getMessage());
    }

    @Test
    void shouldGiveUpOnASlowServerAndOnATricklingBody() throws Exception {
        server.route("/slow", ex -> {
            Thread.sleep(3_000);
            LoopbackServer.send(ex, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
        });
        server.route("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            }
        });
        HttpFetcher f = fetcher(64 * 1024, Duration.ofMillis(500));
        for (String path : new String[] {"/slow", "/trickle"}) {
            long start = System.nanoTime();
            FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.uri(path), CacheValidators.NONE));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(FetchException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertEquals(true, tookMs < 2_000, path + " took " + tookMs + " ms");
        }
    }

    @Test
    void shouldTellClientErrorsFromTransientServerErrors() throws Exception {
        server.text("/gone", 404, "text/plain", "no");
        server.text("/broken", 500, "text/plain", "oops");
        FetchException notFound = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/gone"), null));
        assertEquals(FetchException.Kind.CLIENT_ERROR, notFound.kind());
        assertEquals(404, notFound.status());
        assertEquals(server.uri("/gone") + ": HTTP 404", notFound.getMessage());
        assertEquals(false, notFound.kind().transientFailure());
        FetchException serverError = assertThrows(FetchException.class, () -> fetcher().fetch(server.uri("/broken"), null));
        assertEquals(FetchException.Kind.SERVER_ERROR, serverError.kind());
        assertEquals(true, serverError.kind().transientFailure());
    }

    @Test
    void shouldObeyRobotsTxtAndReadItOncePerHost() throws Exception {
        server.text("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /\n\nUser-agent: wirestream\nDisallow: /private/\n");
        server.text("/public/feed.xml", 200, "application/xml", "<rss/>");
        server.text("/private/feed.xml", 200, "application/xml", "<rss/>");
        HttpFetcher f = fetcher();
        assertEquals("<rss/>", new String(f.fetch(server.uri("/public/feed.xml"), null).body(), StandardCharsets.UTF_8));
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.uri("/private/feed.xml"), null));
        assertEquals(FetchException.Kind.ROBOTS_DISALLOWED, e.kind());
        assertEquals(server.uri("/private/feed.xml") + ": robots.txt of 127.0.0.1 disallows this URL for agent 'wirestream'", e.getMessage());
        assertEquals(0, server.requests("/private/feed.xml").size());
        assertEquals(1, server.requests("/robots.txt").size());
    }

    @Test
    void shouldTakeTheCrawlDelayOfRobotsTxtAsTheHostsPolitenessDelayUpToTheCap() throws Exception {
        server.text("/robots.txt", 200, "text/plain", "User-agent: wirestream\nCrawl-delay: 7\nDisallow: /private/\n");
        server.text("/feed.xml", 200, "application/xml", "<rss/>");
        HostPoliteness politeness = new HostPoliteness(Duration.ofMillis(10));
        HttpFetcher f = new HttpFetcher(new FetchSettings("Wirestream-test/1.0", "wirestream", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 64 * 1024, 3, Duration.ZERO, true, LOOPBACK), politeness);
        assertTrue(f.robotsAllow(server.uri("/feed.xml")));
        assertEquals(Duration.ofSeconds(7), politeness.delayFor(server.uri("/feed.xml").getHost()));

        server.text("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 120\n");
        HostPoliteness other = new HostPoliteness(Duration.ofMillis(10));
        new HttpFetcher(f.settings(), other).robotsAllow(server.uri("/feed.xml"));
        assertEquals(HttpFetcher.MAX_CRAWL_DELAY, other.delayFor(server.uri("/feed.xml").getHost()));
    }

    @Test
    void shouldTreatAMissingRobotsTxtAsAllowingEverything() throws Exception {
        server.text("/feed.xml", 200, "application/xml", "<rss/>");
        assertEquals("<rss/>", new String(fetcher().fetch(server.uri("/feed.xml"), null).body(), StandardCharsets.UTF_8));
        assertEquals(1, server.requests("/robots.txt").size());
    }

    @Test
    void shouldNotSendAnythingToAnAddressThatIsNotAllowed() throws Exception {
        server.text("/feed.xml", 200, "application/xml", "<rss/>");
        HttpFetcher publicOnly = new HttpFetcher(new FetchSettings("Wirestream-test/1.0", "wirestream", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 64 * 1024, 3, Duration.ZERO, true, AddressPolicy.PUBLIC_ONLY), new HostPoliteness(Duration.ZERO));
        FetchException e = assertThrows(FetchException.class, () -> publicOnly.fetch(server.uri("/feed.xml"), null));
        assertEquals(FetchException.Kind.REFUSED_ADDRESS, e.kind());
        assertEquals(false, e.kind().transientFailure());
        assertEquals(server.uri("/feed.xml") + ": refused: 127.0.0.1, which is not a public address (loopback); "
            + "allow it with ingest.http.allowed.addresses", e.getMessage());
        assertEquals(List.of(), server.requests(), "not even robots.txt was asked for");
    }

    /**
     * DNS rebinding: the name answers a public address when the fetcher checks it and a loopback address when
     * the HTTP client connects (as a name with a zero TTL can). The check on the addresses actually connected
     * to refuses it, and the loopback server sees nothing.
     */
    @Test
    void shouldRefuseAnAddressThatTheNameResolvesToOnlyWhenConnecting() throws Exception {
        server.text("/feed.xml", 200, "application/xml", "<rss/>");
        List<String> answered = new java.util.ArrayList<>();
        GuardedDnsResolver.Lookup rebinding = host -> {
            boolean fetcherCheck = StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
                f.getClassName().equals(HttpFetcher.class.getName()) && f.getMethodName().equals("requireAllowedAddress")));
            String address = fetcherCheck ? "93.184.215.14" : "127.0.0.1";
            synchronized (answered) {
                answered.add(host + "=" + address);
            }
            return new java.net.InetAddress[] {java.net.InetAddress.getByName(address)};
        };
        HttpFetcher fetcher = new HttpFetcher(new FetchSettings("Wirestream-test/1.0", "wirestream", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 64 * 1024, 3, Duration.ZERO, false, AddressPolicy.PUBLIC_ONLY), new HostPoliteness(Duration.ZERO), rebinding);
        URI uri = URI.create("http://news.rebind.test:" + server.uri("/").getPort() + "/feed.xml");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri, null));

        assertEquals(FetchException.Kind.REFUSED_ADDRESS, e.kind(), e.getMessage());
        assertEquals(uri + ": refused: news.rebind.test resolves to 127.0.0.1, which is not a public address (loopback); "
            + "allow it with ingest.http.allowed.addresses", e.getMessage());
        assertTrue(answered.contains("news.rebind.test=93.184.215.14") && answered.contains("news.rebind.test=127.0.0.1"),
            "looked up by the fetcher's check and by the connection: " + answered);
        assertEquals(List.of(), server.requests());
    }

    @Test
    void shouldNeverSendCredentialsOfALink() throws Exception {
        server.text("/feed.xml", 200, "application/xml", "<rss/>");
        URI withCredentials = URI.create(server.uri("/feed.xml").toString().replace("http://", "http://editor:s3cret@"));
        FetchResult r = fetcher().fetch(withCredentials, null);
        assertEquals(server.uri("/feed.xml"), r.finalUri());
        assertEquals(null, server.requests("/feed.xml").get(0).headers().getFirst("Authorization"));
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws java.io.IOException {
        ex.getResponseHeaders().set("Location", location);
        LoopbackServer.send(ex, 302, null, new byte[0]);
    }
}
