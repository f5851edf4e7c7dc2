package io.wirestream.processors.enrich;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.Mention;
import io.wirestream.avro.kb.KbEntry;
import io.wirestream.enrichment.entity.EntityLinker;
import io.wirestream.enrichment.entity.LinkedEntity;
import io.wirestream.enrichment.kb.KnowledgeBase;
import io.wirestream.processors.PipelineStage;
import io.wirestream.processors.StageContext;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fills {@code entities} of each article with the people, places and organisations its cleaned
 * body names ({@link EntityLinker}; mention offsets refer to the body).
 *
 * <p>Knowledge base updates: the compacted topic {@code news.kb} (key: entity id, value:
 * {@link KbEntry}, null to delete) is read into a global store, {@value #KB_STORE}, on every
 * instance. Its update processor applies each record to the in-memory knowledge base as it
 * arrives; since Kafka Streams restores a global store at start-up without calling that processor,
 * the linking processor also loads the whole store into the knowledge base once, when it is first
 * initialised (global stores are restored before stream threads start processing). Entities from the topic override
 * bundled ones of the same id. An update reaches articles processed after it, not earlier ones.
 */
public final class EntityLinking implements PipelineStage {

    public static final String NAME = "entities";
    public static final String KB_STORE = "entities.kb";

    private static final Logger LOG = LoggerFactory.getLogger(EntityLinking.class);

    private final EntityLinker linker;
    private final AtomicBoolean storeLoaded = new AtomicBoolean();

    public EntityLinking(EntityLinker linker) {
        this.linker = Objects.requireNonNull(linker, "linker must not be null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KStream<String, EnrichedArticle> build(KStream<String, EnrichedArticle> in, StageContext ctx) {
        String kbTopic = ctx.topics().names().knowledgeBase();
        Serde<KbEntry> kbSerde = ctx.serdes().forValues(KbEntry.class);
        ctx.builder().addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(KB_STORE), Serdes.String(), kbSerde).withLoggingDisabled(),
                kbTopic,
                Consumed.with(Serdes.String(), kbSerde).withName(step("kb-source")),
                () -> new KbUpdater(linker.knowledgeBase()));
        return in.processValues(() -> new Linker(), Named.as(step("link")));
    }

    /** Keeps the global store and the in-memory knowledge base in step with {@code news.kb}. */
    private static final class KbUpdater implements Processor<String, KbEntry, Void, Void> {
        private final KnowledgeBase kb;
        private KeyValueStore<String, KbEntry> store;

        KbUpdater(KnowledgeBase kb) {
            this.kb = kb;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(KB_STORE);
        }

        @Override
        public void process(Record<String, KbEntry> record) {
            if (record.key() == null) {
                LOG.warn("ignoring a knowledge-base record without a key");
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
                kb.remove(record.key());
                return;
            }
            try {
                kb.put(KbRecords.fromRecord(record.value()));
                store.put(record.key(), record.value());
            } catch (IllegalArgumentException e) {
                // A bad entry must not stop the global thread, which would stop the whole application.
                LOG.warn("ignoring invalid knowledge-base record {}: {}", record.key(), e.getMessage());
            }
        }
    }

    private final class Linker implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
        private FixedKeyProcessorContext<String, EnrichedArticle> context;

        @Override
        public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
            this.context = context;
            if (storeLoaded.compareAndSet(false, true)) {
                KeyValueStore<String, KbEntry> store = context.getStateStore(KB_STORE);
                int loaded = 0;
                try (KeyValueIterator<String, KbEntry> it = store.all()) {
                    while (it.hasNext()) {
                        KeyValue<String, KbEntry> kv = it.next();
                        try {
                            linker.knowledgeBase().put(KbRecords.fromRecord(kv.value));
                            loaded++;
                        } catch (IllegalArgumentException e) {
                            LOG.warn("ignoring invalid knowledge-base record {}: {}", kv.key, e.getMessage());
                        }
                    }
                }
                LOG.info("knowledge base: {} entities from {} on top of the bundled {}", loaded, KB_STORE, linker.knowledgeBase().version());
            }
        }

        @Override
        public void process(FixedKeyRecord<String, EnrichedArticle> record) {
            EnrichedArticle article = record.value();
            context.forward(record.withValue(EnrichedArticle.newBuilder(article)
                    .setEntities(toAvro(linker.link(article.getBody(), article.getLanguage())))
                    .build()));
        }
    }

    static List<Entity> toAvro(List<LinkedEntity> entities) {
        List<Entity> out = new ArrayList<>(entities.size());
        for (LinkedEntity e : entities) {
            List<Mention> mentions = e.mentions().stream()
                    .map(m -> new Mention(m.text(), m.start(), m.end()))
                    .toList();
            out.add(Entity.newBuilder()
                    .setId(e.id())
                    .setType(io.wirestream.avro.EntityType.valueOf(e.type().name()))
                    .setCanonicalName(e.canonicalName())
                    .setSalience(e.salience())
                    .setMentions(mentions)
                    .build());
        }
        return out;
    }
}
