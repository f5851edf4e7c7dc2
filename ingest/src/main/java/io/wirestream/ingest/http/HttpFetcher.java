package io.wirestream.ingest.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * GETs feeds and pages with the manners and limits of {@link FetchSettings}: redirects followed here (the
 * JDK client never follows them) up to a limit and only to http/https; conditional GET; gzip asked for and
 * decoded; every body cut at the size limit (before and after decoding, so a small gzip bomb cannot blow
 * up); one time limit for headers and body of each hop; a politeness delay per host; robots.txt obeyed.
 *
 * <p>Thread-safe; share one per process so that politeness and the robots.txt cache are shared.
 */
public final class HttpFetcher {
    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
        + "text/xml;q=0.9, text/html;q=0.9, application/xhtml+xml;q=0.9, */*;q=0.5";
    /** Bodies of redirects and errors are read only this far (they are logged, never used). */
    private static final int ERROR_BODY_BYTES = 16 * 1024;
    /** robots.txt is re-read after this long; one larger than 500 KiB is treated as missing. */
    private static final Duration ROBOTS_TTL = Duration.ofHours(1);
    private static final int ROBOTS_MAX_BYTES = 500 * 1024;
    /** The longest robots.txt Crawl-delay obeyed; a longer one is cut to it (some sites ask for hours). */
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    /** Hosts whose robots.txt is cached at once; past it the cache is emptied (pages link to many hosts). */
    private static final int MAX_ROBOTS_HOSTS = 10_000;

    private final FetchSettings settings;
    private final HostPoliteness politeness;
    private final HttpClient client;
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();

    private record CachedRules(BaseRobotRules rules, long expiresAtNanos) {
    }

    public HttpFetcher(FetchSettings settings, HostPoliteness politeness) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.politeness = Objects.requireNonNull(politeness, "politeness");
        this.client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.connectTimeout())
            .build();
    }

    public FetchSettings settings() {
        return settings;
    }

    /**
     * Fetches {@code uri}, conditionally when {@code validators} are given.
     *
     * @throws FetchException       when no content came (the message names the URL and the reason)
     * @throws InterruptedException when the thread was interrupted (the exchange is cancelled)
     */
    public FetchResult fetch(URI uri, CacheValidators validators) throws FetchException, InterruptedException {
        requireHttp(uri, uri);
        if (settings.respectRobots() && !robotsAllow(uri)) {
            throw new FetchException(FetchException.Kind.ROBOTS_DISALLOWED, uri, "robots.txt of " + uri.getHost()
                + " disallows this URL for agent '" + settings.robotName() + "'");
        }
        return fetchFollowingRedirects(uri, validators == null ? CacheValidators.NONE : validators, settings.maxResponseBytes());
    }

    private FetchResult fetchFollowingRedirects(URI start, CacheValidators validators, int maxBytes)
        throws FetchException, InterruptedException {
        URI current = start;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                .GET()
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
            if (validators.etag() != null) {
                request.header("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                request.header("If-Modified-Since", validators.lastModified());
            }
            politeness.await(current.getHost());
            HttpResponse<byte[]> response = send(request.build(), current, maxBytes);
            int status = response.statusCode();
            if (status == 304) {
                return new FetchResult(current, true, new byte[0], response.headers().firstValue("Content-Type").orElse(null),
                    merge(validators, response));
            }
            if (status >= 300 && status < 400 && status != 304) {
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.BAD_REDIRECT, start,
                        "more than " + settings.maxRedirects() + " redirects (last to " + current + ")");
                }
                String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchException(
                    FetchException.Kind.BAD_REDIRECT, start, "HTTP " + status + " without a Location header"));
                URI next;
                try {
                    next = current.resolve(new URI(location.strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new FetchException(FetchException.Kind.BAD_REDIRECT, start, 0,
                        "redirect to an invalid URL '" + location + "'", e);
                }
                requireHttp(next, start);
                if (settings.respectRobots() && !robotsAllow(next)) {
                    throw new FetchException(FetchException.Kind.ROBOTS_DISALLOWED, next,
                        "robots.txt of " + next.getHost() + " disallows this redirect target");
                }
                log.debug("{} redirects ({}) to {}", current, status, next);
                current = next;
                continue;
            }
            if (status >= 200 && status < 300) {
                byte[] body = decode(response, current, maxBytes);
                return new FetchResult(current, false, body, response.headers().firstValue("Content-Type").orElse(null),
                    new CacheValidators(response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null)));
            }
            boolean serverSide = status >= 500 || status == 429;
            throw new FetchException(serverSide ? FetchException.Kind.SERVER_ERROR : FetchException.Kind.CLIENT_ERROR,
                current, status, "HTTP " + status, null);
        }
    }

    private static CacheValidators merge(CacheValidators old, HttpResponse<?> response) {
        return new CacheValidators(response.headers().firstValue("ETag").orElse(old.etag()),
            response.headers().firstValue("Last-Modified").orElse(old.lastModified()));
    }

    private static void requireHttp(URI uri, URI reportedAs) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(uri == reportedAs ? FetchException.Kind.UNSUPPORTED_URL : FetchException.Kind.BAD_REDIRECT,
                reportedAs, (uri == reportedAs ? "" : "redirect to ") + "'" + uri + "' refused: only http and https URLs are fetched");
        }
        if (uri.getHost() == null) {
            throw new FetchException(FetchException.Kind.UNSUPPORTED_URL, reportedAs, "'" + uri + "' has no host");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, URI uri, int maxBytes) throws FetchException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info ->
            info.statusCode() >= 200 && info.statusCode() < 300
                ? new LimitedBodySubscriber(maxBytes, false)
                : new LimitedBodySubscriber(ERROR_BODY_BYTES, true));
        long timeoutMs = settings.requestTimeout().toMillis();
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "no complete answer within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedBodySubscriber.TooLargeException) {
                throw new FetchException(FetchException.Kind.TOO_LARGE, uri, 0,
                    "response body is larger than the limit of " + maxBytes + " bytes; stopped reading", cause);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0,
                    "no connection within " + settings.connectTimeout().toMillis() + " ms", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "no complete answer within " + timeoutMs + " ms", cause);
            }
            String what = cause instanceof ConnectException ? "cannot connect" : "network error";
            throw new FetchException(FetchException.Kind.NETWORK, uri, 0,
                what + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        }
    }

    private static byte[] decode(HttpResponse<byte[]> response, URI uri, int maxBytes) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        if (encoding.equals("identity") || encoding.isEmpty()) {
            return response.body();
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException(FetchException.Kind.NETWORK, uri, "unsupported Content-Encoding '" + encoding + "'");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] out = in.readNBytes(maxBytes + 1);
            if (out.length > maxBytes) {
                throw new FetchException(FetchException.Kind.TOO_LARGE, uri,
                    "gzip-decoded body is larger than the limit of " + maxBytes + " bytes; stopped reading");
            }
            return out;
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.NETWORK, uri, 0, "broken gzip body: " + e.getMessage(), e);
        }
    }

    /**
     * Whether robots.txt of the URL's host lets our agent fetch it. Per RFC 9309: a robots.txt that is missing
     * (4xx) allows everything; one that fails with 5xx, or cannot be reached (timeout, network), disallows
     * everything for now: the fetch fails as transient and the source backs off, and robots.txt is asked
     * again on the next attempt (such failures are not cached). A {@code Crawl-delay} for our agent (or
     * {@code *}) becomes the host's politeness delay where it is longer than the configured one, up to
     * {@link #MAX_CRAWL_DELAY}.
     */
    boolean robotsAllow(URI uri) throws FetchException, InterruptedException {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        CachedRules cached = robots.get(origin);
        long now = System.nanoTime();
        if (cached == null || cached.expiresAtNanos() - now < 0) {
            URI robotsUri = URI.create(origin + "/robots.txt");
            BaseRobotRules rules;
            try {
                FetchResult r = fetchFollowingRedirects(robotsUri, CacheValidators.NONE, ROBOTS_MAX_BYTES);
                rules = robotsParser.parseContent(robotsUri.toString(), r.body(),
                    r.contentType() == null ? "text/plain" : r.contentType(), List.of(settings.robotName()));
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.CLIENT_ERROR) {
                    rules = robotsParser.failedFetch(e.status());
                } else if (e.kind() == FetchException.Kind.TOO_LARGE) {
                    rules = robotsParser.failedFetch(404);
                } else {
                    throw new FetchException(e.kind(), uri, 0, "cannot read robots.txt: " + e.getMessage(), e);
                }
            }
            long crawlDelayMs = rules.getCrawlDelay();
            politeness.hostDelay(uri.getHost(), crawlDelayMs > 0
                ? Duration.ofMillis(Math.min(crawlDelayMs, MAX_CRAWL_DELAY.toMillis())) : null);
            cached = new CachedRules(rules, now + ROBOTS_TTL.toNanos());
            if (robots.size() >= MAX_ROBOTS_HOSTS) {
                robots.values().removeIf(c -> c.expiresAtNanos() - now < 0);
                if (robots.size() >= MAX_ROBOTS_HOSTS) {
                    robots.clear();
                }
            }
            robots.put(origin, cached);
        }
        BaseRobotRules rules = cached.rules();
        if (rules.isDeferVisits()) {
            return false;
        }
        return rules.isAllowed(uri.toString());
    }
}
