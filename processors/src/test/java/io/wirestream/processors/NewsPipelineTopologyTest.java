package io.wirestream.processors;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.testkit.InMemorySchemaRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production topology ({@link ProcessorApp} with the standard stages) and the production serdes, through
 * TopologyTestDriver, without a broker: the registry's rules run in memory ({@link InMemorySchemaRegistry}).
 */
@Timeout(120)
class NewsPipelineTopologyTest {
    @TempDir
    Path stateDir;

    private ProcessorApp app;
    private SerdeFactory serdes;
    private TopologyTestDriver driver;
    private Topics topics;

    @BeforeEach
    void setUp() {
        ProcessorConfig config = new ProcessorConfig(InMemorySchemaRegistry.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "topology-test-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, stateDir.toString())));
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        app = new ProcessorApp(config, PipelineStages.standard(config), registry);
        serdes = new SerdeFactory(registry, config.registryConfigs());
        topics = new Topics(config.topicNames(), serdes);
        driver = new TopologyTestDriver(app.topology(), app.streamsProperties());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        app.close();
        serdes.close();
    }

    static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setOrigin(id + ".txt").setUrl(null).setTitle(null)
            .setBody(body).setPublishedAt(Instant.parse("2025-10-01T00:00:00Z")).setFetchedAt(Instant.parse("2025-10-02T00:00:00Z"))
            .setLanguageHint(null).setAttributes(Map.of()).build();
    }

    private TestInputTopic<String, RawArticle> raw() {
        return driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
    }

    private TestOutputTopic<String, EnrichedArticle> enriched() {
        return driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
    }

    private TestOutputTopic<String, DeadLetter> deadLetters() {
        return driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(), topics.deadLetters().valueSerde().deserializer());
    }

    @Test
    void shouldCleanARawArticleIntoAnEnrichedOneKeyedByItsId() {
        raw().pipeInput("a1", article("a1", "Skip to main content\nCouncil approves the bridge\n\nThe council approved the bridge on Tuesday."));
        // deduplication sends its open batch once per commit interval, from a wall-clock punctuation
        driver.advanceWallClockTime(java.time.Duration.ofMillis(app.config().commitIntervalMs()));
        List<TestRecord<String, EnrichedArticle>> out = enriched().readRecordsToList();
        assertEquals(1, out.size());
        EnrichedArticle a = out.get(0).value();
        assertEquals("a1", out.get(0).key());
        assertEquals("Council approves the bridge\n\nThe council approved the bridge on Tuesday.", a.getBody());
        assertEquals("Council approves the bridge", a.getTitle());
        assertEquals("a1.txt", a.getOrigin());
        assertEquals(Instant.parse("2025-10-01T00:00:00Z"), a.getPublishedAt());
        assertEquals(1, a.getProcessing().getRemovedLines());
        assertEquals(List.of("clean", "dedup", "language", "entities", "stories"), a.getProcessing().getStages());
        assertTrue(deadLetters().isEmpty(), "no dead letters expected");
    }

    @Test
    void shouldDeadLetterAnArticleWithNoTextLeftAfterCleaning() {
        raw().pipeInput("a3", article("a3", "Skip to main content\n0\nShare on Facebook"));
        List<DeadLetter> letters = deadLetters().readValuesToList();
        assertEquals(1, letters.size());
        assertEquals("clean", letters.get(0).getStage());
        assertEquals("io.wirestream.processors.clean.InvalidArticleException", letters.get(0).getErrorClass());
        assertTrue(letters.get(0).getErrorMessage().contains("no text left after cleaning"), letters.get(0).getErrorMessage());
        assertTrue(enriched().isEmpty(), "nothing should reach the enriched topic");
    }

    @Test
    void shouldDeadLetterARawRecordWithoutAKeyNamingTheMissingKey() {
        raw().pipeInput((String) null, article("no-key", "The ferry left the harbour at dawn and reached the island by noon."));
        List<DeadLetter> letters = deadLetters().readValuesToList();
        assertEquals(1, letters.size());
        assertEquals("deserialize", letters.get(0).getStage());
        assertEquals("a news.raw record has no key: the key must be the article id", letters.get(0).getErrorMessage());
        assertTrue(enriched().isEmpty(), "nothing should reach the enriched topic");
    }

    @Test
    void shouldCutTheOriginalOfAHugeUnreadableRecordSoItsDeadLetterFitsTheProducerLimit() {
        byte[] huge = new byte[1_200_000];
        java.util.Arrays.fill(huge, (byte) 'x');
        driver.createInputTopic(topics.raw().name(), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())
            .pipeInput("huge", huge);
        TestOutputTopic<byte[], byte[]> rawLetters = driver.createOutputTopic(topics.deadLetters().name(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        List<TestRecord<byte[], byte[]>> out = rawLetters.readRecordsToList();
        assertEquals(1, out.size());
        int size = out.get(0).value().length + out.get(0).key().length;
        assertTrue(size < 1_048_576 - 10_000, "the dead letter is " + size + " bytes, more than the producer's default max.request.size");
        DeadLetter letter = topics.deadLetters().valueSerde().deserializer().deserialize(topics.deadLetters().name(), out.get(0).value());
        assertEquals("deserialize", letter.getStage());
        assertEquals(921_600 - 4, letter.getValue().remaining());
        assertTrue(letter.getErrorMessage().contains("original value of 1200000 bytes"), letter.getErrorMessage());
    }
}
