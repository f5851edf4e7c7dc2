package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupMessage;
import io.wirestream.avro.dedup.DedupProbe;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.Check;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import io.wirestream.dedup.coordinator.Served;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe at the partition that owns its group of index keys ({@link DedupCoordinator#serve}): a check per
 * candidate, keyed by the candidate's id, and the PROBED answer, keyed by the probing article's id. The index
 * lives in {@code dedup-index-filed} (durable, one record per article) and {@code dedup-index} (the key lookup,
 * without changelog, rebuilt at start).
 */
final class IndexProcessor implements Processor<String, DedupProbe, String, DedupMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexProcessor.class);

    private final DedupParameters parameters;
    private final long windowMs;
    private ProcessorContext<String, DedupMessage> context;
    private DedupCoordinator coordinator;

    IndexProcessor(DedupParameters parameters, long windowMs) {
        this.parameters = parameters;
        this.windowMs = windowMs;
    }

    @Override
    public void init(ProcessorContext<String, DedupMessage> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> keys = context.getStateStore(Deduplication.INDEX_STORE);
        KeyValueStore<Bytes, byte[]> filed = context.getStateStore(Deduplication.INDEX_FILED_STORE);
        this.coordinator = DedupCoordinator.atIndex(parameters, new KeyValueByteStore(keys), new KeyValueByteStore(filed));
        // processors start after their task's stores are restored: the lookup, which keeps no changelog, is rebuilt
        // from the restored filed keys, so it holds exactly the committed index whatever happened before
        long started = System.nanoTime();
        int articles = coordinator.rebuildIndex();
        LOG.info("deduplication index of task {} rebuilt from {} filed articles in {} ms", context.taskId(), articles,
                (System.nanoTime() - started) / 1_000_000);
        context.schedule(Deduplication.expiryInterval(windowMs), PunctuationType.STREAM_TIME,
                streamTime -> coordinator.expire(streamTime - windowMs));
    }

    @Override
    public void process(Record<String, DedupProbe> record) {
        Served served = coordinator.serve(DedupMessages.fromAvro(record.value()), record.timestamp());
        for (Check check : served.checks()) {
            context.forward(record.withKey(check.candidateId())
                    .withValue(DedupMessage.newBuilder().setCheck(DedupMessages.toAvro(check)).setAnswer(null).build()));
        }
        context.forward(record.withKey(served.answer().articleId())
                .withValue(DedupMessage.newBuilder().setCheck(null).setAnswer(DedupMessages.toAvro(served.answer())).build()));
    }
}
