package io.wirestream.processors.dedup;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.Arrival;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import io.wirestream.dedup.coordinator.Probe;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arrival of an article at the partition of its id ({@link DedupCoordinator#arrive}): a re-delivery gets its
 * notice at once; any other article is parked in {@code dedup-pending} until its verdict, and its probes go out,
 * one per partition of {@code dedup-probes} owning some of its index keys, keyed by the hex of the group's first
 * key ({@link ProbeRouting}).
 */
final class ScatterProcessor implements Processor<String, EnrichedArticle, String, Arrived> {

    private static final Logger LOG = LoggerFactory.getLogger(ScatterProcessor.class);

    private final DedupParameters parameters;
    private final long windowMs;
    private final int partitions;
    private ProcessorContext<String, Arrived> context;
    private DedupCoordinator coordinator;
    private KeyValueStore<String, EnrichedArticle> pending;

    /** @param partitions the partition count of {@code dedup-probes} (that of {@code news.raw}) */
    ScatterProcessor(DedupParameters parameters, long windowMs, int partitions) {
        this.parameters = parameters;
        this.windowMs = windowMs;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Arrived> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.coordinator = DedupCoordinator.atHome(parameters, key -> ProbeRouting.partitionOf(key, partitions),
                new KeyValueByteStore(signatures), new StoreWaitingArticles(context.getStateStore(Deduplication.GATHER_STORE)));
        this.pending = context.getStateStore(Deduplication.PENDING_STORE);
        context.schedule(Deduplication.expiryInterval(windowMs), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        String id = record.key();
        Arrival arrival = coordinator.arrive(id, article.getUrl(), article.getBody(), Deduplication.publishedAt(article),
                record.timestamp(), context.currentSystemTimeMs());
        if (arrival.isRedelivery()) {
            DedupOutcome outcome = new DedupOutcome(null, List.of(DedupMessages.toAvro(arrival.redelivery(), article.getOrigin(),
                    article.getTitle(), Instant.now())));
            context.forward(record.withValue(new Arrived(null, outcome)));
            return;
        }
        pending.put(id, EnrichedArticle.newBuilder(article)
                .setCanonicalUrl(arrival.canonicalUrl())
                .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.NOT_CHECKED).setFingerprint(arrival.fingerprint()).build())
                .build());
        for (Probe probe : arrival.probes()) {
            context.forward(record.withKey(ProbeRouting.hex(probe.indexKeys().get(0))).withValue(new Arrived(DedupMessages.toAvro(probe), null)));
        }
    }

    /**
     * Forgets signatures older than the window. Parked articles are not touched here: an article with an old
     * record timestamp (a backfill) may be parked while stream time is far ahead; {@link GatherProcessor}
     * gives up waiting for a verdict by wall-clock time and passes the article on.
     */
    private void expire(long streamTime) {
        int removed = coordinator.expire(streamTime - windowMs);
        if (removed > 0) {
            LOG.info("expired {} signatures older than {} ms of stream time", removed, windowMs);
        }
    }
}
