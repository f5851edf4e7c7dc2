package io.wirestream.ingest;

import io.wirestream.core.WirestreamConfig;
import io.wirestream.ingest.http.AddressPolicy;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.Map;

/** Settings of the ingest applications: the shared keys plus the producer's. */
public final class IngestConfig extends WirestreamConfig {
    public static final String CLIENT_ID = "client.id";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String BUFFER_MEMORY = "buffer.memory";
    public static final String MAX_ARTICLE_BYTES = "ingest.max.article.bytes";
    public static final String SOURCE_NAME = "ingest.source.name";

    public static final String HTTP_USER_AGENT = "ingest.http.user.agent";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "ingest.http.connect.timeout.ms";
    public static final String HTTP_REQUEST_TIMEOUT_MS = "ingest.http.request.timeout.ms";
    public static final String HTTP_MAX_RESPONSE_BYTES = "ingest.http.max.response.bytes";
    public static final String HTTP_MAX_REDIRECTS = "ingest.http.max.redirects";
    public static final String HTTP_HOST_DELAY_MS = "ingest.http.host.delay.ms";
    public static final String HTTP_ROBOTS = "ingest.http.robots.respect";
    public static final String HTTP_ALLOWED_ADDRESSES = "ingest.http.allowed.addresses";
    public static final String POLL_INTERVAL_MS = "ingest.poll.interval.ms";
    public static final String BACKOFF_INITIAL_MS = "ingest.backoff.initial.ms";
    public static final String BACKOFF_MAX_MS = "ingest.backoff.max.ms";
    public static final String ITEM_MAX_ATTEMPTS = "ingest.item.max.attempts";
    public static final String SOURCE_THREADS = "ingest.source.threads";
    public static final String STATE_ENABLED = "ingest.state.enabled";
    public static final String STATE_MAX_ITEMS = "ingest.state.max.items.per.source";
    public static final String WATCH_STABLE_MS = "ingest.watch.stable.ms";
    public static final String PUSH_MAX_REQUEST_BYTES = "ingest.push.max.request.bytes";
    public static final String PUSH_MAX_BATCH = "ingest.push.max.batch";
    public static final String PUSH_ACK_TIMEOUT_MS = "ingest.push.ack.timeout.ms";
    public static final String PUSH_READ_TIMEOUT_MS = "ingest.push.read.timeout.ms";
    public static final String PUSH_TOKEN = "ingest.push.token";
    public static final String SHUTDOWN_TIMEOUT_MS = "ingest.shutdown.timeout.ms";

    /** Default port of the ingest service's metrics and health endpoints. */
    public static final int DEFAULT_OPS_HTTP_PORT = 9310;

    private static final ConfigDef DEFINITION = withOpsHttp(commonDefinition(), DEFAULT_OPS_HTTP_PORT)
        .define(CLIENT_ID, Type.STRING, "wirestream-ingest", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Producer client id (shows in broker metrics and quotas).")
        .define(COMPRESSION_TYPE, Type.STRING, "zstd", ConfigDef.ValidString.in("none", "gzip", "snappy", "lz4", "zstd"),
            Importance.LOW, "Producer compression.")
        .define(BUFFER_MEMORY, Type.LONG, 32L * 1024 * 1024, ConfigDef.Range.atLeast(1024 * 1024), Importance.LOW,
            "Bytes the producer may hold unsent; when full, reading the source waits (bounded memory).")
        .define(MAX_ARTICLE_BYTES, Type.INT, 900 * 1024, ConfigDef.Range.between(1024, 64 * 1024 * 1024), Importance.MEDIUM,
            "Largest input item accepted (a file of the article format or one JSON line); larger ones are dead-lettered "
                + "with the reason. Keep it under the topic's max.message.bytes.")
        .define(SOURCE_NAME, Type.STRING, null, Importance.LOW,
            "Name recorded in RawArticle.source for file input (default: folder:<folder name> or file).")
        // Live sources (feeds, pages, watched folders, push). Per-source options in the sources file override some.
        .define(HTTP_USER_AGENT, Type.STRING, "Wirestream/0.1 (news ingestion; robots: wirestream)", new ConfigDef.NonEmptyString(),
            Importance.LOW, "User-Agent of feed and page requests. robots.txt rules are matched against the agent name 'wirestream'.")
        .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 5_000, ConfigDef.Range.between(100, 300_000), Importance.LOW,
            "Longest wait for a TCP/TLS connection to a feed or page server.")
        .define(HTTP_REQUEST_TIMEOUT_MS, Type.INT, 20_000, ConfigDef.Range.between(100, 600_000), Importance.MEDIUM,
            "Longest time for one HTTP exchange, headers and whole body, per redirect hop; slower answers fail the fetch.")
        .define(HTTP_MAX_RESPONSE_BYTES, Type.INT, 8 * 1024 * 1024, ConfigDef.Range.between(1024, 256 * 1024 * 1024), Importance.MEDIUM,
            "Largest feed or page body read (after gzip decoding); reading stops past it and the fetch fails.")
        .define(HTTP_MAX_REDIRECTS, Type.INT, 5, ConfigDef.Range.between(0, 20), Importance.LOW,
            "Redirects followed per fetch (http and https targets only).")
        .define(HTTP_HOST_DELAY_MS, Type.INT, 1_000, ConfigDef.Range.between(0, 600_000), Importance.MEDIUM,
            "Politeness: least time between the starts of two requests to the same host, across all sources.")
        .define(HTTP_ROBOTS, Type.BOOLEAN, true, Importance.MEDIUM,
            "Obey robots.txt (fetched once an hour per host) for feeds and pages.")
        .define(HTTP_ALLOWED_ADDRESSES, Type.LIST, "", (name, value) -> {
            try {
                AddressPolicy.allowing(value == null ? java.util.List.of() : ((java.util.List<?>) value).stream().map(String::valueOf).toList());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }, Importance.HIGH,
            "Hosts and address ranges that feeds, pages and their redirects may be fetched from although they are not public "
                + "(comma-separated CIDR ranges such as 10.20.0.0/16 or fd00::/8, single addresses, or host names). By default "
                + "only public addresses are fetched: loopback, private, link-local, unspecified, multicast and reserved "
                + "addresses (and their IPv6 forms) are refused, checked on the addresses actually connected to.")
        .define(POLL_INTERVAL_MS, Type.LONG, 300_000L, ConfigDef.Range.between(100, 86_400_000L), Importance.MEDIUM,
            "Poll interval of sources that do not set one (every --feed, and sources file entries without 'interval').")
        .define(BACKOFF_INITIAL_MS, Type.LONG, 30_000L, ConfigDef.Range.between(10, 86_400_000L), Importance.LOW,
            "First retry delay after a failed poll; doubles per consecutive failure (with jitter) up to ingest.backoff.max.ms.")
        .define(BACKOFF_MAX_MS, Type.LONG, 3_600_000L, ConfigDef.Range.between(10, 86_400_000L), Importance.LOW,
            "Longest retry delay after failed polls.")
        .define(ITEM_MAX_ATTEMPTS, Type.INT, 3, ConfigDef.Range.between(1, 100), Importance.LOW,
            "Polls in which an item whose page fetch fails transiently (timeout, 5xx) is retried before it is dead-lettered.")
        .define(SOURCE_THREADS, Type.INT, 4, ConfigDef.Range.between(1, 64), Importance.LOW,
            "Threads that poll sources; a poll waits for politeness delays on its thread.")
        .define(STATE_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
            "Remember per source what was published, in the compacted topic <prefix>.ingest-state, so that a restart "
                + "does not publish old feed items or files again. Off: memory only (downstream dedup still drops copies).")
        .define(STATE_MAX_ITEMS, Type.INT, 10_000, ConfigDef.Range.between(10, 10_000_000), Importance.LOW,
            "Items remembered per source; the oldest are forgotten (and tombstoned in the state topic) past it. "
                + "Keep it above the number of items a feed shows at once.")
        .define(WATCH_STABLE_MS, Type.LONG, 1_000L, ConfigDef.Range.between(0, 3_600_000L), Importance.LOW,
            "A file in a watched folder is read once its size and modification time have not changed for this long.")
        .define(PUSH_MAX_REQUEST_BYTES, Type.INT, 8 * 1024 * 1024, ConfigDef.Range.between(1024, 256 * 1024 * 1024), Importance.MEDIUM,
            "Largest body of a POST /articles request; larger ones are refused with 413.")
        .define(PUSH_MAX_BATCH, Type.INT, 1_000, ConfigDef.Range.between(1, 100_000), Importance.LOW,
            "Most articles in one POST /articles request; more are refused with 413.")
        .define(PUSH_ACK_TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.between(100, 600_000L), Importance.MEDIUM,
            "How long POST /articles waits for Kafka to acknowledge a request's articles before answering 503.")
        .define(PUSH_READ_TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.between(100, 600_000L), Importance.LOW,
            "How long a POST /articles request may take to arrive whole (request line, headers and body); a client that "
                + "stalls longer has its connection closed, so slow clients cannot hold the endpoint's threads.")
        .define(PUSH_TOKEN, Type.PASSWORD, null, Importance.HIGH,
            "Bearer token every POST /articles must carry (Authorization: Bearer <token>); others are refused with 401. "
                + "Unset: no authentication (the endpoint then warns when it listens beyond loopback). "
                + "Give it through the environment (WIRESTREAM_INGEST_PUSH_TOKEN), not on the command line.")
        .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.between(0, 600_000L), Importance.LOW,
            "On stop, how long polls in progress may take to finish before they are interrupted.");

    public IngestConfig(Map<?, ?> originals) {
        super(DEFINITION, originals);
        if (getLong(BACKOFF_INITIAL_MS) > getLong(BACKOFF_MAX_MS)) {
            throw new ConfigException(BACKOFF_INITIAL_MS, getLong(BACKOFF_INITIAL_MS),
                "must not be above " + BACKOFF_MAX_MS + "=" + getLong(BACKOFF_MAX_MS));
        }
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public int maxArticleBytes() {
        return getInt(MAX_ARTICLE_BYTES);
    }

    /** The compacted topic where live sources remember what they published: {@code <prefix>.ingest-state}. */
    public String stateTopic() {
        return topicNames().ingestState();
    }
}
