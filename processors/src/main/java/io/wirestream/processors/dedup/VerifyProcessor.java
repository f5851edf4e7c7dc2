package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupCheck;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A check at the partition of the candidate's id, where its signature lives and where it waits for its own verdict
 * ({@link DedupCoordinator#check}, which also decides who owes the notice of a pair); the CHECKED answer is keyed
 * by the probing article's id.
 */
final class VerifyProcessor implements Processor<String, DedupCheck, String, DedupAnswer> {

    private final DedupParameters parameters;
    private final int partitions;
    private ProcessorContext<String, DedupAnswer> context;
    private DedupCoordinator coordinator;

    VerifyProcessor(DedupParameters parameters, int partitions) {
        this.parameters = parameters;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, DedupAnswer> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.coordinator = DedupCoordinator.atHome(parameters, key -> ProbeRouting.partitionOf(key, partitions),
                new KeyValueByteStore(signatures), new StoreWaitingArticles(context.getStateStore(Deduplication.GATHER_STORE)));
    }

    @Override
    public void process(Record<String, DedupCheck> record) {
        DedupAnswer answer = DedupMessages.toAvro(coordinator.check(DedupMessages.fromAvro(record.value())));
        context.forward(record.withKey(answer.getArticleId()).withValue(answer));
    }
}
