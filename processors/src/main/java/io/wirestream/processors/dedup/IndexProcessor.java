package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupAnswerType;
import io.wirestream.avro.dedup.DedupCheck;
import io.wirestream.avro.dedup.DedupMatchKind;
import io.wirestream.avro.dedup.DedupMessage;
import io.wirestream.avro.dedup.DedupProbe;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.MatchKind;
import io.wirestream.dedup.NearDuplicateIndex;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Step 2, on the partition that owns a group of index keys: files the article under each key, sends one
 * check to each distinct article already filed under any of them (keyed by that article's id, with the
 * strongest kind of key they share), then one PROBED answer saying how many keys were served and how many
 * checks went out (keyed by the probing article's id). Every copy of a story meets its other copies here,
 * whichever partition and instance their ids belong to.
 */
final class IndexProcessor implements Processor<String, DedupProbe, String, DedupMessage> {

    private final DedupParameters parameters;
    private final long windowMs;
    private ProcessorContext<String, DedupMessage> context;
    private NearDuplicateIndex index;

    IndexProcessor(DedupParameters parameters, long windowMs) {
        this.parameters = parameters;
        this.windowMs = windowMs;
    }

    @Override
    public void init(ProcessorContext<String, DedupMessage> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> keys = context.getStateStore(Deduplication.INDEX_STORE);
        this.index = NearDuplicateIndex.keysOnly(parameters, new KeyValueByteStore(keys));
        context.schedule(Deduplication.expiryInterval(windowMs), PunctuationType.STREAM_TIME,
                streamTime -> index.expire(streamTime - windowMs));
    }

    @Override
    public void process(Record<String, DedupProbe> record) {
        DedupProbe probe = record.value();
        List<ByteBuffer> keys = new ArrayList<>(probe.getIndexKeys());
        if (probe.getIndexKey() != null) {
            keys.add(probe.getIndexKey()); // a single-key probe written before keys were grouped
        }
        // one check per candidate, whatever number of keys it shares with the article: the strongest kind wins
        Map<String, MatchKind> candidates = new LinkedHashMap<>();
        for (ByteBuffer buffer : keys) {
            byte[] key = bytes(buffer);
            MatchKind kind = IndexCodec.kindOf(key);
            for (String candidate : index.probe(key, probe.getArticleId(), record.timestamp())) {
                candidates.merge(candidate, kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        candidates.forEach((candidate, kind) -> {
            DedupCheck check = DedupCheck.newBuilder().setProbeId(probe.getArticleId()).setCandidateId(candidate)
                    .setKind(DedupMatchKind.valueOf(kind.name())).setSketch(probe.getSketch())
                    .setProbePublishedAt(probe.getPublishedAt()).build();
            context.forward(record.withKey(candidate).withValue(DedupMessage.newBuilder().setCheck(check).setAnswer(null).build()));
        });
        DedupAnswer answer = DedupAnswer.newBuilder().setArticleId(probe.getArticleId()).setType(DedupAnswerType.PROBED)
                .setChecksSent(candidates.size()).setKeysServed(keys.size()).setMatches(new ArrayList<>()).build();
        context.forward(record.withKey(probe.getArticleId()).withValue(DedupMessage.newBuilder().setCheck(null).setAnswer(answer).build()));
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
