package io.wirestream.ingest.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.wirestream.ingest.Urls;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * GETs feeds and pages with the manners and limits of {@link FetchSettings}: redirects followed here (the
 * client never follows them), hop by hop, up to a limit and only to http/https; every hop only to addresses
 * the {@link AddressPolicy} allows (checked on the addresses actually connected to, see
 * {@link GuardedDnsResolver}); conditional GET; gzip asked for and decoded; every body cut at the size limit
 * (before and after decoding, so a small gzip bomb cannot blow up); one time limit for headers and body of
 * each hop; a politeness delay per host; robots.txt obeyed.
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

    /** Ends exchanges that overrun their time limit (a trickling body defeats a per-read timeout). */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wirestream-http-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final FetchSettings settings;
    private final HostPoliteness politeness;
    private final GuardedDnsResolver resolver;
    private final CloseableHttpClient client;
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();

    private record CachedRules(BaseRobotRules rules, long expiresAtNanos) {
    }

    /** One hop's answer: the status, the headers we use, and the body read up to its limit. */
    private record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public HttpFetcher(FetchSettings settings, HostPoliteness politeness) {
        this(settings, politeness, GuardedDnsResolver.Lookup.SYSTEM);
    }

    /** With the host look-ups of {@code lookup} (tests: a DNS answer that changes between check and connection). */
    HttpFetcher(FetchSettings settings, HostPoliteness politeness, GuardedDnsResolver.Lookup lookup) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.politeness = Objects.requireNonNull(politeness, "politeness");
        this.resolver = new GuardedDnsResolver(settings.addressPolicy(), lookup);
        Timeout requestTimeout = Timeout.ofMilliseconds(settings.requestTimeout().toMillis());
        this.client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout().toMillis()))
                    .setSocketTimeout(requestTimeout)
                    .setTimeToLive(Timeout.ofMinutes(1))
                    .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(4)
                .build())
            .setDefaultRequestConfig(RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setConnectionRequestTimeout(requestTimeout)
                .setResponseTimeout(requestTimeout)
                .build())
            .disableRedirectHandling()
            .disableContentCompression()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
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
    public FetchResult fetch(URI link, CacheValidators validators) throws FetchException, InterruptedException {
        // Credentials in a link are never sent anywhere (nor logged).
        URI uri = Urls.withoutUserInfo(link);
        requireHttp(uri, uri);
        requireAllowedAddress(uri, uri);
        if (settings.respectRobots() && !robotsAllow(uri)) {
            throw new FetchException(FetchException.Kind.ROBOTS_DISALLOWED, uri, "robots.txt of " + uri.getHost()
                + " disallows this URL for agent '" + settings.robotName() + "'");
        }
        return fetchFollowingRedirects(uri, validators == null ? CacheValidators.NONE : validators, settings.maxResponseBytes());
    }

    private FetchResult fetchFollowingRedirects(URI start, CacheValidators validators, int maxBytes)
        throws FetchException, InterruptedException {
        URI current = start;
        requireAllowedAddress(current, start);
        for (int hop = 0; ; hop++) {
            HttpGet request = new HttpGet(current);
            request.setHeader("User-Agent", settings.userAgent());
            request.setHeader("Accept", ACCEPT);
            request.setHeader("Accept-Encoding", "gzip");
            if (validators.etag() != null) {
                request.setHeader("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                request.setHeader("If-Modified-Since", validators.lastModified());
            }
            politeness.await(current.getHost());
            Answer response = send(request, current, maxBytes);
            int status = response.status();
            if (status == 304) {
                return new FetchResult(current, true, new byte[0], response.header("Content-Type"), merge(validators, response));
            }
            if (status >= 300 && status < 400) {
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.BAD_REDIRECT, start,
                        "more than " + settings.maxRedirects() + " redirects (last to " + current + ")");
                }
                String location = response.header("Location");
                if (location == null) {
                    throw new FetchException(FetchException.Kind.BAD_REDIRECT, start, "HTTP " + status + " without a Location header");
                }
                URI next;
                try {
                    next = current.resolve(new URI(location.strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new FetchException(FetchException.Kind.BAD_REDIRECT, start, 0,
                        "redirect to an invalid URL '" + location + "'", e);
                }
                next = Urls.withoutUserInfo(next);
                requireHttp(next, start);
                requireAllowedAddress(next, start);
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
                return new FetchResult(current, false, body, response.header("Content-Type"),
                    new CacheValidators(response.header("ETag"), response.header("Last-Modified")));
            }
            boolean serverSide = status >= 500 || status == 429;
            throw new FetchException(serverSide ? FetchException.Kind.SERVER_ERROR : FetchException.Kind.CLIENT_ERROR,
                current, status, "HTTP " + status, null);
        }
    }

    /**
     * Refuses a URL whose host resolves to an address the policy does not allow, before anything is sent
     * there (robots.txt included). This check gives the clear message; the one that cannot be got round is
     * the resolver's at connection time.
     */
    private void requireAllowedAddress(URI uri, URI reportedAs) throws FetchException {
        try {
            resolver.resolve(uri.getHost());
        } catch (GuardedDnsResolver.RefusedAddressException e) {
            throw new FetchException(FetchException.Kind.REFUSED_ADDRESS, reportedAs, 0,
                (uri.equals(reportedAs) ? "" : "redirect to '" + uri + "' ") + "refused: " + e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.NETWORK, uri, 0, "cannot resolve host '" + uri.getHost() + "'", e);
        }
    }

    private static CacheValidators merge(CacheValidators old, Answer response) {
        String etag = response.header("ETag");
        String lastModified = response.header("Last-Modified");
        return new CacheValidators(etag != null ? etag : old.etag(), lastModified != null ? lastModified : old.lastModified());
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

    /** One exchange: headers and body (up to its limit) within the request time limit. */
    private Answer send(HttpGet request, URI uri, int maxBytes) throws FetchException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before fetching " + uri);
        }
        long timeoutMs = settings.requestTimeout().toMillis();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, timeoutMs, TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, request, null);
            boolean complete = false;
            try {
                int status = response.getCode();
                boolean success = status >= 200 && status < 300;
                int limit = success ? maxBytes : ERROR_BODY_BYTES;
                byte[] body = new byte[0];
                HttpEntity entity = response.getEntity();
                if (entity != null) {
                    InputStream in = entity.getContent();
                    body = in.readNBytes(limit + 1);
                    if (body.length > limit) {
                        if (success) {
                            throw new FetchException(FetchException.Kind.TOO_LARGE, uri, 0,
                                "response body is larger than the limit of " + maxBytes + " bytes; stopped reading", null);
                        }
                        body = java.util.Arrays.copyOf(body, limit);
                    } else {
                        complete = true;
                    }
                } else {
                    complete = true;
                }
                Map<String, String> headers = new java.util.HashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
                }
                return new Answer(status, headers, body);
            } finally {
                if (!complete) {
                    // Drop the connection instead of reading the rest of a body we do not want.
                    request.cancel();
                }
                try {
                    response.close();
                } catch (IOException e) {
                    log.debug("{}: closing the response: {}", uri, e.getMessage());
                }
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while fetching " + uri);
            }
            if (expired.get()) {
                throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "no complete answer within " + timeoutMs + " ms", e);
            }
            Throwable refused = e;
            while (refused != null && !(refused instanceof GuardedDnsResolver.RefusedAddressException)) {
                refused = refused.getCause();
            }
            if (refused != null) {
                throw new FetchException(FetchException.Kind.REFUSED_ADDRESS, uri, 0, "refused: " + refused.getMessage(), e);
            }
            if (e instanceof ConnectTimeoutException) {
                throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0,
                    "no connection within " + settings.connectTimeout().toMillis() + " ms", e);
            }
            if (e instanceof SocketTimeoutException) {
                throw new FetchException(FetchException.Kind.TIMEOUT, uri, 0, "no complete answer within " + timeoutMs + " ms", e);
            }
            String what = e instanceof ConnectException ? "cannot connect" : e instanceof UnknownHostException ? "cannot resolve host"
                : "network error";
            throw new FetchException(FetchException.Kind.NETWORK, uri, 0,
                what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static byte[] decode(Answer response, URI uri, int maxBytes) throws FetchException {
        String encoding = Objects.requireNonNullElse(response.header("Content-Encoding"), "identity").strip().toLowerCase(Locale.ROOT);
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
