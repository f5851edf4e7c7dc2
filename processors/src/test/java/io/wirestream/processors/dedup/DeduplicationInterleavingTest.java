package io.wirestream.processors.dedup;

import static io.wirestream.processors.dedup.DedupSamples.PUBLISHED;
import static io.wirestream.processors.dedup.DedupSamples.STORY;
import static io.wirestream.processors.dedup.DedupSamples.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupAnswer;
import io.wirestream.avro.dedup.DedupCheck;
import io.wirestream.avro.dedup.DedupGather;
import io.wirestream.avro.dedup.DedupMessage;
import io.wirestream.avro.dedup.DedupProbe;
import io.wirestream.core.SerdeFactory;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.processors.clean.Cleaning;
import io.wirestream.processors.clean.TextCleaner;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.testkit.InMemorySchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stage's processors (the adapters of {@link io.wirestream.dedup.coordinator.DedupCoordinator}, whose own
 * test goes through every delivery order) driven message by message with their Avro records and stores, in
 * orders that a running cluster produces when two copies arrive at the same time on different partitions: each
 * index key's partition sees one of the two first, and the answers come back in any order. Whatever the
 * interleaving, the copy gets exactly one notice naming the original, and the original is passed on exactly once.
 */
@Timeout(120)
class DeduplicationInterleavingTest {

    private static final String ORIGINAL = "a-original";
    private static final String COPY = "b-copy";

    private SerdeFactory serdes;
    private Processors home;

    @BeforeEach
    void setUp() {
        serdes = new SerdeFactory(new InMemorySchemaRegistry(), new ProcessorConfig(Map.of(
                WirestreamConfig.BOOTSTRAP_SERVERS, "unused.invalid:9092",
                WirestreamConfig.SCHEMA_REGISTRY_URL, InMemorySchemaRegistry.URL)).registryConfigs());
        home = new Processors(serdes);
    }

    @AfterEach
    void tearDown() {
        serdes.close();
    }

    @Test
    void shouldNoticeTheCopyOnceWhenBothAreStillWaitingWhileTheyCheckEachOther() {
        Exchange x = home.meet();
        x.checks.forEach(home::verify);
        x.answers.forEach(home::gather);
        home.gatherVerified();

        assertOneNoticeAndTheOriginalPassedOn();
    }

    @Test
    void shouldNoticeTheCopyOnceWhenTheCopyDecidesBeforeTheOriginalsChecksArrive() {
        Exchange x = home.meet();
        // the copy's checks are verified where the original waits, then the copy gathers everything and decides
        decide(x, COPY);
        assertEquals(1, home.notices.size(), "the copy decided: " + home.notices);
        // only now are the original's checks verified where the copy, already decided, lives
        decide(x, ORIGINAL);

        assertOneNoticeAndTheOriginalPassedOn();
    }

    @Test
    void shouldNoticeTheCopyOnceWhenTheOriginalDecidesBeforeTheCopysChecksArrive() {
        Exchange x = home.meet();
        decide(x, ORIGINAL);
        assertEquals(List.of(ORIGINAL), home.passed.stream().map(EnrichedArticle::getId).toList());
        decide(x, COPY);

        assertOneNoticeAndTheOriginalPassedOn();
    }

    /** Verifies the checks the article sent, then gathers its answers: it decides, the other one still waiting or not. */
    private void decide(Exchange x, String id) {
        x.checks.stream().filter(probedBy(id)).forEach(home::verify);
        x.answers.stream().filter(a -> a.key().equals(id)).forEach(home::gather);
        home.gatherVerified();
    }

    @Test
    void shouldRePointACopyThatWasPassedOnBeforeItsOriginalArrived() {
        home.decideAlone(home.clean(COPY, "https://mirror.example/story"));
        assertEquals(List.of(COPY), home.passed.stream().map(EnrichedArticle::getId).toList());
        home.decideAlone(home.clean(ORIGINAL, "https://daily.example/story"));

        assertEquals(List.of(COPY + "->" + ORIGINAL), home.notices.stream().map(n -> n.getCopyId() + "->" + n.getOriginalId()).toList());
        assertEquals(Map.of(COPY, DedupStatus.UNIQUE, ORIGINAL, DedupStatus.ORIGINAL), statuses());
    }

    private void assertOneNoticeAndTheOriginalPassedOn() {
        assertEquals(List.of(COPY + "->" + ORIGINAL), home.notices.stream().map(n -> n.getCopyId() + "->" + n.getOriginalId()).toList(),
                "notices");
        assertEquals(List.of(ORIGINAL), home.passed.stream().map(EnrichedArticle::getId).toList(), "articles passed on");
        assertTrue(home.gathers.approximateNumEntries() == 0 && home.pending.approximateNumEntries() == 0, "nothing left waiting");
    }

    private Map<String, DedupStatus> statuses() {
        Map<String, DedupStatus> out = new LinkedHashMap<>();
        home.passed.forEach(a -> out.put(a.getId(), a.getDedup().getStatus()));
        return out;
    }

    private static Predicate<Record<String, DedupCheck>> probedBy(String id) {
        return c -> c.value().getProbeId().equals(id);
    }

    /** What the index partitions sent back after both articles' probes: checks (to candidates) and PROBED answers. */
    private record Exchange(List<Record<String, DedupCheck>> checks, List<Record<String, DedupAnswer>> answers) {
    }

    /**
     * The processors of one instance owning every partition, with shared in-memory stores; the test routes
     * each forwarded record to the next processor itself, so it chooses the order.
     */
    private static final class Processors {
        private static final long WINDOW_MS = Duration.ofDays(7).toMillis();
        /** Partitions the keys are grouped for; each group is one probe, served in the order the test picks. */
        private static final int PARTITIONS = 6;
        final Cleaning cleaning = new Cleaning(new TextCleaner(), "test");
        final MockProcessorContext<String, Arrived> scatterContext;
        final MockProcessorContext<String, DedupMessage> indexContext;
        final MockProcessorContext<String, DedupAnswer> verifyContext;
        final MockProcessorContext<String, DedupOutcome> gatherContext;
        final Processor<String, EnrichedArticle, String, Arrived> scatter;
        final Processor<String, DedupProbe, String, DedupMessage> index;
        final Processor<String, DedupCheck, String, DedupAnswer> verifier;
        final Processor<String, DedupAnswer, String, DedupOutcome> gatherer;
        final KeyValueStore<String, EnrichedArticle> pending;
        final KeyValueStore<String, DedupGather> gathers;
        final List<Record<String, DedupAnswer>> verified = new ArrayList<>();
        final List<DuplicateNotice> notices = new ArrayList<>();
        final List<EnrichedArticle> passed = new ArrayList<>();

        Processors(SerdeFactory serdes) {
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-interleaving");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            scatterContext = new MockProcessorContext<>(props);
            indexContext = new MockProcessorContext<>(props);
            verifyContext = new MockProcessorContext<>(props);
            gatherContext = new MockProcessorContext<>(props);
            // scatter stamps the wall-clock time an article is parked at
            scatterContext.setCurrentSystemTimeMs(0L);
            KeyValueStore<Bytes, byte[]> signatures = store(Deduplication.SIGNATURES_STORE, Serdes.Bytes(), Serdes.ByteArray());
            KeyValueStore<Bytes, byte[]> keys = store(Deduplication.INDEX_STORE, Serdes.Bytes(), Serdes.ByteArray());
            pending = store(Deduplication.PENDING_STORE, Serdes.String(),
                    pinned(serdes.forValues(EnrichedArticle.class), Deduplication.PENDING_STORE));
            gathers = store(Deduplication.GATHER_STORE, Serdes.String(),
                    pinned(serdes.forValues(DedupGather.class), Deduplication.GATHER_STORE));
            for (MockProcessorContext<?, ?> c : List.of(scatterContext, verifyContext, gatherContext)) {
                c.addStateStore(signatures);
                c.addStateStore(pending);
                c.addStateStore(gathers);
            }
            indexContext.addStateStore(keys);
            indexContext.addStateStore(store(Deduplication.INDEX_FILED_STORE, Serdes.Bytes(), Serdes.ByteArray()));
            scatter = new ScatterProcessor(DedupParameters.DEFAULTS, WINDOW_MS, PARTITIONS);
            index = new IndexProcessor(DedupParameters.DEFAULTS, WINDOW_MS);
            verifier = new VerifyProcessor(DedupParameters.DEFAULTS, PARTITIONS);
            gatherer = new GatherProcessor(DedupParameters.DEFAULTS, 600_000L, PARTITIONS);
            scatter.init(scatterContext);
            index.init(indexContext);
            verifier.init(verifyContext);
            gatherer.init(gatherContext);
        }

        /**
         * The mock context names every store's changelog alike; the registry would see two record types
         * under one subject. Each store gets its own subject, as in the application.
         */
        private static <V> org.apache.kafka.common.serialization.Serde<V> pinned(org.apache.kafka.common.serialization.Serde<V> serde,
                                                                                String store) {
            String topic = "dedup-interleaving-" + store + "-changelog";
            return Serdes.serdeFrom((t, v) -> serde.serializer().serialize(topic, v),
                    (t, bytes) -> serde.deserializer().deserialize(topic, bytes));
        }

        private <K, V> KeyValueStore<K, V> store(String name, org.apache.kafka.common.serialization.Serde<K> keySerde,
                                                 org.apache.kafka.common.serialization.Serde<V> valueSerde) {
            KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, valueSerde)
                    .withLoggingDisabled().withCachingDisabled().build();
            store.init(scatterContext.getStateStoreContext(), store);
            return store;
        }

        EnrichedArticle clean(String id, String url) {
            return cleaning.apply(article(id, url, null, STORY, PUBLISHED), PUBLISHED);
        }

        List<Record<String, DedupProbe>> scatter(EnrichedArticle article) {
            scatterContext.resetForwards();
            scatter.process(new Record<>(article.getId(), article, PUBLISHED.toEpochMilli()));
            return scatterContext.forwarded().stream()
                    .map(f -> new Record<>(f.record().key(), f.record().value().probe(), f.record().timestamp())).toList();
        }

        /**
         * Both articles, the same text under two URLs, are scattered; on one partition the original's probe
         * is then served first, on all the others the copy's, so that each finds the other.
         */
        Exchange meet() {
            Map<Integer, Record<String, DedupProbe>> original = byPartition(scatter(clean(ORIGINAL, "https://daily.example/story")));
            Map<Integer, Record<String, DedupProbe>> copy = byPartition(scatter(clean(COPY, "https://mirror.example/story")));
            List<Record<String, DedupMessage>> out = new ArrayList<>();
            boolean first = true;
            for (Map.Entry<Integer, Record<String, DedupProbe>> e : original.entrySet()) {
                Record<String, DedupProbe> other = copy.remove(e.getKey());
                if (other == null) {
                    out.addAll(index(e.getValue()));
                } else if (first) {
                    out.addAll(index(e.getValue()));
                    out.addAll(index(other));
                    first = false;
                } else {
                    out.addAll(index(other));
                    out.addAll(index(e.getValue()));
                }
            }
            copy.values().forEach(p -> out.addAll(index(p)));
            assertTrue(!first, "the two articles share index keys");
            assertTrue(original.size() > 2, "the keys spread over partitions: " + original.keySet());
            List<Record<String, DedupCheck>> checks = new ArrayList<>();
            List<Record<String, DedupAnswer>> answers = new ArrayList<>();
            for (Record<String, DedupMessage> m : out) {
                if (m.value().getCheck() != null) {
                    checks.add(m.withValue(m.value().getCheck()));
                } else {
                    answers.add(m.withValue(m.value().getAnswer()));
                }
            }
            assertTrue(checks.stream().anyMatch(probedBy(ORIGINAL)) && checks.stream().anyMatch(probedBy(COPY)),
                    "each article found the other under some key");
            return new Exchange(checks, answers);
        }

        /** Scatter, index, verify and gather one article with nothing else in flight. */
        void decideAlone(EnrichedArticle article) {
            List<Record<String, DedupCheck>> checks = new ArrayList<>();
            List<Record<String, DedupAnswer>> answers = new ArrayList<>();
            for (Record<String, DedupProbe> probe : scatter(article)) {
                for (Record<String, DedupMessage> m : index(probe)) {
                    if (m.value().getCheck() != null) {
                        checks.add(m.withValue(m.value().getCheck()));
                    } else {
                        answers.add(m.withValue(m.value().getAnswer()));
                    }
                }
            }
            checks.forEach(this::verify);
            answers.forEach(this::gather);
            gatherVerified();
        }

        private static <K, V> Record<K, V> copy(Record<? extends K, ? extends V> r) {
            return new Record<>(r.key(), r.value(), r.timestamp());
        }

        /** The probes by the partition they go to; one probe per partition, each with every key the partition owns. */
        private static Map<Integer, Record<String, DedupProbe>> byPartition(List<Record<String, DedupProbe>> probes) {
            Map<Integer, Record<String, DedupProbe>> out = new LinkedHashMap<>();
            for (Record<String, DedupProbe> p : probes) {
                for (java.nio.ByteBuffer key : p.value().getIndexKeys()) {
                    assertEquals(ProbeRouting.partitionOf(DedupMessages.bytes(key), PARTITIONS),
                            ProbeRouting.partitionOf(DedupMessages.bytes(p.value().getIndexKeys().get(0)), PARTITIONS),
                            "every key of a probe lives on one partition");
                }
                Record<String, DedupProbe> before = out.put(ProbeRouting.partitionOf(DedupMessages.bytes(p.value().getIndexKeys().get(0)),
                        PARTITIONS), p);
                assertEquals(null, before, "one probe per partition");
            }
            return out;
        }

        List<Record<String, DedupMessage>> index(Record<String, DedupProbe> probe) {
            indexContext.resetForwards();
            index.process(probe);
            return indexContext.forwarded().stream().map(f -> Processors.<String, DedupMessage>copy(f.record())).toList();
        }

        void verify(Record<String, DedupCheck> check) {
            verifyContext.resetForwards();
            verifier.process(check);
            verifyContext.forwarded().forEach(f -> verified.add(copy(f.record())));
        }

        /** Gathers every CHECKED answer verified so far, in the order they were verified. */
        void gatherVerified() {
            List.copyOf(verified).forEach(this::gather);
        }

        /** Gathers one answer (consumed from the verified list when it came from there) and records the outcome. */
        void gather(Record<String, DedupAnswer> answer) {
            verified.remove(answer);
            gatherContext.resetForwards();
            gatherer.process(answer);
            gatherContext.forwarded().forEach(f -> {
                DedupOutcome outcome = f.record().value();
                notices.addAll(outcome.notices());
                if (outcome.article() != null) {
                    passed.add(outcome.article());
                }
            });
        }
    }
}
