package io.wirestream.processors.dedup;

import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupCheck;
import io.wirestream.avro.dedup.DedupGather;
import io.wirestream.avro.dedup.DedupMessage;
import io.wirestream.avro.dedup.DedupProbe;
import io.wirestream.core.Topic;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.processors.PipelineStage;
import io.wirestream.processors.StageContext;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The deduplication stage: exact copies (canonical URL, normalised text) and near-duplicates
 * (MinHash with LSH banding), decided the same way whichever partition or instance sees which copy.
 *
 * <p>The protocol is {@link io.wirestream.dedup.coordinator.DedupCoordinator}, plain Java; the processors here
 * only carry its messages between partitions and keep its state in stores. Design (scatter/gather; see docs/dedup.md):
 * <pre>
 * articles by id --scatter--> one probe per partition owning index keys --[dedup-probes]--> index (dedup-index-filed, dedup-index)
 *   index --check per candidate--> [dedup-checks] --> verify against the candidate's signature
 *   index --PROBED answer--------> [dedup-answers] --\
 *   verify --CHECKED answer------> [dedup-verified] --+--> gather --> verdict
 * </pre>
 * Scatter, verify and gather run on the partitions of article ids and share the stores
 * {@code dedup-signatures}, {@code dedup-pending} and {@code dedup-gather}; the index runs on the
 * partitions of index keys. All repartition topics are keyed with the same String serde as the input
 * and get its partition count, so an article's answers come back to the partition that parked it.
 *
 * <p>A copy produces a {@link DuplicateNotice} on {@code news.duplicates} (keyed by the copy's id) and
 * goes no further. State is RocksDB with changelogs, except the index's key lookup {@code dedup-index}, which is
 * rebuilt from {@code dedup-index-filed} when the index task starts; signatures and index entries expire after
 * {@link io.wirestream.processors.ProcessorConfig#DEDUP_WINDOW_MS} of stream time. An article whose verdict
 * does not complete within {@link io.wirestream.processors.ProcessorConfig#DEDUP_ANSWER_TIMEOUT_MS} of
 * wall-clock time (an answer dead-lettered or lost) is passed on unchecked, with the reason.
 */
public final class Deduplication implements PipelineStage {

    public static final String NAME = "dedup";
    public static final String SIGNATURES_STORE = "dedup-signatures";
    public static final String INDEX_STORE = "dedup-index";
    public static final String INDEX_FILED_STORE = "dedup-index-filed";
    public static final String PENDING_STORE = "dedup-pending";
    public static final String GATHER_STORE = "dedup-gather";
    public static final String PROBES_TOPIC = "dedup-probes";
    public static final String CHECKS_TOPIC = "dedup-checks";
    public static final String ANSWERS_TOPIC = "dedup-answers";
    public static final String VERIFIED_TOPIC = "dedup-verified";

    private final DedupParameters parameters;

    /** The stage with the production parameters. */
    public Deduplication() {
        this(DedupParameters.DEFAULTS);
    }

    public Deduplication(DedupParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KStream<String, EnrichedArticle> build(KStream<String, EnrichedArticle> in, StageContext ctx) {
        StreamsBuilder builder = ctx.builder();
        long windowMs = ctx.config().dedupWindowMs();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGNATURES_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        // the index's durable form is one record per article and partition (dedup-index-filed); the key lookup
        // keeps no changelog (it would cost a record per index key) and is rebuilt from it whenever the index task starts
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_FILED_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        // an article is parked and its answers counted within a few commit intervals: the cache folds those
        // updates into one changelog record per commit instead of one per answer
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE),
                Serdes.String(), ctx.serdes().forValues(EnrichedArticle.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GATHER_STORE),
                Serdes.String(), ctx.serdes().forValues(DedupGather.class)).withCachingEnabled());

        KStream<String, Arrived> arrived = in
                .process(() -> new ScatterProcessor(parameters, windowMs, ctx.partitions()), Named.as(step("scatter")),
                        SIGNATURES_STORE, PENDING_STORE, GATHER_STORE);
        KStream<String, DedupOutcome> redelivered = arrived
                .filter((id, a) -> a.redelivery() != null, Named.as(step("redelivered")))
                .mapValues(Arrived::redelivery, Named.as(step("redelivery")));
        KStream<String, DedupProbe> probes = arrived
                .filter((id, a) -> a.probe() != null, Named.as(step("probing")))
                .mapValues(Arrived::probe, Named.as(step("probe")))
                .repartition(Repartitioned.<String, DedupProbe>as(PROBES_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(ctx.serdes().forValues(DedupProbe.class)));

        KStream<String, DedupMessage> fromIndex = probes
                .process(() -> new IndexProcessor(parameters, windowMs), Named.as(step("index")), INDEX_STORE, INDEX_FILED_STORE);

        KStream<String, DedupAnswer> verified = fromIndex
                .filter((id, m) -> m.getCheck() != null, Named.as(step("checks")))
                .mapValues(DedupMessage::getCheck, Named.as(step("check")))
                .repartition(Repartitioned.<String, DedupCheck>as(CHECKS_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(ctx.serdes().forValues(DedupCheck.class)))
                .process(() -> new VerifyProcessor(parameters, ctx.partitions()), Named.as(step("verify")), SIGNATURES_STORE, GATHER_STORE)
                .repartition(Repartitioned.<String, DedupAnswer>as(VERIFIED_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(ctx.serdes().forValues(DedupAnswer.class)));

        KStream<String, DedupAnswer> probed = fromIndex
                .filter((id, m) -> m.getAnswer() != null, Named.as(step("answers")))
                .mapValues(DedupMessage::getAnswer, Named.as(step("answer")))
                .repartition(Repartitioned.<String, DedupAnswer>as(ANSWERS_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(ctx.serdes().forValues(DedupAnswer.class)));

        KStream<String, DedupOutcome> outcomes = probed
                .merge(verified, Named.as(step("all-answers")))
                .process(() -> new GatherProcessor(parameters, ctx.config().dedupAnswerTimeoutMs(), ctx.partitions()), Named.as(step("gather")),
                        SIGNATURES_STORE, PENDING_STORE, GATHER_STORE);

        Topic<String, DuplicateNotice> duplicates = ctx.topics().duplicates();
        outcomes
                .merge(redelivered, Named.as(step("all-outcomes")))
                .flatMap((id, outcome) -> outcome.notices().stream()
                        .map(n -> KeyValue.pair(n.getCopyId(), n)).toList(), Named.as(step("notices")))
                .to(duplicates.name(), Produced.with(duplicates.keySerde(), duplicates.valueSerde()).withName(step("sink-duplicates")));

        return outcomes
                .filter((id, outcome) -> outcome.article() != null, Named.as(step("passed")))
                .mapValues(DedupOutcome::article, Named.as(step("article")));
    }

    /** Expiry runs on stream time, 168 times per window (hourly for 7 days), at least once a minute of stream time apart. */
    static Duration expiryInterval(long windowMs) {
        return Duration.ofMillis(Math.max(60_000L, windowMs / 168));
    }

    /** The time the original-choosing rule uses: publication, or fetch time when unknown. */
    static long publishedAt(EnrichedArticle article) {
        return article.getPublishedAt() != null ? article.getPublishedAt().toEpochMilli() : article.getFetchedAt().toEpochMilli();
    }
}
