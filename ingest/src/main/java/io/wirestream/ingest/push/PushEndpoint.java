package io.wirestream.ingest.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.ops.http.DeadlineExecutor;
import io.wirestream.avro.RawArticle;
import io.wirestream.ingest.ArticleParseException;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.file.JsonLinesParser;
import io.wirestream.ingest.http.ContentTypes;
import io.wirestream.ingest.source.SourceDeadLetters;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceMetrics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /articles}: one article as a JSON object, or a batch as a JSON array, in the JSON Lines
 * article format ({@link JsonLinesParser}). Answers:
 * <ul>
 *   <li>202 {@code {"accepted": n, "ids": [...]}} once Kafka has acknowledged every article of the request
 *       (acks=all), so nothing answered 202 is lost;</li>
 *   <li>400 {@code {"error": ..., "problems": [{"index": i, "field": f, "message": m}, ...]}} when the body is
 *       not JSON or any article is invalid; nothing of such a request is published;</li>
 *   <li>413 when the body is larger than {@code ingest.push.max.request.bytes} or the batch longer than
 *       the limit; 415 for a content type other than {@code application/json} (UTF-8); 405 for other
 *       methods; 404 for other paths;</li>
 *   <li>413 (too large) or 422 (a time Avro cannot hold, a record the broker finds invalid) when an article can
 *       never be published, whatever the retries: checked before sending (nothing of the request is
 *       published then), or told by Kafka's answer ({@link ArticlePublisher#permanent}: the refused articles are
 *       dead-lettered once and listed, the others of the request are published). Never 503 for those;</li>
 *   <li>503 with {@code Retry-After} when Kafka does not acknowledge within {@code ingest.push.ack.timeout.ms}.
 *       Nothing is reported accepted then, though some articles may still arrive later: a client sending
 *       the request again produces records with the same keys, which the dedup stage drops.</li>
 * </ul>
 *
 * <p>Slow clients: requests are served by {@value #THREADS} threads, and each request must arrive whole (line,
 * headers and body) within {@code ingest.push.read.timeout.ms}; a client that stalls has its connection closed
 * then, and until then holds one thread only ({@link DeadlineExecutor}).
 *
 * <p>Authentication: with a token ({@code ingest.push.token}) every request must carry
 * {@code Authorization: Bearer <token>}, compared in constant time; any other is answered 401 with
 * {@code WWW-Authenticate: Bearer} before its body is read. Without a token there is none: bind to loopback
 * (the default) or put the endpoint behind a proxy that authenticates; binding beyond loopback without a
 * token logs a warning. Use TLS in front of it (a proxy or an ingress) when the token crosses a network.
 */
public final class PushEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD = Pattern.compile("field '([^']+)'");
    public static final String PATH = "/articles";

    private final SourceDefinition definition;
    private final ArticlePublisher publisher;
    private final SourceMetrics metrics;
    private final SourceDeadLetters deadLetters;
    private final Clock clock;
    private final int maxRequestBytes;
    private final int maxBatch;
    private final Duration ackTimeout;
    private final byte[] expectedAuthorization;
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean stopping;
    /** Threads serving requests; each request has ingest.push.read.timeout.ms to arrive whole. */
    static final int THREADS = 16;

    private final Duration readTimeout;
    private HttpServer server;
    private DeadlineExecutor executor;
    private ExecutorService sendExecutor;

    /** @param token the bearer token requests must carry, or null for no authentication */
    public PushEndpoint(SourceDefinition definition, ArticlePublisher publisher, SourceMetrics metrics, int maxRequestBytes,
                        int maxBatch, Duration readTimeout, Duration ackTimeout, String token, Clock clock) {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("push source '" + definition.name() + "': the bearer token is blank");
        }
        this.definition = definition;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxRequestBytes = maxRequestBytes;
        this.maxBatch = maxBatch;
        this.ackTimeout = ackTimeout;
        this.readTimeout = readTimeout;
        this.expectedAuthorization = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.deadLetters = new SourceDeadLetters(publisher, clock);
    }

    /** Binds and starts serving; fails with a message naming the address when the port is taken. */
    public PushEndpoint start(String bindAddress) {
        InetSocketAddress address = new InetSocketAddress(bindAddress, definition.port());
        try {
            server = HttpServer.create(address, 50);
        } catch (IOException e) {
            throw new IllegalStateException("push source '" + definition.name() + "': cannot listen on " + bindAddress + ":"
                + definition.port() + ": " + e.getMessage(), e);
        }
        // A client that stalls mid-request holds one thread until its read deadline, then its connection is closed.
        executor = new DeadlineExecutor("wirestream-push-" + definition.name(), THREADS, 4 * THREADS, readTimeout);
        server.setExecutor(executor);
        // At most 100 requests wait for a blocked send; more are answered 503 at once.
        sendExecutor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100), r -> {
            Thread t = new Thread(r, "wirestream-push-send-" + definition.name());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.start();
        if (expectedAuthorization == null && !address.getAddress().isLoopbackAddress()) {
            log.warn("source={} kind=push listens on {} without a bearer token: anyone who reaches it can publish; "
                + "set ingest.push.token or put an authenticating proxy in front", definition.name(), bindAddress);
        }
        log.info("source={} kind=push listening on http://{}:{}{}", definition.name(), bindAddress, port(), PATH);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private boolean authorized(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            long request = requests.incrementAndGet();
            if (stopping) {
                exchange.getResponseHeaders().add("Retry-After", "5");
                respond(exchange, 503, error("shutting down; send the request again later"));
                return;
            }
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"wirestream-push\"");
                respond(exchange, 401, error("missing or wrong bearer token; send Authorization: Bearer <token>"));
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                respond(exchange, 404, error("no such resource; POST articles to " + PATH));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, error("method " + exchange.getRequestMethod() + " not allowed; use POST"));
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String charset = ContentTypes.charset(contentType).orElse("utf-8").toLowerCase(Locale.ROOT);
            if (!ContentTypes.mediaType(contentType).equals("application/json") || !(charset.equals("utf-8") || charset.equals("utf8"))) {
                respond(exchange, 415, error("Content-Type must be application/json (UTF-8), was '" + contentType + "'"));
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxRequestBytes) {
                respond(exchange, 413, error("request body of " + length + " bytes is larger than the limit of " + maxRequestBytes));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(maxRequestBytes + 1);
            }
            if (body.length > maxRequestBytes) {
                respond(exchange, 413, error("request body is larger than the limit of " + maxRequestBytes + " bytes"));
                return;
            }
            // The request is read; from here on it waits for Kafka, within the ack timeout.
            executor.extendCurrent(ackTimeout.plusSeconds(2));
            accept(exchange, request, body);
        } catch (RuntimeException e) {
            log.error("source={} push request failed", definition.name(), e);
            respond(exchange, 500, error("internal error: " + e.getMessage()));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void accept(HttpExchange exchange, long request, byte[] body) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            respond(exchange, 400, error("malformed JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")"));
            return;
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            respond(exchange, 400, error("expected one article (a JSON object) or a batch (a JSON array of objects)"));
            return;
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        if (nodes.isEmpty()) {
            respond(exchange, 400, error("the batch is empty"));
            return;
        }
        if (nodes.size() > maxBatch) {
            respond(exchange, 413, error("batch of " + nodes.size() + " articles is longer than the limit of " + maxBatch));
            return;
        }
        metrics.fetched(nodes.size());
        List<RawArticle> articles = new ArrayList<>();
        ArrayNode problems = JSON.createArrayNode();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode url = nodes.get(i).path("url");
            String origin = url.isTextual() && !url.asText().isBlank() ? url.asText()
                : "push:" + definition.name() + "/" + request + "#" + i;
            try {
                articles.add(JsonLinesParser.fromJson(definition.sourceLabel(), origin, nodes.get(i), clock.instant()));
            } catch (ArticleParseException e) {
                String message = e.getMessage().substring(origin.length() + 2);
                Matcher m = FIELD.matcher(message);
                ObjectNode p = problems.addObject().put("index", i);
                if (m.find()) {
                    p.put("field", m.group(1));
                } else {
                    p.putNull("field");
                }
                p.put("message", message);
            }
        }
        if (!problems.isEmpty()) {
            metrics.failed(problems.size());
            ObjectNode e = error(problems.size() + " of " + nodes.size() + " articles are invalid; nothing was accepted");
            e.set("problems", problems);
            log.warn("source={} request {} refused: {}", definition.name(), request, problems);
            respond(exchange, 400, e);
            return;
        }
        ArrayNode unpublishable = JSON.createArrayNode();
        boolean tooLarge = false;
        for (int i = 0; i < articles.size(); i++) {
            try {
                publisher.requirePublishable(articles.get(i));
            } catch (ArticlePublisher.UnpublishableArticleException e) {
                tooLarge |= e.tooLarge();
                unpublishable.addObject().put("index", i).put("message", e.getMessage());
            }
        }
        if (!unpublishable.isEmpty()) {
            // Permanent: the same request can never succeed, so it is not a 503 (which asks for a retry).
            metrics.failed(unpublishable.size());
            ObjectNode e = error(unpublishable.size() + " of " + nodes.size() + " articles can never be published; nothing was accepted");
            e.set("problems", unpublishable);
            log.warn("source={} request {} refused: {}", definition.name(), request, unpublishable);
            respond(exchange, tooLarge ? 413 : 422, e);
            return;
        }
        // Sending runs on its own threads: serialising can block (schema registry, a full producer buffer),
        // and the answer must still come within the ack timeout.
        CompletableFuture<List<CompletableFuture<RecordMetadata>>> sent;
        CompletableFuture<Void> acknowledged;
        try {
            sent = CompletableFuture.supplyAsync(() -> articles.stream().map(publisher::publish).toList(), sendExecutor);
            acknowledged = sent.thenCompose(sends -> CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
        } catch (RejectedExecutionException e) {
            metrics.failed(articles.size());
            exchange.getResponseHeaders().add("Retry-After", "5");
            respond(exchange, 503, error("too many requests are waiting for Kafka; nothing was accepted, send the request again"));
            return;
        }
        try {
            acknowledged.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (ArticlePublisher.permanent(e)) {
                // allOf completed, so every send has its outcome
                refusedForGood(exchange, request, nodes, articles, sent.join(), e);
                return;
            }
            transientFailure(exchange, request, articles.size(), "Kafka refused the articles: " + rootMessage(e));
            return;
        } catch (TimeoutException e) {
            transientFailure(exchange, request, articles.size(), "Kafka did not acknowledge within " + ackTimeout.toMillis() + " ms");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.getResponseHeaders().add("Retry-After", "5");
            respond(exchange, 503, error("shutting down; nothing was accepted, send the request again"));
            return;
        }
        metrics.published(articles.size());
        String outcome = "outcome=ok fetched=" + articles.size() + " published=" + articles.size();
        metrics.pollSucceeded(clock.instant(), outcome);
        log.info("source={} kind=push request={} {}", definition.name(), request, outcome);
        ObjectNode ok = JSON.createObjectNode().put("accepted", articles.size());
        ArrayNode ids = ok.putArray("ids");
        articles.forEach(a -> ids.add(a.getId()));
        respond(exchange, 202, ok);
    }

    /**
     * Kafka refused articles of the request for a reason that no retry changes (the topic's
     * {@code max.message.bytes} below the article, a record the broker finds invalid): answered 413 or 422, and
     * each refused article is dead-lettered once (the JSON object as sent), since it passed the endpoint's own
     * checks and the cause is the deployment's. Nothing is sent again.
     */
    private void refusedForGood(HttpExchange exchange, long request, List<JsonNode> nodes, List<RawArticle> articles,
                                List<CompletableFuture<RecordMetadata>> sends, ExecutionException first) throws IOException {
        ArrayNode refused = JSON.createArrayNode();
        int published = 0;
        for (int i = 0; i < sends.size(); i++) {
            Throwable error = outcome(sends.get(i));
            if (error == null) {
                published++;
            } else if (ArticlePublisher.permanent(error)) {
                String reason = ArticlePublisher.permanentReason(error);
                refused.addObject().put("index", i).put("message", reason);
                deadLetters.send(articles.get(i).getOrigin(), JSON.writeValueAsBytes(nodes.get(i)),
                    new IllegalStateException(articles.get(i).getOrigin() + ": " + reason, error));
            }
        }
        metrics.published(published);
        metrics.failed(articles.size() - published);
        String reason = ArticlePublisher.permanentReason(first);
        log.warn("source={} request {}: {} of {} articles refused for good and dead-lettered: {}", definition.name(), request,
            refused.size(), articles.size(), refused);
        ObjectNode body = error(reason + "; do not send it again as it is (" + published + " of " + articles.size()
            + " articles of the request were published)");
        body.set("problems", refused);
        respond(exchange, rootCause(first) instanceof org.apache.kafka.common.errors.RecordTooLargeException ? 413 : 422, body);
    }

    /** The error a completed send failed with, or null when it succeeded. */
    private static Throwable outcome(CompletableFuture<RecordMetadata> send) {
        try {
            send.join();
            return null;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private void transientFailure(HttpExchange exchange, long request, int articles, String reason) throws IOException {
        metrics.failed(articles);
        metrics.pollFailed("outcome=failed reason=\"" + reason + "\"");
        log.warn("source={} request {}: {}; answered 503", definition.name(), request, reason);
        exchange.getResponseHeaders().add("Retry-After", "5");
        respond(exchange, 503, error(reason + "; nothing was accepted, send the request again"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests, lets requests in progress finish (up to their ack timeout), then stops. */
    @Override
    public void close() {
        stopping = true;
        // HttpServer.stop(delay) waits the whole delay on some JDKs even when idle, so wait for requests here.
        long deadline = System.nanoTime() + ackTimeout.plusSeconds(1).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.close();
        }
        if (sendExecutor != null) {
            sendExecutor.shutdown();
        }
    }
}
