package io.wirestream.processors.dedup;

import static io.wirestream.processors.dedup.DedupSamples.OTHER_STORY;
import static io.wirestream.processors.dedup.DedupSamples.PUBLISHED;
import static io.wirestream.processors.dedup.DedupSamples.STORY;
import static io.wirestream.processors.dedup.DedupSamples.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.dedup.DedupHomeBatch;
import io.wirestream.avro.dedup.DedupProbeBatch;
import io.wirestream.avro.dedup.DedupWaitingBatch;
import io.wirestream.core.SerdeFactory;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.coordinator.Waiting;
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
import org.apache.kafka.streams.processor.PunctuationType;
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
 * Also: one record per index partition for a batch of articles, a batch parked but not sent before a restart is
 * sent after it, and every batch delivered twice still gives one outcome per article.
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
        x.answers.stream().filter(a -> a.value().getAnswers().get(0).getArticleId().equals(id)).forEach(home::gather);
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

    @Test
    void shouldSendBothArticlesOfABatchInOneRecordPerIndexPartition() {
        List<Record<String, DedupProbeBatch>> sent = home.scatter(List.of(home.clean(ORIGINAL, "https://daily.example/story"),
                home.clean("other", "https://daily.example/other", OTHER_STORY)));

        assertEquals(sent.size(), sent.stream().map(Record::key).distinct().count(), "one record per index partition");
        assertTrue(sent.size() > 2 && sent.size() <= Processors.PARTITIONS, "the keys spread over partitions: " + sent.size());
        for (Record<String, DedupProbeBatch> r : sent) {
            assertEquals(String.valueOf(r.value().getPartition()), r.key(), "keyed by the partition it goes to");
            r.value().getProbes().forEach(p -> p.getIndexKeys().forEach(k ->
                    assertEquals(r.value().getPartition(), ProbeRouting.partitionOf(DedupMessages.bytes(k), Processors.PARTITIONS))));
        }
        assertTrue(sent.stream().anyMatch(r -> r.value().getProbes().size() == 2), "some partition holds keys of both");
        assertEquals(1, home.waiting.approximateNumEntries(), "one waiting record for the batch, not one per article");
        assertEquals(2, home.parked.approximateNumEntries(), "one parked record per article, written once");
    }

    @Test
    void shouldWriteEachParkedArticleOnceWithoutRewritingThoseParkedBeforeIt() {
        int n = 12;
        for (int i = 0; i < n; i++) {
            home.scatterContext.setRecordMetadata("news.raw", 0, i);
            EnrichedArticle article = home.clean("article-" + i, "https://daily.example/" + i, OTHER_STORY + " Part " + i + ".");
            home.scatter.process(new Record<>(article.getId(), article, PUBLISHED.toEpochMilli()));
        }

        long held = 0;
        try (var all = home.parked.all()) {
            while (all.hasNext()) {
                held += all.next().value.length;
            }
        }
        assertEquals(n, home.parkedWrites.size(), "one write per arrival");
        // a record holding the whole batch, rewritten by every arrival, wrote the first article n times
        assertEquals(held, home.parkedWrites.stream().mapToLong(Integer::intValue).sum(),
                "every byte written to the parked store is still held: no arrival rewrote an earlier one");
    }

    @Test
    void shouldKeepNoFlushPunctuationWhileNothingIsOpen() {
        // Kafka Streams commits a task after every punctuation: an idle task punctuating every commit interval
        // would commit a transaction ten times a second with nothing in it
        assertEquals(1, home.flushesScheduled(), "the first flush after start sends what was committed unsent");
        assertEquals(List.of(), home.flush(), "nothing was committed unsent");
        assertEquals(0, home.flushesScheduled(), "an idle task has no flush punctuation");

        EnrichedArticle article = home.clean(ORIGINAL, "https://daily.example/story");
        home.scatterContext.setRecordMetadata("news.raw", 0, 7L);
        home.scatter.process(new Record<>(article.getId(), article, PUBLISHED.toEpochMilli()));
        assertEquals(1, home.flushesScheduled(), "an open batch is flushed one interval later");
        List<Record<String, DedupProbeBatch>> sent = home.flush();
        assertTrue(!sent.isEmpty() && sent.stream().allMatch(r -> r.value().getBatch() == 7L), "the open batch is sent: " + sent);
        assertEquals(0, home.flushesScheduled(), "idle again once the batch is sent");
        assertEquals(List.of(), home.flush(), "nothing left to send");
    }

    @Test
    void shouldReadOnlyTheOpenBatchWhenFlushingAfterTheFirstFlush() {
        // the first batch is sent and waits for its answers, as many batches do on a busy task
        home.scatter(List.of(home.clean(ORIGINAL, "https://daily.example/story")));
        assertEquals(1, home.waiting.approximateNumEntries());
        home.waitingReads.clear();

        List<Record<String, DedupProbeBatch>> sent = home.scatter(List.of(home.clean("other", "https://daily.example/other", OTHER_STORY)));
        assertTrue(!sent.isEmpty() && sent.stream().allMatch(r -> r.value().getBatch() == 1L
                && r.value().getProbes().stream().allMatch(p -> p.getArticleId().equals("other"))), "the open batch is sent: " + sent);
        assertEquals(0, home.waitingReads.scans, "the flush goes through no other waiting batch");
        assertEquals(java.util.Set.of(1L), java.util.Set.copyOf(home.waitingReads.keys), "only the open batch's record is read");
    }

    @Test
    void shouldDecodeABatchRecordOnceForAllTheAnswersOneProcessorCounts() {
        List<Record<String, DedupProbeBatch>> sent = home.scatter(List.of(home.clean(ORIGINAL, "https://daily.example/story"),
                home.clean("other", "https://daily.example/other", OTHER_STORY)));
        List<Record<String, DedupHomeBatch>> answers = new ArrayList<>();
        sent.forEach(p -> answers.addAll(home.index(p)));
        int counted = answers.stream().mapToInt(r -> r.value().getAnswers().size()).sum();
        assertTrue(counted > 2, "answers from several partitions: " + counted);
        home.waitingDecodes[0] = 0;

        answers.forEach(home::receive);
        assertEquals(Map.of(ORIGINAL, DedupStatus.UNIQUE, "other", DedupStatus.UNIQUE), statuses(), "both decided");
        assertEquals(1, home.waitingDecodes[0], "the batch written by scatter is decoded once, then served as this processor wrote it");
    }

    @Test
    void shouldEncodeABatchRecordOncePerMessageAndHaveItInTheStoreWhenTheMessageIsDone() {
        List<String> ids = List.of("first", "second", "third", "fourth");
        List<String> bodies = List.of(
                "The city council approved a new budget for public libraries on Monday, adding evening hours at six branches "
                        + "and a mobile library for the villages north of the river.",
                "A cold front brought the first snow of the season to the mountain passes overnight; two roads were closed "
                        + "for several hours while ploughs cleared them.",
                "The football club signed a young goalkeeper from the second division on a four-year contract, its coach "
                        + "said after training on Wednesday morning.",
                "Researchers at the university hospital opened a trial of a new treatment for chronic back pain and are "
                        + "looking for two hundred volunteers over the winter.");
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            articles.add(home.clean(ids.get(i), "https://daily.example/" + i, bodies.get(i)));
        }
        home.waitingEncodes[0] = 0;
        List<Record<String, DedupProbeBatch>> sent = home.scatter(articles);
        assertEquals(ids.size() + 1, home.waitingEncodes[0], "one encoding per arrival and one for the flush that marks all sent");
        List<Record<String, DedupHomeBatch>> answers = new ArrayList<>();
        sent.forEach(p -> answers.addAll(home.index(p)));
        int counted = answers.stream().mapToInt(r -> r.value().getAnswers().size()).sum();
        assertTrue(counted > 2 * answers.size(), "messages answering several articles each: " + counted + " in " + answers.size());
        home.waitingEncodes[0] = 0;

        answers.subList(0, answers.size() - 1).forEach(home::receive);
        assertTrue(home.waitingEncodes[0] <= answers.size() - 1, "at most one encoding per message: " + home.waitingEncodes[0]);
        // the task stops after the last message but one: whatever those changed is in the store it restarts on
        Processors restarted = home.restarted();
        restarted.receive(answers.get(answers.size() - 1));
        restarted.gatherVerified();

        List<String> decided = new ArrayList<>(home.passed.stream().map(EnrichedArticle::getId).toList());
        restarted.passed.forEach(a -> decided.add(a.getId()));
        assertEquals(java.util.Set.copyOf(ids), java.util.Set.copyOf(decided), "every article decided");
        assertEquals(ids.size(), decided.size(), "each once");
        assertEquals(0, home.waiting.approximateNumEntries(), "nothing left waiting");
    }

    @Test
    void shouldServeWhatTheStoreHoldsAfterAnotherProcessorOrARestoreWroteIt() {
        home.scatter(List.of(home.clean(ORIGINAL, "https://daily.example/story"), home.clean("other", "https://daily.example/other", OTHER_STORY)));
        StoreWaitingArticles scatterView = Deduplication.waitingArticles(home.scatterContext, home.serdes.forValues(DedupWaitingBatch.class));
        StoreWaitingArticles receiveView = Deduplication.waitingArticles(home.receiveContext, home.serdes.forValues(DedupWaitingBatch.class));
        Waiting sent = scatterView.get(ORIGINAL);
        byte[] committed = home.waiting.get(0L);

        receiveView.put(new Waiting(sent.article(), sent.batch(), sent.eventTime(), sent.indexKeys(), sent.sketch(), sent.sent(),
                sent.partitionsExpected(), sent.partitionsAnswered(), sent.keysExpected(), sent.keysAnswered() + 1, sent.checksExpected(),
                sent.checksAnswered(), sent.startedAt(), sent.findings(), null));
        assertEquals(1, scatterView.get(ORIGINAL).keysAnswered(), "a write by another processor's view is seen");
        receiveView.remove("other");
        assertEquals(null, scatterView.get("other"), "so is a removal");

        home.waiting.put(0L, committed); // the store back at the last commit, as after an aborted transaction
        assertEquals(0, receiveView.get(ORIGINAL).keysAnswered(), "the view that wrote last serves the restored record");
        assertEquals(List.of(ORIGINAL, "other"), receiveView.all().stream().map(Waiting::id).toList(),
                "and the restored article (its id lookup is rebuilt when the task starts again)");
    }

    @Test
    void shouldSendAfterARestartWhatWasParkedButNotSentBeforeIt() {
        EnrichedArticle article = home.clean(ORIGINAL, "https://daily.example/story");
        home.scatterContext.setRecordMetadata("news.raw", 0, 41L);
        home.scatter.process(new Record<>(article.getId(), article, PUBLISHED.toEpochMilli()));
        // the task stops here (its stores committed, the open batch never flushed) and starts again on them
        Processors restarted = home.restarted();
        List<Record<String, DedupProbeBatch>> sent = restarted.flush();

        assertTrue(!sent.isEmpty(), "the parked article's probes go out after the restart");
        assertTrue(sent.stream().allMatch(r -> r.value().getBatch() == 41L && r.value().getProbes().get(0).getArticleId().equals(ORIGINAL)));
        sent.forEach(p -> restarted.index(p).forEach(restarted::receive));
        restarted.gatherVerified();
        assertEquals(List.of(ORIGINAL), restarted.passed.stream().map(EnrichedArticle::getId).toList(), "decided once, after the restart");
        assertEquals(List.of(), restarted.flush(), "nothing left to send");
    }

    @Test
    void shouldGiveOneOutcomeWhenEveryBatchIsDeliveredTwice() {
        for (String id : List.of(ORIGINAL, COPY)) {
            for (Record<String, DedupProbeBatch> probe : home.scatter(List.of(home.clean(id, "https://" + id + ".example/story")))) {
                List<Record<String, DedupHomeBatch>> once = home.index(probe);
                List<Record<String, DedupHomeBatch>> twice = home.index(probe);
                assertEquals(once.stream().map(r -> r.value().toString()).toList(), twice.stream().map(r -> r.value().toString()).toList(),
                        "a probe batch served again gets the same answers and checks");
                once.forEach(home::receive);
                twice.forEach(home::receive);
                List<Record<String, DedupHomeBatch>> replies = List.copyOf(home.verified);
                replies.forEach(home::gather);
                replies.forEach(home::gather);
            }
        }

        assertOneNoticeAndTheOriginalPassedOn(DedupStatus.UNIQUE);
    }

    private void assertOneNoticeAndTheOriginalPassedOn() {
        assertOneNoticeAndTheOriginalPassedOn(null);
    }

    private void assertOneNoticeAndTheOriginalPassedOn(DedupStatus status) {
        assertEquals(List.of(COPY + "->" + ORIGINAL), home.notices.stream().map(n -> n.getCopyId() + "->" + n.getOriginalId()).toList(),
                "notices");
        assertEquals(List.of(ORIGINAL), home.passed.stream().map(EnrichedArticle::getId).toList(), "articles passed on");
        if (status != null) {
            assertEquals(status, home.passed.get(0).getDedup().getStatus());
        }
        assertEquals(0, home.waiting.approximateNumEntries(), "nothing left waiting");
        assertEquals(0, home.parked.approximateNumEntries(), "nothing left parked");
    }

    private Map<String, DedupStatus> statuses() {
        Map<String, DedupStatus> out = new LinkedHashMap<>();
        home.passed.forEach(a -> out.put(a.getId(), a.getDedup().getStatus()));
        return out;
    }

    private static Predicate<Record<String, DedupHomeBatch>> probedBy(String id) {
        return c -> c.value().getChecks().get(0).getProbeId().equals(id);
    }

    /** The reads of a store: scans of it, and keys read one at a time. */
    private static final class Reads {
        int scans;
        final List<Object> keys = new ArrayList<>();

        void clear() {
            scans = 0;
            keys.clear();
        }
    }

    /**
     * What the index partitions sent back after both articles' probes, one message per record so that the test
     * picks the order: checks (to candidates) and PROBED answers.
     */
    private record Exchange(List<Record<String, DedupHomeBatch>> checks, List<Record<String, DedupHomeBatch>> answers) {
    }

    /**
     * The processors of one instance owning every partition, with shared in-memory stores; the test routes
     * each forwarded record to the next processor itself, so it chooses the order.
     */
    private static final class Processors {
        private static final long WINDOW_MS = Duration.ofDays(7).toMillis();
        /** Partitions the keys are grouped for; each group is one probe, served in the order the test picks. */
        static final int PARTITIONS = 6;
        private static final long FLUSH_MS = 100;
        final Cleaning cleaning = new Cleaning(new TextCleaner(), "test");
        final SerdeFactory serdes;
        final Properties props = new Properties();
        final MockProcessorContext<String, Arrived> scatterContext;
        final MockProcessorContext<String, DedupHomeBatch> indexContext;
        final MockProcessorContext<String, HomeOutput> receiveContext;
        final MockProcessorContext<String, HomeOutput> gatherContext;
        final Processor<String, EnrichedArticle, String, Arrived> scatter;
        final Processor<String, DedupProbeBatch, String, DedupHomeBatch> index;
        final Processor<String, DedupHomeBatch, String, HomeOutput> receiver;
        final Processor<String, DedupHomeBatch, String, HomeOutput> gatherer;
        final KeyValueStore<Bytes, byte[]> signatures;
        final KeyValueStore<Bytes, byte[]> keys;
        final KeyValueStore<Bytes, byte[]> filed;
        final KeyValueStore<Long, byte[]> waiting;
        final Reads waitingReads;
        /** Decodings of waiting batch records by the processors. */
        final int[] waitingDecodes = new int[1];
        /** Encodings of waiting batch records by the processors. */
        final int[] waitingEncodes = new int[1];
        final KeyValueStore<Bytes, byte[]> parked;
        /** The length of every value the processors wrote to {@code dedup-parked}. */
        final List<Integer> parkedWrites;
        final KeyValueStore<String, Long> ids;
        final List<Record<String, DedupHomeBatch>> verified = new ArrayList<>();
        final List<DuplicateNotice> notices = new ArrayList<>();
        final List<EnrichedArticle> passed = new ArrayList<>();
        private long offset;

        Processors(SerdeFactory serdes) {
            this(serdes, null);
        }

        /** @param before the processors whose durable stores these start on (a restart), or null */
        private Processors(SerdeFactory serdes, Processors before) {
            this.serdes = serdes;
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-interleaving");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            scatterContext = new MockProcessorContext<>(props);
            indexContext = new MockProcessorContext<>(props);
            receiveContext = new MockProcessorContext<>(props);
            gatherContext = new MockProcessorContext<>(props);
            // scatter stamps the wall-clock time an article is parked at
            scatterContext.setCurrentSystemTimeMs(0L);
            signatures = before != null ? before.signatures : store(Deduplication.SIGNATURES_STORE, Serdes.Bytes(), Serdes.ByteArray());
            keys = store(Deduplication.INDEX_STORE, Serdes.Bytes(), Serdes.ByteArray()); // no changelog: empty after a restart
            filed = before != null ? before.filed : store(Deduplication.INDEX_FILED_STORE, Serdes.Bytes(), Serdes.ByteArray());
            waitingReads = before != null ? before.waitingReads : new Reads();
            waiting = before != null ? before.waiting : counted(store(Deduplication.WAITING_STORE, Serdes.Long(), Serdes.ByteArray()),
                    waitingReads);
            parkedWrites = before != null ? before.parkedWrites : new ArrayList<>();
            parked = before != null ? before.parked : written(store(Deduplication.PARKED_STORE, Serdes.Bytes(), Serdes.ByteArray()),
                    parkedWrites);
            ids = store(Deduplication.WAITING_IDS_STORE, Serdes.String(), Serdes.Long()); // in memory: empty after a restart
            for (MockProcessorContext<?, ?> c : List.of(scatterContext, receiveContext, gatherContext)) {
                c.addStateStore(signatures);
                c.addStateStore(waiting);
                c.addStateStore(parked);
                c.addStateStore(ids);
            }
            indexContext.addStateStore(keys);
            indexContext.addStateStore(filed);
            java.util.function.Supplier<Releases> releases = () -> new Releases("news.enriched",
                    serdes.forValues(EnrichedArticle.class).serializer(), serdes.forValues(EnrichedArticle.class).deserializer());
            org.apache.kafka.common.serialization.Serde<DedupWaitingBatch> avro = serdes.forValues(DedupWaitingBatch.class);
            org.apache.kafka.common.serialization.Serde<DedupWaitingBatch> waitingSerde = Serdes.serdeFrom(
                    (topic, batch) -> {
                        waitingEncodes[0]++;
                        return avro.serializer().serialize(topic, batch);
                    },
                    (topic, bytes) -> {
                        waitingDecodes[0]++;
                        return avro.deserializer().deserialize(topic, bytes);
                    });
            scatter = new ScatterProcessor(DedupParameters.DEFAULTS, WINDOW_MS, PARTITIONS, FLUSH_MS, 600_000L, releases, waitingSerde);
            index = new IndexProcessor(DedupParameters.DEFAULTS, WINDOW_MS, PARTITIONS);
            receiver = new ReceiveProcessor(DedupParameters.DEFAULTS, PARTITIONS, releases, waitingSerde);
            gatherer = new ReceiveProcessor(DedupParameters.DEFAULTS, PARTITIONS, releases, waitingSerde);
            scatter.init(scatterContext);
            index.init(indexContext);
            receiver.init(receiveContext);
            gatherer.init(gatherContext);
        }

        /** New processors on this one's durable stores, as a task restored after a crash. */
        Processors restarted() {
            return new Processors(serdes, this);
        }

        /** The store, counting its scans and the keys read from it by {@code get}. */
        @SuppressWarnings("unchecked")
        private static <K, V> KeyValueStore<K, V> counted(KeyValueStore<K, V> store, Reads reads) {
            return (KeyValueStore<K, V>) java.lang.reflect.Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(),
                    new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "all", "range", "reverseAll", "reverseRange", "prefixScan" -> reads.scans++;
                            case "get" -> reads.keys.add(args[0]);
                            default -> { }
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** The store, recording the length of every value put into it. */
        @SuppressWarnings("unchecked")
        private static <K> KeyValueStore<K, byte[]> written(KeyValueStore<K, byte[]> store, List<Integer> lengths) {
            return (KeyValueStore<K, byte[]>) java.lang.reflect.Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(),
                    new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("put") && args[1] != null) {
                            lengths.add(((byte[]) args[1]).length);
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private <K, V> KeyValueStore<K, V> store(String name, org.apache.kafka.common.serialization.Serde<K> keySerde,
                                                 org.apache.kafka.common.serialization.Serde<V> valueSerde) {
            KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, valueSerde)
                    .withLoggingDisabled().withCachingDisabled().build();
            store.init(scatterContext.getStateStoreContext(), store);
            return store;
        }

        EnrichedArticle clean(String id, String url) {
            return clean(id, url, STORY);
        }

        EnrichedArticle clean(String id, String url, String body) {
            return cleaning.apply(article(id, url, null, body, PUBLISHED), PUBLISHED);
        }

        /** The articles arrive, one input record each, and their batch is sent: the probe batches it produced. */
        List<Record<String, DedupProbeBatch>> scatter(List<EnrichedArticle> articles) {
            for (EnrichedArticle article : articles) {
                scatterContext.setRecordMetadata("news.raw", 0, offset++);
                scatter.process(new Record<>(article.getId(), article, PUBLISHED.toEpochMilli()));
            }
            return flush();
        }

        /** The flush punctuation fires, if one is scheduled (none is while nothing is open). */
        List<Record<String, DedupProbeBatch>> flush() {
            scatterContext.resetForwards();
            flushPunctuations().findFirst().ifPresent(p -> p.getPunctuator().punctuate(0L));
            return scatterContext.forwarded().stream()
                    .map(f -> new Record<>(f.record().key(), f.record().value().probes(), f.record().timestamp())).toList();
        }

        /** The flush punctuations scheduled and not cancelled. */
        long flushesScheduled() {
            return flushPunctuations().count();
        }

        private java.util.stream.Stream<MockProcessorContext.CapturedPunctuator> flushPunctuations() {
            return scatterContext.scheduledPunctuators().stream()
                    .filter(p -> p.getType() == PunctuationType.WALL_CLOCK_TIME && p.getInterval().toMillis() == FLUSH_MS && !p.cancelled());
        }

        /**
         * Both articles, the same text under two URLs, are scattered in two batches; on one partition the original's
         * probes are then served first, on all the others the copy's, so that each finds the other.
         */
        Exchange meet() {
            Map<String, Record<String, DedupProbeBatch>> original = byPartition(scatter(List.of(clean(ORIGINAL, "https://daily.example/story"))));
            Map<String, Record<String, DedupProbeBatch>> copy = byPartition(scatter(List.of(clean(COPY, "https://mirror.example/story"))));
            List<Record<String, DedupHomeBatch>> out = new ArrayList<>();
            boolean first = true;
            for (Map.Entry<String, Record<String, DedupProbeBatch>> e : original.entrySet()) {
                Record<String, DedupProbeBatch> other = copy.remove(e.getKey());
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
            List<Record<String, DedupHomeBatch>> checks = new ArrayList<>();
            List<Record<String, DedupHomeBatch>> answers = new ArrayList<>();
            for (Record<String, DedupHomeBatch> m : out) {
                m.value().getChecks().forEach(c -> checks.add(m.withValue(DedupHomeBatch.newBuilder(m.value())
                        .setChecks(List.of(c)).setAnswers(List.of()).build())));
                m.value().getAnswers().forEach(a -> answers.add(m.withValue(DedupHomeBatch.newBuilder(m.value())
                        .setChecks(List.of()).setAnswers(List.of(a)).build())));
            }
            assertTrue(checks.stream().anyMatch(probedBy(ORIGINAL)) && checks.stream().anyMatch(probedBy(COPY)),
                    "each article found the other under some key: " + out.stream().map(r -> r.value().toString()).toList());
            return new Exchange(checks, answers);
        }

        /** Scatter, index, verify and gather one article with nothing else in flight. */
        void decideAlone(EnrichedArticle article) {
            for (Record<String, DedupProbeBatch> probe : scatter(List.of(article))) {
                index(probe).forEach(this::receive);
            }
            gatherVerified();
        }

        private static <K, V> Record<K, V> copy(Record<? extends K, ? extends V> r) {
            return new Record<>(r.key(), r.value(), r.timestamp());
        }

        /** The probe batches by the partition they go to (their key); one per partition. */
        private static Map<String, Record<String, DedupProbeBatch>> byPartition(List<Record<String, DedupProbeBatch>> probes) {
            Map<String, Record<String, DedupProbeBatch>> out = new LinkedHashMap<>();
            for (Record<String, DedupProbeBatch> p : probes) {
                assertEquals(null, out.put(p.key(), p), "one probe batch per partition");
            }
            return out;
        }

        List<Record<String, DedupHomeBatch>> index(Record<String, DedupProbeBatch> probe) {
            indexContext.resetForwards();
            index.process(probe);
            return indexContext.forwarded().stream().map(f -> Processors.<String, DedupHomeBatch>copy(f.record())).toList();
        }

        /** A batch from the index (checks and answers) at the home: replies kept for {@link #gatherVerified}. */
        void receive(Record<String, DedupHomeBatch> batch) {
            receiveContext.resetForwards();
            receiver.process(batch);
            receiveContext.forwarded().forEach(f -> {
                HomeOutput out = f.record().value();
                if (out.reply() != null) {
                    verified.add(new Record<>(f.record().key(), out.reply(), f.record().timestamp()));
                } else {
                    record(out.outcome());
                }
            });
        }

        void verify(Record<String, DedupHomeBatch> check) {
            receive(check);
        }

        /** Gathers every CHECKED answer verified so far, in the order they were verified. */
        void gatherVerified() {
            List.copyOf(verified).forEach(this::gather);
        }

        /** Gathers a batch of answers (consumed from the verified list when it came from there) and records the outcomes. */
        void gather(Record<String, DedupHomeBatch> answers) {
            verified.remove(answers);
            gatherContext.resetForwards();
            gatherer.process(answers);
            gatherContext.forwarded().forEach(f -> {
                assertEquals(null, f.record().value().reply(), "a batch of answers produces no replies");
                record(f.record().value().outcome());
            });
        }

        private void record(DedupOutcome outcome) {
            notices.addAll(outcome.notices());
            if (outcome.article() != null) {
                passed.add(outcome.article());
            }
        }
    }
}
