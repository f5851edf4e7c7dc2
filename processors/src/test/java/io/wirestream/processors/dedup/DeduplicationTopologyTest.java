package io.wirestream.processors.dedup;

import static io.wirestream.processors.dedup.DedupSamples.NEAR_COPY;
import static io.wirestream.processors.dedup.DedupSamples.OTHER_STORY;
import static io.wirestream.processors.dedup.DedupSamples.PUBLISHED;
import static io.wirestream.processors.dedup.DedupSamples.STORY;
import static io.wirestream.processors.dedup.DedupSamples.TRANSLATION;
import static io.wirestream.processors.dedup.DedupSamples.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DuplicateKind;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.avro.dedup.DedupWaiting;
import io.wirestream.avro.dedup.DedupWaitingBatch;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.processors.NewsPipeline;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.processors.StageContext;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.testkit.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.SignatureFactory;
import io.wirestream.dedup.coordinator.ParkedBatchRecord;
import io.wirestream.dedup.coordinator.ParkedPayloads;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production pipeline with the deduplication stage and production serdes, through TopologyTestDriver, without a
 * broker: the registry's rules run in memory ({@link InMemorySchemaRegistry}), the partition count comes from
 * {@code topic.partitions}.
 */
@Timeout(120)
class DeduplicationTopologyTest {

    private static final Duration WINDOW = Duration.ofHours(1);

    @TempDir
    Path stateDir;

    private SerdeFactory serdes;
    private Topics topics;
    private Topology topology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DuplicateNotice> duplicates;

    private ProcessorConfig config;

    @BeforeEach
    void setUp() {
        config = new ProcessorConfig(Map.of(
                WirestreamConfig.BOOTSTRAP_SERVERS, "unused.invalid:9092",
                WirestreamConfig.SCHEMA_REGISTRY_URL, InMemorySchemaRegistry.URL,
                ProcessorConfig.APPLICATION_ID, "dedup-topology-" + UUID.randomUUID(),
                ProcessorConfig.STATE_DIR, stateDir.toString(),
                ProcessorConfig.DEDUP_WINDOW_MS, WINDOW.toMillis()));
        serdes = new SerdeFactory(new InMemorySchemaRegistry(), config.registryConfigs());
        topics = new Topics(config.topicNames(), serdes);
        topology = NewsPipeline.build(new StageContext(new StreamsBuilder(), topics, serdes, config), List.of(new Deduplication()));
        driver = new TopologyTestDriver(topology, config.streamsProperties());
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
        duplicates = driver.createOutputTopic(topics.duplicates().name(), new StringDeserializer(),
                topics.duplicates().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        serdes.close();
    }

    /** The article arrives and the open batch goes out (the wall clock moves one commit interval on). */
    private void send(RawArticle article, Instant eventTime) {
        arrive(article, eventTime);
        flush();
    }

    /** The article arrives and joins the open batch. */
    private void arrive(RawArticle article, Instant eventTime) {
        raw.pipeInput(article.getId(), article, eventTime);
    }

    /** The flush punctuation fires: the open batch goes out, and the driver carries every message to the end. */
    private void flush() {
        driver.advanceWallClockTime(Duration.ofMillis(config.commitIntervalMs()));
    }

    private Map<String, DedupStatus> enrichedStatuses() {
        return enriched.readKeyValuesToList().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value.getDedup().getStatus()));
    }

    private static String notice(DuplicateNotice n) {
        return n.getCopyId() + "->" + n.getOriginalId() + " " + n.getKind();
    }

    @Test
    void shouldPassTheOriginalAndTurnTheNearCopyIntoANotice() {
        send(article("story-a", "https://daily.example/library", "Library reopens", STORY, PUBLISHED), PUBLISHED);
        send(article("story-b", "https://wire.example/news/4711", "Mill Street library open again", NEAR_COPY,
                PUBLISHED.plusSeconds(1800)), PUBLISHED.plusSeconds(1800));

        assertEquals(Map.of("story-a", DedupStatus.UNIQUE), enrichedStatuses());
        List<KeyValue<String, DuplicateNotice>> notices = duplicates.readKeyValuesToList();
        assertEquals(List.of("story-b"), notices.stream().map(kv -> kv.key).toList());
        DuplicateNotice n = notices.get(0).value;
        assertEquals("story-b->story-a NEAR", notice(n));
        assertTrue(n.getSimilarity() >= DedupParametersHolder.THRESHOLD && n.getSimilarity() < 1.0, "similarity " + n.getSimilarity());
        assertEquals("https://wire.example/news/4711", n.getCopyOrigin());
        assertEquals("Mill Street library open again", n.getCopyTitle());
    }

    @Test
    void shouldMakeTheEarlierArticleTheOriginalWhenItArrivesAfterItsCopy() {
        send(article("late-copy", "https://wire.example/news/1", null, NEAR_COPY, PUBLISHED.plusSeconds(3600)), PUBLISHED);
        send(article("early-original", "https://daily.example/1", null, STORY, PUBLISHED), PUBLISHED.plusSeconds(60));

        assertEquals(Map.of("late-copy", DedupStatus.UNIQUE, "early-original", DedupStatus.ORIGINAL), enrichedStatuses());
        assertEquals(List.of("late-copy->early-original NEAR"), duplicates.readValuesToList().stream().map(DeduplicationTopologyTest::notice).toList());
    }

    @Test
    void shouldKeepATranslationAndAnotherStoryAsArticlesOfTheirOwn() {
        send(article("en", "https://daily.example/library", null, STORY, PUBLISHED), PUBLISHED);
        send(article("de", "https://tageblatt.example/bibliothek", null, TRANSLATION, PUBLISHED.plusSeconds(60)), PUBLISHED.plusSeconds(60));
        send(article("bus", "https://daily.example/buses", null, OTHER_STORY, PUBLISHED.plusSeconds(120)), PUBLISHED.plusSeconds(120));

        assertEquals(Map.of("en", DedupStatus.UNIQUE, "de", DedupStatus.UNIQUE, "bus", DedupStatus.UNIQUE), enrichedStatuses());
        assertTrue(duplicates.isEmpty(), "no duplicate notices expected");
    }

    @Test
    void shouldRecogniseTheSameCanonicalUrlAndTheSameTextAsExactCopies() {
        send(article("a", "https://www.daily.example/library?utm_source=rss", null, STORY, PUBLISHED), PUBLISHED);
        send(article("b", "https://m.daily.example/library#comments", null, OTHER_STORY, PUBLISHED.plusSeconds(5)), PUBLISHED.plusSeconds(5));
        send(article("c", "https://other.example/x", null, STORY.toUpperCase(), PUBLISHED.plusSeconds(9)), PUBLISHED.plusSeconds(9));

        assertEquals(Map.of("a", DedupStatus.UNIQUE), enrichedStatuses());
        assertEquals(List.of("b->a EXACT_URL", "c->a EXACT_TEXT"),
                duplicates.readValuesToList().stream().map(DeduplicationTopologyTest::notice).toList());
    }

    @Test
    void shouldAnswerARedeliveryOfTheSameIdWithANoticeAndKeepTheFirstVerdict() {
        send(article("a", "https://daily.example/library", null, STORY, PUBLISHED), PUBLISHED);
        send(article("a", "https://daily.example/library", null, STORY, PUBLISHED), PUBLISHED.plusSeconds(30));

        assertEquals(List.of("a"), enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        assertEquals(List.of("a->a EXACT_URL"), duplicates.readValuesToList().stream().map(DeduplicationTopologyTest::notice).toList());
    }

    @Test
    void shouldForgetArticlesOlderThanTheWindow() {
        send(article("old", "https://daily.example/library", null, STORY, PUBLISHED), PUBLISHED);
        Instant later = PUBLISHED.plus(WINDOW).plus(WINDOW);
        send(article("bus", "https://daily.example/buses", null, OTHER_STORY, later), later);
        send(article("again", "https://wire.example/again", null, NEAR_COPY, later.plusSeconds(1)), later.plusSeconds(1));

        assertEquals(Map.of("old", DedupStatus.UNIQUE, "bus", DedupStatus.UNIQUE, "again", DedupStatus.UNIQUE), enrichedStatuses());
        assertTrue(duplicates.isEmpty(), "the old story expired from the index");
    }

    @Test
    void shouldCarryTheFingerprintAndCanonicalUrl() {
        send(article("a", "https://www.daily.example/library/?utm_medium=x", null, STORY, PUBLISHED), PUBLISHED);
        EnrichedArticle a = enriched.readValue();
        assertEquals("https://daily.example/library", a.getCanonicalUrl());
        assertEquals(64, a.getDedup().getFingerprint().length());
        assertEquals(List.of("clean", "dedup"), a.getProcessing().getStages());
    }

    /**
     * Parks an article as the scatter step does and leaves it waiting, as when a probe or an answer of it
     * was dead-lettered (or lost to a topology change): its verdict can never complete.
     */
    private void park(String id, long startedAt) {
        send(article("template-" + id, "https://daily.example/" + id, null, OTHER_STORY + " " + id, PUBLISHED), PUBLISHED);
        EnrichedArticle template = enriched.readValue();
        EnrichedArticle parked = EnrichedArticle.newBuilder(template).setId(id)
                .setProcessing(io.wirestream.avro.ProcessingInfo.newBuilder(template.getProcessing()).setStages(List.of("clean")).build())
                .setDedup(io.wirestream.avro.DedupVerdict.newBuilder(template.getDedup()).setStatus(DedupStatus.NOT_CHECKED).build()).build();
        byte[] bytes = topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), parked);
        org.apache.kafka.streams.state.KeyValueStore<Long, byte[]> waiting = driver.getKeyValueStore(Deduplication.WAITING_STORE);
        long batch = 1_000_000L + id.hashCode();
        WaitingBatchCodec codec = new WaitingBatchCodec(serdes.forValues(DedupWaitingBatch.class), config.applicationId());
        waiting.put(batch, codec.encode(DedupWaitingBatch.newBuilder().setBatch(batch).setArticles(List.of(DedupWaiting.newBuilder().setArticleId(id)
                .setPublishedAt(PUBLISHED.toEpochMilli()).setEventTime(PUBLISHED.toEpochMilli()).setSent(true)
                .setPartitionsExpected(List.of(0, 1, 2)).setPartitionsAnswered(List.of(0)).setKeysExpected(3).setKeysAnswered(1)
                .setStartedAt(startedAt).build())).build()));
        // parked as versions before parking by article wrote it: one record for the whole batch under the batch's key
        driver.<Bytes, byte[]>getKeyValueStore(Deduplication.PARKED_STORE).put(Bytes.wrap(ParkedPayloads.batchKey(batch)),
                ParkedBatchRecord.append(null, id, bytes));
        driver.<String, Long>getKeyValueStore(Deduplication.WAITING_IDS_STORE).put(id, batch);
    }

    @Test
    void shouldPassOnAnArticleWhoseDedupAnswersNeverCameAfterTheTimeoutWithItsReason() {
        Instant wallClock = Instant.now();
        park("stranded", wallClock.toEpochMilli());
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertTrue(enriched.isEmpty(), "still waiting within the timeout");
        driver.advanceWallClockTime(Duration.ofHours(1));

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
        assertEquals(List.of("stranded"), out.stream().map(kv -> kv.key).toList(), "the stranded article on the enriched topic");
        assertEquals(DedupStatus.NOT_CHECKED, out.get(0).value.getDedup().getStatus());
        assertEquals("no deduplication verdict within dedup.answer.timeout.ms=600000 ms: 1 of 3 index keys and 0 of 0 checks answered "
                + "(a deduplication message was dead-lettered or lost); passed on unchecked", out.get(0).value.getDedup().getReason());
        assertEquals(List.of("clean", "dedup"), out.get(0).value.getProcessing().getStages());
        try (var left = driver.<Long, byte[]>getKeyValueStore(Deduplication.WAITING_STORE).all();
             var parked = driver.<Bytes, byte[]>getKeyValueStore(Deduplication.PARKED_STORE).all()) {
            assertTrue(!left.hasNext() && !parked.hasNext(), "nothing left waiting or parked");
        }
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertTrue(enriched.isEmpty(), "passed on once");
    }

    @Test
    void shouldNotDropAParkedArticleWithAnOldRecordTimestampWhenStreamTimeExpiresTheWindow() {
        // an article of a backfill, parked with its old record timestamp, while newer articles move stream time on
        park("backfilled", PUBLISHED.minus(Duration.ofDays(30)).toEpochMilli());
        Instant later = PUBLISHED.plus(WINDOW).plus(WINDOW);
        send(article("bus", "https://daily.example/buses", null, OTHER_STORY, later), later);
        assertEquals(Map.of("bus", DedupStatus.UNIQUE), enrichedStatuses());

        driver.advanceWallClockTime(Duration.ofHours(1));
        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
        assertEquals(List.of("backfilled"), out.stream().map(kv -> kv.key).toList(), "the backfilled article on the enriched topic");
        assertEquals(DedupStatus.NOT_CHECKED, out.get(0).value.getDedup().getStatus());
    }

    @Test
    void shouldNameEveryStoreAndInternalTopic() {
        String description = topology.describe().toString();
        for (String name : List.of("dedup-signatures", "dedup-index", "dedup-index-filed", "dedup-waiting", "dedup-parked", "dedup-waiting-ids",
                "dedup-probe-batches-repartition", "dedup-home-batches-repartition", "dedup-checked-batches-repartition", "dedup.scatter",
                "dedup.receive", "dedup.gather")) {
            assertTrue(description.contains(name), name + " missing from\n" + description);
        }
    }

    @Test
    void shouldKeepTheIndexDurableAsOneRecordPerBatchAndPartitionNotPerArticleOrKey() {
        arrive(article("a", "https://daily.example/library", null, STORY, PUBLISHED), PUBLISHED);
        arrive(article("b", "https://daily.example/buses", null, OTHER_STORY, PUBLISHED), PUBLISHED);
        assertTrue(enriched.isEmpty(), "the batch waits for the flush");
        flush();
        assertEquals(Map.of("a", DedupStatus.UNIQUE, "b", DedupStatus.UNIQUE), enrichedStatuses());

        String prefix = config.applicationId() + "-";
        assertTrue(driver.producedTopicNames().contains(prefix + "dedup-index-filed-changelog"), "produced " + driver.producedTopicNames());
        assertTrue(!driver.producedTopicNames().contains(prefix + "dedup-index-changelog"), "the key lookup keeps no changelog: "
                + driver.producedTopicNames());
        int partitions = config.topicSettings().partitions();
        SignatureFactory signatures = new SignatureFactory(DedupParameters.DEFAULTS);
        java.util.Set<Integer> reached = new java.util.TreeSet<>(ProbeRouting.group(IndexCodec.indexKeys(
                signatures.sign("a", "https://daily.example/library", STORY, PUBLISHED.toEpochMilli())), partitions).keySet());
        reached.addAll(ProbeRouting.group(IndexCodec.indexKeys(
                signatures.sign("b", "https://daily.example/buses", OTHER_STORY, PUBLISHED.toEpochMilli())), partitions).keySet());
        assertEquals(reached.size(), driver.createOutputTopic(prefix + "dedup-index-filed-changelog", new BytesDeserializer(),
                new ByteArrayDeserializer()).getQueueSize(), "one filed record per index partition the batch reached");
        assertEquals(reached.size(), driver.createOutputTopic(prefix + "dedup-probe-batches-repartition", new StringDeserializer(),
                new ByteArrayDeserializer()).getQueueSize(), "one probe record per index partition the batch reached");
        assertTrue(driver.producedTopicNames().stream().noneMatch(t -> t.contains("dedup-pending")), "the article is parked in its batch");
    }

    /** The production threshold, read once so the assertion above names it. */
    private static final class DedupParametersHolder {
        static final double THRESHOLD = io.wirestream.dedup.DedupParameters.DEFAULTS.threshold();
    }
}
