package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupHomeBatch;
import io.wirestream.avro.dedup.DedupWaitingBatch;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.DedupCoordinator;
import io.wirestream.dedup.coordinator.Decision;
import io.wirestream.dedup.coordinator.HomeBatch;
import io.wirestream.dedup.coordinator.Received;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A batch at a partition of article ids ({@link DedupCoordinator#receive}): checks of candidates living here are
 * answered (a batch of CHECKED answers per home of the probing articles, keyed by its number), answers to articles
 * waiting here are counted, and each completed verdict releases its article ({@link Releases}). The stage runs it
 * twice: on the batches from the index (checks and PROBED answers) and on the CHECKED answers (which it cannot
 * send back to itself: a topology has no cycles).
 */
final class ReceiveProcessor implements Processor<String, DedupHomeBatch, String, HomeOutput> {

    private final DedupParameters parameters;
    private final int partitions;
    private final Supplier<Releases> releasesSupplier;
    private final Serde<DedupWaitingBatch> waitingSerde;
    private ProcessorContext<String, HomeOutput> context;
    private StoreWaitingArticles waiting;
    private DedupCoordinator coordinator;
    private Releases releases;

    /** @param waitingSerde the serde of the records of {@code dedup-waiting} ({@link WaitingBatchCodec}) */
    ReceiveProcessor(DedupParameters parameters, int partitions, Supplier<Releases> releases, Serde<DedupWaitingBatch> waitingSerde) {
        this.parameters = parameters;
        this.partitions = partitions;
        this.releasesSupplier = releases;
        this.waitingSerde = waitingSerde;
    }

    @Override
    public void init(ProcessorContext<String, HomeOutput> context) {
        this.context = context;
        this.releases = releasesSupplier.get();
        this.waiting = Deduplication.waitingArticles(context, waitingSerde);
        this.coordinator = Deduplication.homeCoordinator(context, parameters, partitions, waiting);
    }

    @Override
    public void process(Record<String, DedupHomeBatch> record) {
        // the batches this message changed are in the store before anything is forwarded
        Received received = waiting.step(() -> coordinator.receive(DedupMessages.fromAvro(record.value())));
        for (HomeBatch reply : received.replies()) {
            context.forward(record.withKey(String.valueOf(reply.home())).withValue(new HomeOutput(
                    DedupMessages.toAvro(reply), null)));
        }
        for (Decision d : received.decisions()) {
            DedupOutcome outcome = releases.outcome(d);
            if (outcome != null) {
                context.forward(record.withKey(d.articleId()).withValue(new HomeOutput(null, outcome)));
            }
        }
    }
}
