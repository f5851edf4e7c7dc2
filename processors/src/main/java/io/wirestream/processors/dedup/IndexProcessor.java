package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupHomeBatch;
import io.wirestream.avro.dedup.DedupProbeBatch;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import io.wirestream.dedup.coordinator.HomeBatch;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe batch at the partition that owns its index keys ({@link DedupCoordinator#serve}): one record per home
 * partition with something to receive (the PROBED answers for the batch's home, the checks for each candidate's),
 * keyed by that partition's number. The index lives in {@code dedup-index-filed} (durable, one record per batch)
 * and {@code dedup-index} (the key lookup, without changelog, rebuilt at start).
 */
final class IndexProcessor implements Processor<String, DedupProbeBatch, String, DedupHomeBatch> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexProcessor.class);

    private final DedupParameters parameters;
    private final long windowMs;
    private final int partitions;
    private ProcessorContext<String, DedupHomeBatch> context;
    private DedupCoordinator coordinator;

    IndexProcessor(DedupParameters parameters, long windowMs, int partitions) {
        this.parameters = parameters;
        this.windowMs = windowMs;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, DedupHomeBatch> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> keys = context.getStateStore(Deduplication.INDEX_STORE);
        KeyValueStore<Bytes, byte[]> filed = context.getStateStore(Deduplication.INDEX_FILED_STORE);
        this.coordinator = DedupCoordinator.atIndex(parameters, id -> ProbeRouting.homeOf(id, partitions),
                new KeyValueByteStore(keys), new KeyValueByteStore(filed));
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
    public void process(Record<String, DedupProbeBatch> record) {
        for (HomeBatch batch : coordinator.serve(DedupMessages.fromAvro(record.value(), record.timestamp()))) {
            context.forward(record.withKey(String.valueOf(batch.home())).withValue(DedupMessages.toAvro(batch)));
        }
    }
}
