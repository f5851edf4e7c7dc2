package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupAnswerType;
import io.wirestream.avro.dedup.DedupCheck;
import io.wirestream.avro.dedup.DedupGather;
import io.wirestream.avro.dedup.DedupGatheredMatch;
import io.wirestream.avro.dedup.DedupMatch;
import io.wirestream.avro.dedup.DedupMatchKind;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.Match;
import io.wirestream.dedup.MatchKind;
import io.wirestream.dedup.MinHashSignature;
import io.wirestream.dedup.NearDuplicateIndex;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Step 3, on the partition of the candidate's id, where its signature lives: confirms or rejects the
 * candidate and answers the probing article (keyed by its id), always, so that it can count answers.
 *
 * <p>Who writes the notice for a confirmed pair: when the candidate is still waiting for its own verdict,
 * the probing article is handed to it as a match (in {@code dedup-gather}), so the candidate's verdict
 * accounts for the pair, and the answer tells the probing article that it owes the candidate no notice.
 * Likewise when the candidate is a copy that already has its notice. Only a candidate that was passed on
 * as an article is owed a notice by a probing article that turns out to be its original (a late
 * original). Without this rule two copies that meet each other on different index keys at the same time
 * (each key's partition seeing a different one first) would both write a notice for the same copy.
 */
final class VerifyProcessor implements Processor<String, DedupCheck, String, DedupAnswer> {

    private final DedupParameters parameters;
    private ProcessorContext<String, DedupAnswer> context;
    private NearDuplicateIndex index;
    private KeyValueStore<String, DedupGather> gathers;

    VerifyProcessor(DedupParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void init(ProcessorContext<String, DedupAnswer> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.index = NearDuplicateIndex.signaturesOnly(parameters, new KeyValueByteStore(signatures));
        this.gathers = context.getStateStore(Deduplication.GATHER_STORE);
    }

    @Override
    public void process(Record<String, DedupCheck> record) {
        DedupCheck check = record.value();
        MinHashSignature sketch = check.getSketch() == null ? null : IndexCodec.sketch(IndexProcessor.bytes(check.getSketch()));
        // verify() gives the direct match first, then the candidate's recorded original when it is a copy
        List<Match> confirmed = index.verify(check.getCandidateId(), MatchKind.valueOf(check.getKind().name()), sketch);
        List<DedupMatch> matches = new ArrayList<>();
        for (int i = 0; i < confirmed.size(); i++) {
            Match m = confirmed.get(i);
            boolean noticeOwed = true;
            if (i == 0) {
                boolean candidateIsCopy = confirmed.size() > 1;
                boolean handedOver = handOver(check, m);
                noticeOwed = !candidateIsCopy && !handedOver;
            }
            matches.add(DedupMatch.newBuilder().setCandidateId(m.candidate().id())
                    .setCandidatePublishedAt(m.candidate().publishedAt())
                    .setKind(DedupMatchKind.valueOf(m.kind().name())).setSimilarity(m.similarity())
                    .setNoticeOwed(noticeOwed).build());
        }
        DedupAnswer answer = DedupAnswer.newBuilder().setArticleId(check.getProbeId()).setType(DedupAnswerType.CHECKED)
                .setChecksSent(0).setMatches(matches).build();
        context.forward(record.withKey(check.getProbeId()).withValue(answer));
    }

    /**
     * When the candidate is still waiting for its verdict, adds the probing article to the candidate's
     * matches (a confirmed match is symmetric: same kind, same similarity).
     *
     * @return whether the candidate was waiting and now has the probing article in view
     */
    private boolean handOver(DedupCheck check, Match confirmed) {
        if (check.getProbePublishedAt() == null) {
            return false; // written before probes carried their publication time: the probing article decides
        }
        DedupGather waiting = gathers.get(check.getCandidateId());
        if (waiting == null) {
            return false;
        }
        List<DedupGatheredMatch> matches = new ArrayList<>(waiting.getMatches());
        matches.add(DedupGatheredMatch.newBuilder().setCandidateId(check.getProbeId())
                .setCandidatePublishedAt(check.getProbePublishedAt()).setKind(confirmed.kind().name())
                .setSimilarity(confirmed.similarity()).setNoticeOwed(false).build());
        waiting.setMatches(matches);
        gathers.put(check.getCandidateId(), waiting);
        return true;
    }
}
