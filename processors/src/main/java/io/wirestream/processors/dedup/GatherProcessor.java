package io.wirestream.processors.dedup;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.DuplicateKind;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupAnswerType;
import io.wirestream.avro.dedup.DedupGather;
import io.wirestream.avro.dedup.DedupGatheredMatch;
import io.wirestream.avro.dedup.DedupMatch;
import io.wirestream.dedup.ArticleRef;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.Match;
import io.wirestream.dedup.MatchKind;
import io.wirestream.dedup.NearDuplicateIndex;
import io.wirestream.dedup.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4, back on the partition of the article id: counts the answers and, once every probe and
 * every check has answered, decides with {@link io.wirestream.dedup.VerdictRule}:
 * <ul>
 *   <li>UNIQUE: the article goes on;</li>
 *   <li>COPY: a notice (copy, its original) and the article stops here;</li>
 *   <li>ORIGINAL (it precedes copies that arrived before it): the article goes on, and each of those
 *       copies that was already passed on as an article gets a notice naming it as their original
 *       (see {@link VerifyProcessor} for who writes the notice of a pair).</li>
 * </ul>
 */
final class GatherProcessor implements Processor<String, DedupAnswer, String, DedupOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(GatherProcessor.class);

    private final DedupParameters parameters;
    private final long answerTimeoutMs;
    private ProcessorContext<String, DedupOutcome> context;
    private NearDuplicateIndex index;
    private KeyValueStore<String, EnrichedArticle> pending;
    private KeyValueStore<String, DedupGather> gathers;

    /** @param answerTimeoutMs wall-clock time after which an article still waiting is passed on unchecked */
    GatherProcessor(DedupParameters parameters, long answerTimeoutMs) {
        this.parameters = parameters;
        this.answerTimeoutMs = answerTimeoutMs;
    }

    @Override
    public void init(ProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.index = NearDuplicateIndex.signaturesOnly(parameters, new KeyValueByteStore(signatures));
        this.pending = context.getStateStore(Deduplication.PENDING_STORE);
        this.gathers = context.getStateStore(Deduplication.GATHER_STORE);
        context.schedule(Duration.ofMillis(Math.max(1_000, Math.min(60_000, answerTimeoutMs / 2))), PunctuationType.WALL_CLOCK_TIME,
                this::releaseOverdue);
    }

    /**
     * Passes on, with status NOT_CHECKED and the reason, every article that has waited longer than the timeout:
     * one of its probes, checks or answers was dead-lettered (it could not be read) or lost, so its verdict
     * would never complete. Answers that still arrive for it later are ignored (it is no longer waiting).
     */
    private void releaseOverdue(long now) {
        List<DedupGather> overdue = new ArrayList<>();
        try (KeyValueIterator<String, DedupGather> it = gathers.all()) {
            while (it.hasNext()) {
                KeyValue<String, DedupGather> kv = it.next();
                if (now - kv.value.getStartedAt() >= answerTimeoutMs) {
                    overdue.add(kv.value);
                }
            }
        }
        for (DedupGather gather : overdue) {
            String id = gather.getArticleId();
            gathers.delete(id);
            EnrichedArticle article = pending.get(id);
            pending.delete(id);
            if (article == null) {
                LOG.warn("article {} waited for its deduplication verdict but is not parked: nothing to pass on", id);
                continue;
            }
            String reason = "no deduplication verdict within dedup.answer.timeout.ms=" + answerTimeoutMs + " ms: "
                    + gather.getProbesAnswered() + " of " + gather.getProbesExpected() + " index keys and "
                    + gather.getChecksAnswered() + " of " + gather.getChecksExpected()
                    + " checks answered (a deduplication message was dead-lettered or lost); passed on unchecked";
            LOG.warn("article {}: {}", id, reason);
            EnrichedArticle unchecked = EnrichedArticle.newBuilder(article)
                    .setDedup(DedupVerdict.newBuilder(article.getDedup()).setStatus(DedupStatus.NOT_CHECKED).setReason(reason).build())
                    .build();
            context.forward(new Record<>(id, new DedupOutcome(unchecked, List.of()), now));
        }
    }

    @Override
    public void process(Record<String, DedupAnswer> record) {
        String id = record.key();
        DedupGather gather = gathers.get(id);
        if (gather == null) {
            LOG.warn("deduplication answer for article {}, which is not waiting for one: ignored", id);
            return;
        }
        DedupAnswer answer = record.value();
        if (answer.getType() == DedupAnswerType.PROBED) {
            gather.setProbesAnswered(gather.getProbesAnswered() + answer.getKeysServed());
            gather.setChecksExpected(gather.getChecksExpected() + answer.getChecksSent());
        } else {
            gather.setChecksAnswered(gather.getChecksAnswered() + 1);
            List<DedupGatheredMatch> matches = new ArrayList<>(gather.getMatches());
            for (DedupMatch m : answer.getMatches()) {
                matches.add(DedupGatheredMatch.newBuilder().setCandidateId(m.getCandidateId())
                        .setCandidatePublishedAt(m.getCandidatePublishedAt()).setKind(m.getKind().name())
                        .setSimilarity(m.getSimilarity()).setNoticeOwed(m.getNoticeOwed()).build());
            }
            gather.setMatches(matches);
        }
        boolean complete = gather.getProbesAnswered() == gather.getProbesExpected()
                && gather.getChecksAnswered() == gather.getChecksExpected();
        if (!complete) {
            gathers.put(id, gather);
            return;
        }
        gathers.delete(id);
        EnrichedArticle article = pending.get(id);
        pending.delete(id);
        if (article == null) {
            LOG.warn("article {} completed deduplication but is no longer parked: dropped", id);
            return;
        }
        context.forward(record.withValue(outcome(article, gather)));
    }

    private DedupOutcome outcome(EnrichedArticle article, DedupGather gather) {
        List<Match> matches = new ArrayList<>();
        Set<String> informed = new HashSet<>();
        for (DedupGatheredMatch m : gather.getMatches()) {
            if (!m.getNoticeOwed()) {
                informed.add(m.getCandidateId());
            }
            matches.add(new Match(new ArticleRef(m.getCandidateId(), m.getCandidatePublishedAt()),
                    MatchKind.valueOf(m.getKind()), m.getSimilarity()));
        }
        Verdict verdict = index.decide(new ArticleRef(gather.getArticleId(), gather.getPublishedAt()), matches);
        Instant now = Instant.now();
        return switch (verdict.status()) {
            case UNIQUE -> new DedupOutcome(withStatus(article, DedupStatus.UNIQUE), List.of());
            case COPY -> {
                Match original = verdict.original().orElseThrow();
                yield new DedupOutcome(null, List.of(notice(article.getId(), original, now)
                        .setCopyOrigin(article.getOrigin()).setCopyTitle(article.getTitle()).build()));
            }
            case ORIGINAL -> {
                List<DuplicateNotice> notices = new ArrayList<>();
                for (Match later : verdict.laterCopies()) {
                    if (informed.contains(later.candidate().id())) {
                        continue; // a copy with its own notice, or one deciding with this article in view
                    }
                    Match asOriginal = new Match(verdict.article(), later.kind(), later.similarity());
                    notices.add(notice(later.candidate().id(), asOriginal, now).build());
                }
                yield new DedupOutcome(withStatus(article, DedupStatus.ORIGINAL), notices);
            }
        };
    }

    private static DuplicateNotice.Builder notice(String copyId, Match original, Instant now) {
        return DuplicateNotice.newBuilder().setCopyId(copyId).setOriginalId(original.candidate().id())
                .setKind(DuplicateKind.valueOf(original.kind().name())).setSimilarity(original.similarity())
                .setDetectedAt(now).setCopyOrigin(null).setCopyTitle(null);
    }

    private static EnrichedArticle withStatus(EnrichedArticle article, DedupStatus status) {
        return EnrichedArticle.newBuilder(article)
                .setDedup(DedupVerdict.newBuilder(article.getDedup()).setStatus(status).build())
                .build();
    }
}
