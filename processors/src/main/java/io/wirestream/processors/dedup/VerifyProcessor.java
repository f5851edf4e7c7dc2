package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupAnswerType;
import io.wirestream.avro.dedup.DedupCheck;
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
 */
final class VerifyProcessor implements Processor<String, DedupCheck, String, DedupAnswer> {

    private final DedupParameters parameters;
    private ProcessorContext<String, DedupAnswer> context;
    private NearDuplicateIndex index;

    VerifyProcessor(DedupParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void init(ProcessorContext<String, DedupAnswer> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.index = NearDuplicateIndex.signaturesOnly(parameters, new KeyValueByteStore(signatures));
    }

    @Override
    public void process(Record<String, DedupCheck> record) {
        DedupCheck check = record.value();
        MinHashSignature sketch = check.getSketch() == null ? null : IndexCodec.sketch(IndexProcessor.bytes(check.getSketch()));
        List<DedupMatch> matches = new ArrayList<>();
        for (Match m : index.verify(check.getCandidateId(), MatchKind.valueOf(check.getKind().name()), sketch)) {
            matches.add(DedupMatch.newBuilder().setCandidateId(m.candidate().id())
                    .setCandidatePublishedAt(m.candidate().publishedAt())
                    .setKind(DedupMatchKind.valueOf(m.kind().name())).setSimilarity(m.similarity()).build());
        }
        DedupAnswer answer = DedupAnswer.newBuilder().setArticleId(check.getProbeId()).setType(DedupAnswerType.CHECKED)
                .setChecksSent(0).setMatches(matches).build();
        context.forward(record.withKey(check.getProbeId()).withValue(answer));
    }
}
