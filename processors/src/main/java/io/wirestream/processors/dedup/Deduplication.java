package io.wirestream.processors.dedup;

import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupHomeBatch;
import io.wirestream.avro.dedup.DedupProbeBatch;
import io.wirestream.avro.dedup.DedupWaitingBatch;
import io.wirestream.core.Topic;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import io.wirestream.processors.PipelineStage;
import io.wirestream.processors.StageContext;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The deduplication stage: exact copies (canonical URL, normalised text) and near-duplicates
 * (MinHash with LSH banding), decided the same way whichever partition or instance sees which copy.
 *
 * <p>The protocol is {@link io.wirestream.dedup.coordinator.DedupCoordinator}, plain Java; the processors here
 * only carry its messages between partitions and keep its state in stores. Messages travel in batches across
 * articles (see docs/dedup.md):
 * <pre>
 * articles by id --scatter--> parked in their batch (dedup-parked, dedup-waiting); every commit interval the open batch goes out:
 *   one probe batch per index partition --[dedup-probe-batches]--> index (dedup-index-filed, dedup-index)
 *   index --one batch per home: PROBED answers, checks--> [dedup-home-batches] --> receive: verify checks, count answers
 *   receive --CHECKED answers, one batch per home--> [dedup-checked-batches] --> gather: count answers
 *   receive, gather --> verdicts
 * </pre>
 * Scatter, receive and gather run on the partitions of article ids and share the stores
 * {@code dedup-signatures}, {@code dedup-waiting}, {@code dedup-parked} and {@code dedup-waiting-ids}; the index runs on the
 * partitions of index keys. The batch topics are sent to explicit partitions (the key is the partition number,
 * {@link ProbeRouting#TO_PARTITION}) and get the partition count of the input.
 *
 * <p>A copy produces a {@link DuplicateNotice} on {@code news.duplicates} (keyed by the copy's id) and
 * goes no further. State is RocksDB with changelogs, except two lookups rebuilt when their task starts: the index's
 * key lookup {@code dedup-index} (from {@code dedup-index-filed}) and the id-to-batch lookup
 * {@code dedup-waiting-ids} (in memory, from {@code dedup-waiting}); signatures and index entries expire after
 * {@link io.wirestream.processors.ProcessorConfig#DEDUP_WINDOW_MS} of stream time. An article whose verdict
 * does not complete within {@link io.wirestream.processors.ProcessorConfig#DEDUP_ANSWER_TIMEOUT_MS} of
 * wall-clock time (an answer dead-lettered or lost) is passed on unchecked, with the reason.
 */
public final class Deduplication implements PipelineStage {

    public static final String NAME = "dedup";
    public static final String SIGNATURES_STORE = "dedup-signatures";
    public static final String INDEX_STORE = "dedup-index";
    public static final String INDEX_FILED_STORE = "dedup-index-filed";
    public static final String WAITING_STORE = "dedup-waiting";
    public static final String PARKED_STORE = "dedup-parked";
    public static final String WAITING_IDS_STORE = "dedup-waiting-ids";
    public static final String PROBES_TOPIC = "dedup-probe-batches";
    public static final String HOME_TOPIC = "dedup-home-batches";
    public static final String CHECKED_TOPIC = "dedup-checked-batches";

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
        int partitions = ctx.partitions();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGNATURES_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        // the index's durable form is one record per probe batch and partition (dedup-index-filed); the key lookup
        // keeps no changelog (it would cost a record per index key) and is rebuilt from it whenever the index task starts
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_FILED_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        // a batch's record is written by every arrival, flush and answer within a few commit intervals: the cache
        // folds those writes into one changelog record per commit
        // its values are the bytes of the stage's Avro serde for DedupWaitingBatch, called by StoreWaitingArticles
        // (WaitingBatchCodec): the records and changelog are those of the store with that serde
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITING_STORE),
                Serdes.Long(), Serdes.ByteArray()).withCachingEnabled());
        Serde<DedupWaitingBatch> waitingSerde = ctx.serdes().forValues(DedupWaitingBatch.class);
        // the articles themselves, one record per article (ParkedPayloads: batch and id), written once when it arrives and
        // deleted when it is decided; an 8-byte key is a whole batch's record as versions before wrote it (the bytes of
        // the Long key they had), still read
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARKED_STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WAITING_IDS_STORE),
                Serdes.String(), Serdes.Long()).withLoggingDisabled());

        Topic<String, EnrichedArticle> enriched = ctx.topics().enriched();
        Supplier<Releases> releases = () -> new Releases(enriched.name(), enriched.valueSerde().serializer(),
                enriched.valueSerde().deserializer());
        long flushIntervalMs = ctx.config().commitIntervalMs();
        long answerTimeoutMs = ctx.config().dedupAnswerTimeoutMs();

        KStream<String, Arrived> arrived = in
                .process(() -> new ScatterProcessor(parameters, windowMs, partitions, flushIntervalMs, answerTimeoutMs, releases, waitingSerde),
                        Named.as(step("scatter")), SIGNATURES_STORE, WAITING_STORE, PARKED_STORE, WAITING_IDS_STORE);
        KStream<String, DedupOutcome> fromScatter = arrived
                .filter((id, a) -> a.outcome() != null, Named.as(step("scattered-outcomes")))
                .mapValues(Arrived::outcome, Named.as(step("scattered-outcome")));
        KStream<String, DedupProbeBatch> probes = arrived
                .filter((id, a) -> a.probes() != null, Named.as(step("probing")))
                .mapValues(Arrived::probes, Named.as(step("probe")))
                .repartition(Repartitioned.<String, DedupProbeBatch>as(PROBES_TOPIC).withKeySerde(Serdes.String())
                        .withValueSerde(ctx.serdes().forValues(DedupProbeBatch.class)).withStreamPartitioner(ProbeRouting.toPartition()));

        KStream<String, DedupHomeBatch> toHomes = probes
                .process(() -> new IndexProcessor(parameters, windowMs, partitions), Named.as(step("index")), INDEX_STORE, INDEX_FILED_STORE)
                .repartition(Repartitioned.<String, DedupHomeBatch>as(HOME_TOPIC).withKeySerde(Serdes.String())
                        .withValueSerde(ctx.serdes().forValues(DedupHomeBatch.class)).withStreamPartitioner(ProbeRouting.toPartition()));

        KStream<String, HomeOutput> received = toHomes
                .process(() -> new ReceiveProcessor(parameters, partitions, releases, waitingSerde), Named.as(step("receive")),
                        SIGNATURES_STORE, WAITING_STORE, PARKED_STORE, WAITING_IDS_STORE);
        KStream<String, DedupOutcome> fromReceive = received
                .filter((id, r) -> r.outcome() != null, Named.as(step("received-outcomes")))
                .mapValues(HomeOutput::outcome, Named.as(step("received-outcome")));
        KStream<String, HomeOutput> gathered = received
                .filter((id, r) -> r.reply() != null, Named.as(step("checked")))
                .mapValues(HomeOutput::reply, Named.as(step("checked-answers")))
                .repartition(Repartitioned.<String, DedupHomeBatch>as(CHECKED_TOPIC).withKeySerde(Serdes.String())
                        .withValueSerde(ctx.serdes().forValues(DedupHomeBatch.class)).withStreamPartitioner(ProbeRouting.toPartition()))
                // a batch of answers holds no checks, so this step forwards outcomes only
                .process(() -> new ReceiveProcessor(parameters, partitions, releases, waitingSerde), Named.as(step("gather")),
                        SIGNATURES_STORE, WAITING_STORE, PARKED_STORE, WAITING_IDS_STORE);
        KStream<String, DedupOutcome> fromGather = gathered
                .filter((id, r) -> r.outcome() != null, Named.as(step("gathered-outcomes")))
                .mapValues(HomeOutput::outcome, Named.as(step("gathered-outcome")));

        KStream<String, DedupOutcome> outcomes = fromScatter
                .merge(fromReceive, Named.as(step("all-outcomes")))
                .merge(fromGather, Named.as(step("all-outcomes-gathered")));
        Topic<String, DuplicateNotice> duplicates = ctx.topics().duplicates();
        outcomes
                .flatMap((id, outcome) -> outcome.notices().stream()
                        .map(n -> KeyValue.pair(n.getCopyId(), n)).toList(), Named.as(step("notices")))
                .to(duplicates.name(), Produced.with(duplicates.keySerde(), duplicates.valueSerde()).withName(step("sink-duplicates")));

        return outcomes
                .filter((id, outcome) -> outcome.article() != null, Named.as(step("passed")))
                .mapValues(DedupOutcome::article, Named.as(step("article")));
    }

    /** Expiry runs on stream time, 168 times per window (hourly for 7 days), at least once a minute of stream time apart. */
    /** The waiting articles of the task, over its waiting, parked and id stores. */
    static StoreWaitingArticles waitingArticles(ProcessorContext<?, ?> context, Serde<DedupWaitingBatch> waitingSerde) {
        return new StoreWaitingArticles(context.getStateStore(WAITING_STORE), new WaitingBatchCodec(waitingSerde, context.applicationId()),
                context.getStateStore(PARKED_STORE), context.getStateStore(WAITING_IDS_STORE));
    }

    /** The coordinator of the articles' home partition over the task's stores, which scatter and receive share. */
    static DedupCoordinator homeCoordinator(ProcessorContext<?, ?> context, DedupParameters parameters, int partitions,
                                            StoreWaitingArticles waiting) {
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(SIGNATURES_STORE);
        return DedupCoordinator.atHome(parameters, key -> ProbeRouting.partitionOf(key, partitions), new KeyValueByteStore(signatures),
                waiting);
    }

    static Duration expiryInterval(long windowMs) {
        return Duration.ofMillis(Math.max(60_000L, windowMs / 168));
    }

    /** The time the original-choosing rule uses: publication, or fetch time when unknown. */
    static long publishedAt(EnrichedArticle article) {
        return article.getPublishedAt() != null ? article.getPublishedAt().toEpochMilli() : article.getFetchedAt().toEpochMilli();
    }
}
