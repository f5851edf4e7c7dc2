package io.wirestream.processors.dedup;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupGather;
import io.wirestream.avro.dedup.DedupProbe;
import io.wirestream.dedup.ArticleSignature;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.NearDuplicateIndex;
import io.wirestream.dedup.SignatureFactory;
import java.nio.ByteBuffer;
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
 * Step 1, on the partition of the article id: signs the article, registers its signature, parks the
 * article until its verdict, and sends its index keys to the partitions that own them, one probe per
 * partition with all the keys that partition owns ({@link ProbeRouting}): at most 18 keys, but only as
 * many messages as distinct partitions.
 *
 * <p>Re-deliveries (an id already registered inside the window) are answered by
 * {@link RedeliveryProcessor} before they reach this step.
 */
final class ScatterProcessor implements Processor<String, EnrichedArticle, String, DedupProbe> {

    private static final Logger LOG = LoggerFactory.getLogger(ScatterProcessor.class);

    private final SignatureFactory factory;
    private final DedupParameters parameters;
    private final long windowMs;
    private final int partitions;
    private ProcessorContext<String, DedupProbe> context;
    private NearDuplicateIndex index;
    private KeyValueStore<String, EnrichedArticle> pending;
    private KeyValueStore<String, DedupGather> gathers;

    /** @param partitions the partition count of {@code dedup-probes} (that of {@code news.raw}) */
    ScatterProcessor(DedupParameters parameters, long windowMs, int partitions) {
        this.parameters = parameters;
        this.factory = new SignatureFactory(parameters);
        this.windowMs = windowMs;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, DedupProbe> context) {
        this.context = context;
        KeyValueStore<Bytes, byte[]> signatures = context.getStateStore(Deduplication.SIGNATURES_STORE);
        this.index = NearDuplicateIndex.signaturesOnly(parameters, new KeyValueByteStore(signatures));
        this.pending = context.getStateStore(Deduplication.PENDING_STORE);
        this.gathers = context.getStateStore(Deduplication.GATHER_STORE);
        context.schedule(Deduplication.expiryInterval(windowMs), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        String id = record.key();
        ArticleSignature signature = factory.sign(id, article.getUrl(), article.getBody(), Deduplication.publishedAt(article));
        List<byte[]> keys = IndexCodec.indexKeys(signature);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("article " + id + " has neither a valid URL nor any text to deduplicate on");
        }
        if (!index.register(signature, record.timestamp())) {
            // unreachable while RedeliveryProcessor runs first on the same store and task
            LOG.warn("article {} was already deduplicated inside the window: re-delivery dropped", id);
            return;
        }
        pending.put(id, EnrichedArticle.newBuilder(article)
                .setCanonicalUrl(signature.canonicalUrl().orElse(null))
                .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.NOT_CHECKED)
                        .setFingerprint(signature.textFingerprint().orElse(null)).build())
                .build());
        gathers.put(id, DedupGather.newBuilder().setArticleId(id).setPublishedAt(signature.ref().publishedAt())
                .setProbesExpected(keys.size()).setStartedAt(context.currentSystemTimeMs()).setMatches(new ArrayList<>()).build());
        ByteBuffer sketch = signature.minHash().map(m -> ByteBuffer.wrap(IndexCodec.sketch(m))).orElse(null);
        for (List<byte[]> group : ProbeRouting.group(keys, partitions).values()) {
            DedupProbe probe = DedupProbe.newBuilder().setArticleId(id).setIndexKey(null)
                    .setIndexKeys(group.stream().map(ByteBuffer::wrap).toList()).setSketch(sketch)
                    .setPublishedAt(signature.ref().publishedAt()).build();
            context.forward(record.withKey(ProbeRouting.hex(group.get(0))).withValue(probe));
        }
    }

    /**
     * Forgets signatures older than the window. Parked articles are not touched here: an article with an old
     * record timestamp (a backfill) may be parked while stream time is far ahead; {@link GatherProcessor}
     * gives up waiting for a verdict by wall-clock time and passes the article on.
     */
    private void expire(long streamTime) {
        int removed = index.expire(streamTime - windowMs);
        if (removed > 0) {
            LOG.info("expired {} signatures older than {} ms of stream time", removed, windowMs);
        }
    }
}
