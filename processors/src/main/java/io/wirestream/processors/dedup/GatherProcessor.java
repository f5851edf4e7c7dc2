package io.wirestream.processors.dedup;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import io.wirestream.dedup.coordinator.Decision;
import io.wirestream.dedup.coordinator.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Answers at the partition of the probing article's id ({@link DedupCoordinator#answer}); once its verdict is in,
 * the parked article leaves {@code dedup-pending}: passed on with its status (UNIQUE, ORIGINAL) or replaced by its
 * notice (COPY), with the notices that re-point copies passed on before (a late original). A wall-clock
 * punctuation passes on, NOT_CHECKED with the reason, every article whose answers did not all come within
 * {@code dedup.answer.timeout.ms} ({@link DedupCoordinator#overdue}).
 */
final class GatherProcessor implements Processor<String, DedupAnswer, String, DedupOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(GatherProcessor.class);

    private final DedupParameters parameters;
    private final long answerTimeoutMs;
    private final int partitions;
    private ProcessorContext<String, DedupOutcome> context;
    private DedupCoordinator coordinator;
    private KeyValueStore<String, EnrichedArticle> pending;

    /** @param answerTimeoutMs wall-clock time after which an article still waiting is passed on unchecked */
    GatherProcessor(DedupParameters parameters, long answerTimeoutMs, int partitions) {
        this.parameters = parameters;
        this.answerTimeoutMs = answerTimeoutMs;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.coordinator = DedupCoordinator.atHome(parameters, key -> ProbeRouting.partitionOf(key, partitions),
                new KeyValueByteStore(signatures), new StoreWaitingArticles(context.getStateStore(Deduplication.GATHER_STORE)));
        this.pending = context.getStateStore(Deduplication.PENDING_STORE);
        context.schedule(Duration.ofMillis(Math.max(1_000, Math.min(60_000, answerTimeoutMs / 2))), PunctuationType.WALL_CLOCK_TIME,
                now -> coordinator.overdue(now, answerTimeoutMs).forEach(d -> release(d, now)));
    }

    @Override
    public void process(Record<String, DedupAnswer> record) {
        coordinator.answer(DedupMessages.fromAvro(record.value())).ifPresent(d -> release(d, record.timestamp()));
    }

    private void release(Decision decision, long timestamp) {
        String id = decision.articleId();
        EnrichedArticle article = pending.get(id);
        pending.delete(id);
        if (article == null) {
            LOG.warn("article {} has its deduplication verdict ({}) but is no longer parked: dropped", id, decision.status());
            return;
        }
        if (decision.status() == Decision.Status.NOT_CHECKED) {
            LOG.warn("article {}: {}", id, decision.reason());
        }
        Instant now = Instant.now();
        List<DuplicateNotice> notices = new ArrayList<>(decision.notices().size());
        for (Notice n : decision.notices()) {
            notices.add(DedupMessages.toAvro(n, article.getOrigin(), article.getTitle(), now));
        }
        EnrichedArticle passed = !decision.passesOn() ? null : EnrichedArticle.newBuilder(article)
                .setDedup(DedupVerdict.newBuilder(article.getDedup()).setStatus(DedupStatus.valueOf(decision.status().name()))
                        .setReason(decision.reason()).build())
                .build();
        context.forward(new Record<>(id, new DedupOutcome(passed, notices), timestamp));
    }
}
