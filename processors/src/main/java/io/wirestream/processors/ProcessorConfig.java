package io.wirestream.processors;

import io.wirestream.core.TopicProvisioner;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.stories.StoryParameters;
import io.wirestream.processors.errors.DeadLetterDeserializationHandler;
import io.wirestream.processors.errors.DeadLetterProcessingHandler;
import io.wirestream.processors.errors.DeadLetterProductionHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import io.wirestream.processors.route.Routes;
import io.wirestream.processors.route.RoutesFileException;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of the processors application. Besides the shared keys of {@link WirestreamConfig}, the
 * Streams settings below; any other Streams or client setting can be given with the prefix {@code kafka.}.
 *
 * <p>Compression of what the processors write is {@code compression.type} (zstd by default); a producer
 * compression passed through with {@code kafka.} is honoured when {@code compression.type} is not given.
 *
 * <p>Fixed, not configurable: {@code processing.guarantee=exactly_once_v2}, and the three exception
 * handlers, which send what fails to the dead-letter topic and let the application go on (never
 * LogAndFail by default).
 */
public final class ProcessorConfig extends WirestreamConfig {
    public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
    public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
    public static final String NUM_STREAM_THREADS = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
    public static final String COMMIT_INTERVAL_MS = StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;
    public static final String DEDUP_WINDOW_MS = "dedup.window.ms";
    public static final String PIPELINE_VERSION = "pipeline.version";
    public static final String ROUTES_FILE = "routes.file";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String DEFAULT_COMPRESSION_TYPE = "zstd";
    public static final String DEAD_LETTER_MAX_BYTES = "dead.letter.max.bytes";
    public static final String DEDUP_ANSWER_TIMEOUT_MS = "dedup.answer.timeout.ms";
    public static final String THREAD_REPLACE_BACKOFF_MS = "thread.replace.backoff.ms";
    public static final String THREAD_REPLACE_BACKOFF_MAX_MS = "thread.replace.backoff.max.ms";
    public static final String STORIES_WINDOW_DAYS = "stories.window.days";
    public static final String STORIES_JOIN_GAP_HOURS = "stories.join.gap.hours";
    public static final String STORIES_MAX_OPEN = "stories.max.open";
    public static final String STORIES_LATEST_ARTICLES = "stories.latest.articles";
    public static final String STORIES_TOP_ENTITIES = "stories.top.entities";

    public static final String DEFAULT_APPLICATION_ID = "wirestream-processors";
    /** How the topic prefix reaches the exception handlers through the Streams configuration. */
    public static final String HANDLER_TOPIC_PREFIX = "wirestream.handlers.topic.prefix";
    /**
     * How a registry client built by the caller reaches the exception handlers through the Streams configuration: a
     * {@code SchemaRegistryClient} object, not a setting ({@link ProcessorApp#streamsProperties()} adds it when the
     * application was given a client). Without it the handlers build their own client from {@code schema.registry.url}.
     */
    public static final String HANDLER_REGISTRY_CLIENT = "wirestream.handlers.registry.client";

    /** Default port of the processors' metrics and health endpoints. */
    public static final int DEFAULT_OPS_HTTP_PORT = 9309;

    private static final ConfigDef.ValidString COMPRESSION_VALUES = ConfigDef.ValidString.in("none", "gzip", "snappy", "lz4", "zstd");

    private static final ConfigDef DEFINITION = withOpsHttp(commonDefinition(), DEFAULT_OPS_HTTP_PORT)
        .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Kafka Streams application id: consumer group, transactional id prefix and internal topic prefix. "
                + "Instances with the same id share the work.")
        .define(STATE_DIR, Type.STRING, System.getProperty("java.io.tmpdir") + "/wirestream-streams", Importance.HIGH,
            "Directory of the local RocksDB state stores (rebuilt from changelogs when lost).")
        .define(NUM_STREAM_THREADS, Type.INT, 1, ConfigDef.Range.between(1, 64), Importance.MEDIUM,
            "Stream threads of this instance.")
        .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
            "How often transactions commit; bounds the end-to-end latency under exactly-once.")
        .define(DEDUP_WINDOW_MS, Type.LONG, 7L * 24 * 3600 * 1000, ConfigDef.Range.atLeast(60_000), Importance.MEDIUM,
            "How long deduplication remembers an article's signatures (default 7 days).")
        .define(DEDUP_ANSWER_TIMEOUT_MS, Type.LONG, 600_000L, ConfigDef.Range.atLeast(1_000), Importance.LOW,
            "Longest wall-clock time an article waits for its deduplication verdict (normally well under a second); "
                + "past it the article is passed on with dedup.status NOT_CHECKED and a reason.")
        .define(PIPELINE_VERSION, Type.STRING, ProcessorConfig.class.getPackage().getImplementationVersion() == null
                ? "dev" : ProcessorConfig.class.getPackage().getImplementationVersion(), Importance.LOW,
            "Version written into ProcessingInfo.pipelineVersion.")
        .define(ROUTES_FILE, Type.STRING, null, Importance.MEDIUM,
            "YAML file declaring routes: downstream topics, each taking the enriched articles its filter matches "
                + "(docs/routes.md). Read and validated at start; unset means no routes.")
        .define(COMPRESSION_TYPE, Type.STRING, DEFAULT_COMPRESSION_TYPE,
            COMPRESSION_VALUES, Importance.MEDIUM,
            "Compression of every record the processors write (enriched, duplicates, dead letters, routes). "
                + "Consumers must support it: kafkajs needs a zstd codec plugged in for zstd.")
        .define(DEAD_LETTER_MAX_BYTES, Type.INT, 900 * 1024, ConfigDef.Range.between(4096, 64 * 1024 * 1024), Importance.LOW,
            "Most bytes of the original key and value a dead letter keeps (a prefix; the cut is noted in its errorMessage). "
                + "Keep it under the producer's max.request.size and the dead-letter topic's max.message.bytes.")
        .define(THREAD_REPLACE_BACKOFF_MS, Type.LONG, 1_000L, ConfigDef.Range.between(0, 600_000), Importance.LOW,
            "Wait before a failed stream thread is replaced (registry or broker unavailable), doubled per consecutive failure.")
        .define(THREAD_REPLACE_BACKOFF_MAX_MS, Type.LONG, 30_000L, ConfigDef.Range.between(0, 600_000), Importance.LOW,
            "Longest wait before a failed stream thread is replaced; keep it under the consumer's session.timeout.ms.")
        .define(STORIES_WINDOW_DAYS, Type.INT, 3, ConfigDef.Range.between(1, TopicProvisioner.STORIES_RETENTION_DAYS - 1), Importance.MEDIUM,
            "A story that no article joins for this many days (of processing time) closes; one that keeps getting articles stays open. "
                + "Less than the stories topic's retention (30 days).")
        .define(STORIES_JOIN_GAP_HOURS, Type.INT, 48, ConfigDef.Range.between(1, 720), Importance.LOW,
            "An article joins a story only if its time is at most this many hours from the story's articles; at most "
                + STORIES_WINDOW_DAYS + " x 24.")
        .define(STORIES_MAX_OPEN, Type.INT, 500_000, ConfigDef.Range.between(1_000, 10_000_000), Importance.LOW,
            "Most open stories the story stage keeps in memory (about 5 KB each); past it the longest-quiet story closes early.")
        .define(STORIES_LATEST_ARTICLES, Type.INT, 20, ConfigDef.Range.between(1, 500), Importance.LOW,
            "How many of its latest article ids a story record on the stories topic lists.")
        .define(STORIES_TOP_ENTITIES, Type.INT, 10, ConfigDef.Range.between(1, 100), Importance.LOW,
            "How many of its most salient entities a story record on the stories topic lists.");

    private final Routes routes;
    private final String compression;

    public ProcessorConfig(Map<?, ?> originals) {
        super(DEFINITION, originals);
        if (getLong(THREAD_REPLACE_BACKOFF_MAX_MS) < getLong(THREAD_REPLACE_BACKOFF_MS)) {
            throw new org.apache.kafka.common.config.ConfigException(THREAD_REPLACE_BACKOFF_MAX_MS, getLong(THREAD_REPLACE_BACKOFF_MAX_MS),
                "must be at least " + THREAD_REPLACE_BACKOFF_MS + " (" + getLong(THREAD_REPLACE_BACKOFF_MS) + ")");
        }
        if (getInt(STORIES_JOIN_GAP_HOURS) > getInt(STORIES_WINDOW_DAYS) * 24) {
            throw new ConfigException(STORIES_JOIN_GAP_HOURS, getInt(STORIES_JOIN_GAP_HOURS),
                "must be at most " + STORIES_WINDOW_DAYS + " x 24 (" + getInt(STORIES_WINDOW_DAYS) * 24 + ")");
        }
        this.routes = loadRoutes();
        this.compression = resolveCompression();
    }

    private Routes loadRoutes() {
        String file = getString(ROUTES_FILE);
        if (file == null || file.isBlank()) {
            return Routes.none();
        }
        try {
            return Routes.load(Path.of(file.strip()), topicNames());
        } catch (RoutesFileException e) {
            throw new ConfigException(ROUTES_FILE + ": " + e.getMessage());
        } catch (InvalidPathException e) {
            throw new ConfigException(ROUTES_FILE, file, "not a file path: " + e.getMessage());
        }
    }

    /** The routes of the routes file, read and validated when this configuration was built; none when unset. */
    public Routes routes() {
        return routes;
    }

    /**
     * The compression of the records the processors write: {@code compression.type}, or when that is not given,
     * the producer compression passed through ({@code kafka.producer.compression.type}, then
     * {@code kafka.compression.type}), else zstd.
     */
    public String compressionType() {
        return compression;
    }

    private String resolveCompression() {
        String own = getString(COMPRESSION_TYPE);
        String passed = null;
        String passedKey = null;
        for (String key : List.of(KAFKA_PREFIX + StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG),
            KAFKA_PREFIX + ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            Object v = originals().get(key);
            if (v != null && passed == null) {
                passed = v.toString().strip();
                passedKey = key;
            }
        }
        if (passed == null) {
            return own;
        }
        if (originals().containsKey(COMPRESSION_TYPE) && !own.equals(passed)) {
            throw new ConfigException(COMPRESSION_TYPE + "=" + own + " and " + passedKey + "=" + passed
                + " disagree: set only " + COMPRESSION_TYPE);
        }
        try {
            COMPRESSION_VALUES.ensureValid(passedKey, passed);
        } catch (ConfigException e) {
            throw new ConfigException(passedKey, passed, "expected one of none, gzip, snappy, lz4, zstd (better: set "
                + COMPRESSION_TYPE + ")");
        }
        return passed;
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public long dedupWindowMs() {
        return getLong(DEDUP_WINDOW_MS);
    }

    /** The commit interval of the Streams application, in millis. */
    public long commitIntervalMs() {
        return getLong(COMMIT_INTERVAL_MS);
    }

    public long dedupAnswerTimeoutMs() {
        return getLong(DEDUP_ANSWER_TIMEOUT_MS);
    }

    public int deadLetterMaxBytes() {
        return getInt(DEAD_LETTER_MAX_BYTES);
    }

    /** The story stage's window and limits, from the stories.* keys; the thresholds are the tuned defaults. */
    public StoryParameters storyParameters() {
        return StoryParameters.DEFAULTS
            .withWindow(Duration.ofDays(getInt(STORIES_WINDOW_DAYS)).toMillis(), Duration.ofHours(getInt(STORIES_JOIN_GAP_HOURS)).toMillis())
            .withLimits(getInt(STORIES_MAX_OPEN), getInt(STORIES_LATEST_ARTICLES), getInt(STORIES_TOP_ENTITIES));
    }

    public String pipelineVersion() {
        return getString(PIPELINE_VERSION);
    }

    /** The properties to start Kafka Streams with. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.putAll(kafkaClientConfigs());
        // the registry and topic settings travel along so the exception handlers can build dead letters
        p.putAll(registryConfigs());
        // not under topic.prefix: Kafka Streams reads every topic.* setting as a config of its internal topics
        p.put(HANDLER_TOPIC_PREFIX, getString(TOPIC_PREFIX));
        p.put(DEAD_LETTER_MAX_BYTES, deadLetterMaxBytes());
        p.put(APPLICATION_ID, applicationId());
        p.put(STATE_DIR, getString(STATE_DIR));
        p.put(NUM_STREAM_THREADS, getInt(NUM_STREAM_THREADS));
        p.put(COMMIT_INTERVAL_MS, getLong(COMMIT_INTERVAL_MS));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        short rf = getShort(TOPIC_REPLICATION_FACTOR);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), compressionType());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return p;
    }
}
