package io.wirestream.processors.dedup;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupWaitingBatch;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.Arrival;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import io.wirestream.dedup.coordinator.ProbeBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arrival of an article at the partition of its id ({@link DedupCoordinator#arrive}): a re-delivery gets its
 * notice at once; any other article is parked in its batch's record of {@code dedup-waiting} until its verdict.
 * A wall-clock punctuation one commit interval after a batch opens sends it ({@link DedupCoordinator#flush}): one probe
 * batch per partition of {@code dedup-probe-batches} owning some of its articles' keys. A batch also goes out at
 * once when it holds {@link #MAX_BATCH} articles.
 *
 * <p>The flush punctuation is scheduled only while there may be something to send: when the task starts (for
 * what was committed unsent before a restart) and when a batch opens; the flush cancels it. Kafka Streams marks a
 * task as needing a commit after every punctuation, whatever it did, and under exactly-once a commit is a
 * transaction with the broker (offsets, markers, transaction log); a punctuation every commit interval on an
 * idle task would make each idle task commit ten times a second.
 *
 * <p>Why this is safe without a hook before commits: the open batch is in a store with a changelog, written in
 * the same transaction as the input offsets it came from. Whatever was committed unsent is sent by the first flush
 * after a restart; what was sent is marked sent in the same transaction as the probe records themselves.
 *
 * <p>Only that first flush goes through every waiting batch ({@link DedupCoordinator#flush(int)}). After it, an
 * article can be unsent only in the open batch (every arrival joins it, and each flush sends it), so later flushes
 * read the open batch alone ({@link DedupCoordinator#flush(int, long)}), however many batches wait for answers.
 *
 * <p>Also here: the wall-clock punctuation that passes on, NOT_CHECKED with the reason, every article whose
 * answers did not all come within {@code dedup.answer.timeout.ms} ({@link DedupCoordinator#overdue}), and the
 * stream-time expiry of signatures.
 */
final class ScatterProcessor implements Processor<String, EnrichedArticle, String, Arrived> {

    /** Most articles in one batch: bounds the size of a batch record and of its probe records. */
    static final int MAX_BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ScatterProcessor.class);

    private final DedupParameters parameters;
    private final long windowMs;
    private final int partitions;
    private final long flushIntervalMs;
    private final long answerTimeoutMs;
    private final Supplier<Releases> releasesSupplier;
    private final Serde<DedupWaitingBatch> waitingSerde;
    private ProcessorContext<String, Arrived> context;
    /** The task's waiting articles: every call of the coordinator goes through {@link StoreWaitingArticles#step}. */
    private StoreWaitingArticles waiting;
    private DedupCoordinator coordinator;
    private Releases releases;
    private int home;
    private Long openBatch;
    private int openCount;
    /** Whether a flush went through every waiting batch since init: then only the open batch can hold unsent articles. */
    private boolean sentAll;
    /** The scheduled flush punctuation, or null when nothing is open: see the class comment. */
    private Cancellable flushing;

    /**
     * @param partitions      the partition count of the stage's repartition topics (that of {@code news.raw})
     * @param flushIntervalMs wall-clock time between two sends of the open batch (the commit interval)
     * @param answerTimeoutMs wall-clock time after which an article still waiting is passed on unchecked
     * @param waitingSerde    the serde of the records of {@code dedup-waiting} ({@link WaitingBatchCodec})
     */
    ScatterProcessor(DedupParameters parameters, long windowMs, int partitions, long flushIntervalMs, long answerTimeoutMs,
                     Supplier<Releases> releases, Serde<DedupWaitingBatch> waitingSerde) {
        this.parameters = parameters;
        this.windowMs = windowMs;
        this.partitions = partitions;
        this.flushIntervalMs = flushIntervalMs;
        this.answerTimeoutMs = answerTimeoutMs;
        this.releasesSupplier = releases;
        this.waitingSerde = waitingSerde;
    }

    @Override
    public void init(ProcessorContext<String, Arrived> context) {
        this.context = context;
        this.home = context.taskId().partition();
        // a task revived after an aborted transaction initialises the same processor again: its stores are back at
        // the last commit, so whatever batch was open in memory is not (the articles not sent are in the stores)
        this.openBatch = null;
        this.openCount = 0;
        this.sentAll = false;
        this.flushing = null;
        this.releases = releasesSupplier.get();
        this.waiting = Deduplication.waitingArticles(context, waitingSerde);
        // processors start after their task's stores are restored: the id lookup, which keeps no changelog, is rebuilt
        // from the restored batches before any processor of the task handles a record
        int parked = waiting.rebuildIds();
        if (parked > 0) {
            LOG.info("deduplication task {}: {} articles waiting for their verdicts", context.taskId(), parked);
        }
        this.coordinator = Deduplication.homeCoordinator(context, parameters, partitions, waiting);
        // the first flush sends whatever was committed unsent before a restart (or finds nothing) and cancels itself
        scheduleFlush();
        context.schedule(Deduplication.expiryInterval(windowMs), PunctuationType.STREAM_TIME, this::expire);
        context.schedule(Duration.ofMillis(Math.max(1_000, Math.min(60_000, answerTimeoutMs / 2))), PunctuationType.WALL_CLOCK_TIME,
                now -> waiting.step(() -> coordinator.overdue(now, answerTimeoutMs)).forEach(d -> {
                    DedupOutcome outcome = releases.outcome(d);
                    if (outcome != null) {
                        context.forward(new Record<>(d.articleId(), new Arrived(null, outcome), now));
                    }
                }));
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        String id = record.key();
        if (openBatch == null) {
            openBatch = context.recordMetadata().map(RecordMetadata::offset).orElseThrow(() ->
                    new IllegalStateException("deduplication needs the input offset of article " + id + " to name its batch"));
            scheduleFlush();
        }
        Arrival arrival = waiting.step(() -> coordinator.arrive(id, article.getUrl(), article.getBody(), Deduplication.publishedAt(article),
                record.timestamp(), context.currentSystemTimeMs(), openBatch, a -> releases.park(EnrichedArticle.newBuilder(article)
                        .setCanonicalUrl(a.canonicalUrl())
                        .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.NOT_CHECKED).setFingerprint(a.fingerprint()).build())
                        .build())));
        if (arrival.isRedelivery()) {
            DedupOutcome outcome = new DedupOutcome(null, List.of(DedupMessages.toAvro(arrival.redelivery(), article.getOrigin(),
                    article.getTitle(), Instant.now())));
            context.forward(record.withValue(new Arrived(null, outcome)));
            return;
        }
        if (++openCount >= MAX_BATCH) {
            flush();
        }
    }

    private void scheduleFlush() {
        if (flushing == null) {
            flushing = context.schedule(Duration.ofMillis(Math.max(1, flushIntervalMs)), PunctuationType.WALL_CLOCK_TIME, now -> flush());
        }
    }

    /**
     * Sends every article not sent yet (the first time after init by a scan of every waiting batch, then the open
     * batch's), one record per index partition, and starts a new batch; the flush
     * punctuation stops until the next batch opens.
     */
    private void flush() {
        List<ProbeBatch> batches;
        if (!sentAll) {
            batches = waiting.step(() -> coordinator.flush(home));
            sentAll = true;
        } else {
            batches = openBatch == null ? List.of() : waiting.step(() -> coordinator.flush(home, openBatch));
        }
        for (ProbeBatch batch : batches) {
            context.forward(new Record<>(String.valueOf(batch.partition()), new Arrived(DedupMessages.toAvro(batch), null),
                    DedupMessages.timestamp(batch)));
        }
        openBatch = null;
        openCount = 0;
        if (flushing != null) {
            flushing.cancel();
            flushing = null;
        }
    }

    /**
     * Forgets signatures older than the window. Parked articles are not touched here: an article with an old
     * record timestamp (a backfill) may be parked while stream time is far ahead; the wall-clock timeout gives up
     * waiting for a verdict and passes the article on.
     */
    private void expire(long streamTime) {
        int removed = coordinator.expire(streamTime - windowMs);
        if (removed > 0) {
            LOG.info("expired {} signatures older than {} ms of stream time", removed, windowMs);
        }
    }
}
