package io.wirestream.processors.dedup;

import io.wirestream.avro.DuplicateKind;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.NearDuplicateIndex;
import io.wirestream.dedup.UrlCanonicalizer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.List;

/**
 * Step 0, on the partition of the article id: a record whose id is already indexed inside the window is a
 * re-delivery of the same item (the same canonical URL, or the same text when there is no URL, gives the
 * same id). Its first verdict stands; the re-delivery gets a notice naming the article itself as its
 * original ({@code EXACT_URL}, or {@code EXACT_TEXT} for an article without URL), so that every raw record has
 * exactly one outcome downstream. Anything else goes on to {@link ScatterProcessor}.
 */
final class RedeliveryProcessor implements Processor<String, EnrichedArticle, String, DedupOutcome> {
    private static final UrlCanonicalizer URLS = new UrlCanonicalizer();

    private final DedupParameters parameters;
    private ProcessorContext<String, DedupOutcome> context;
    private NearDuplicateIndex index;

    RedeliveryProcessor(DedupParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void init(ProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.index = NearDuplicateIndex.signaturesOnly(parameters, new KeyValueByteStore(signatures));
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (!index.isRegistered(record.key())) {
            context.forward(record.withValue(new DedupOutcome(article, List.of())));
            return;
        }
        boolean byUrl = article.getUrl() != null && URLS.canonicalize(article.getUrl()).isPresent();
        DuplicateNotice notice = DuplicateNotice.newBuilder()
            .setCopyId(record.key())
            .setOriginalId(record.key())
            .setKind(byUrl ? DuplicateKind.EXACT_URL : DuplicateKind.EXACT_TEXT)
            .setSimilarity(1.0)
            .setDetectedAt(Instant.now())
            .setCopyOrigin(article.getOrigin())
            .setCopyTitle(article.getTitle())
            .build();
        context.forward(record.withValue(new DedupOutcome(null, List.of(notice))));
    }
}
