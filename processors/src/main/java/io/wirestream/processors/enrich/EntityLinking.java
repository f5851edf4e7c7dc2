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
import io.wirestream.core.DeadLetters;
import io.wirestream.processors.errors.GlobalDeadLetters;
import io.wirestream.processors.errors.TransientFailures;
import org.apache.kafka.common.serialization.Deserializer;
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
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
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
 * arrives (Kafka Streams also runs it over the records after the store's checkpoint when it restores
 * the store at start-up); the linking processor loads the whole store into the knowledge base once, when
 * it is first initialised (global stores are restored before stream threads start processing). Entities
 * from the topic override bundled ones of the same id. An update reaches articles processed after it, not
 * earlier ones. A record it cannot use is dead-lettered and skipped (see {@code KbUpdater}).
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
        // read as bytes and decoded by the update processor: a record that is not a KbEntry must become a dead
        // letter, and a deserialization handler cannot send one from the global thread (see GlobalDeadLetters).
        // Persistent, so that a restart re-reads news.kb from its checkpoint, not from the beginning.
        ctx.builder().addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(KB_STORE), Serdes.String(), kbSerde).withLoggingDisabled(),
                kbTopic,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(step("kb-source")),
                () -> new KbUpdater(linker.knowledgeBase(), kbSerde.deserializer()));
        return in.processValues(() -> new Linker(), Named.as(step("link")));
    }

    /**
     * Keeps the global store and the in-memory knowledge base in step with {@code news.kb}. A record that is
     * not a KbEntry (stage {@code deserialize}), has no key, or names an invalid entity (stage {@value #NAME})
     * is dead-lettered and skipped; the global thread goes on. When the registry cannot be reached the
     * record is not at fault: decoding is retried with backoff until it answers (the stream threads keep
     * processing meanwhile, with the knowledge base as it is).
     */
    private static final class KbUpdater implements Processor<byte[], byte[], Void, Void> {
        private static final long MAX_BACKOFF_MS = 30_000;
        private final KnowledgeBase kb;
        private final Deserializer<KbEntry> deserializer;
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, KbEntry> store;
        private GlobalDeadLetters deadLetters;

        KbUpdater(KnowledgeBase kb, Deserializer<KbEntry> deserializer) {
            this.kb = kb;
            this.deserializer = deserializer;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            store = context.getStateStore(KB_STORE);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            RecordMetadata where = context.recordMetadata().orElseThrow(
                    () -> new IllegalStateException("a knowledge-base record without topic, partition and offset"));
            if (record.key() == null) {
                deadLetter(where, record, NAME, new IllegalArgumentException(
                        where.topic() + ": a knowledge-base record needs the entity id as its key"));
                return;
            }
            String id = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                store.delete(id);
                kb.remove(id);
                return;
            }
            KbEntry entry;
            try {
                entry = decode(where, record);
            } catch (RuntimeException e) {
                deadLetter(where, record, GlobalDeadLetters.DESERIALIZE_STAGE, e);
                return;
            }
            try {
                kb.put(KbRecords.fromRecord(entry));
                store.put(id, entry);
            } catch (IllegalArgumentException e) {
                deadLetter(where, record, NAME, e);
            }
        }

        private KbEntry decode(RecordMetadata where, Record<byte[], byte[]> record) {
            long backoff = 1_000;
            while (true) {
                try {
                    return deserializer.deserialize(where.topic(), record.headers(), record.value());
                } catch (RuntimeException e) {
                    if (!TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    LOG.warn("cannot decode {}-{}@{} because the registry is unavailable: {}; retrying in {} ms",
                            where.topic(), where.partition(), where.offset(), e.getMessage(), backoff);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new StreamsException("interrupted while waiting for the registry", interrupted);
                    }
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                }
            }
        }

        private void deadLetter(RecordMetadata where, Record<byte[], byte[]> record, String stage, RuntimeException error) {
            if (deadLetters == null) {
                deadLetters = new GlobalDeadLetters(context.appConfigs());
            }
            LOG.warn("invalid knowledge-base record {}-{}@{}: {}; sent to {}", where.topic(), where.partition(), where.offset(),
                    error.getMessage(), deadLetters.topic());
            deadLetters.send(DeadLetters.Source.kafka(where.topic(), where.partition(), where.offset()),
                    record.key(), record.value(), stage, error);
        }

        @Override
        public void close() {
            if (deadLetters != null) {
                deadLetters.close();
                deadLetters = null;
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
