package io.wirestream.processors.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.avro.Story;
import io.wirestream.avro.StoryRole;
import io.wirestream.avro.StoryStatus;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.enrichment.Enricher;
import io.wirestream.processors.PipelineStage;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.processors.enrich.EnrichmentStages;
import io.wirestream.testkit.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production topology ({@link ProcessorApp}) with the enrichment stages and the story stage and the production serdes, through
 * TopologyTestDriver, without a broker (the registry's rules run in memory, {@link InMemorySchemaRegistry}): the story
 * on each enriched article, and the records of news.stories.
 */
@Timeout(120)
class StoryLinkingTopologyTest {
    private static Enricher enricher;

    @TempDir
    Path stateDir;

    private ProcessorApp app;
    private SerdeFactory serdes;
    private Topics topics;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Story> stories;

    @BeforeAll
    static void loadModels() {
        enricher = Enricher.standard();
    }

    @BeforeEach
    void setUp() {
        ProcessorConfig config = new ProcessorConfig(InMemorySchemaRegistry.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "stories-topology-test-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, stateDir.toString())));
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        List<PipelineStage> stages = new ArrayList<>(EnrichmentStages.of(enricher));
        stages.add(new StoryLinking(config.storyParameters()));
        app = new ProcessorApp(config, stages, registry);
        serdes = new SerdeFactory(registry, config.registryConfigs());
        topics = new Topics(config.topicNames(), serdes);
        driver = new TopologyTestDriver(app.topology(), app.streamsProperties());
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
        stories = driver.createOutputTopic(topics.stories().name(), new StringDeserializer(), topics.stories().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        app.close();
        serdes.close();
    }

    private EnrichedArticle process(String id, String published, String body) {
        raw.pipeInput(id, RawArticle.newBuilder().setId(id).setSource("test").setOrigin(id + ".txt").setUrl(null).setTitle(null)
            .setBody(body).setPublishedAt(Instant.parse(published)).setFetchedAt(Instant.parse("2025-10-20T00:00:00Z"))
            .setLanguageHint(null).setAttributes(Map.of()).build());
        List<EnrichedArticle> values = enriched.readValuesToList();
        assertEquals(1, values.size(), "one enriched article expected for " + id);
        return values.get(0);
    }

    @Test
    void shouldPutATranslationInTheStoryOfTheOriginalAndAPhoneCallOfTheSamePeopleInAnotherOne() {
        EnrichedArticle meetingRu = process("m-ru", "2025-10-09T08:00:00Z", "Путин и Алиев встретились в Душанбе\n\n"
            + "Ильхам Алиев и Владимир Путин провели переговоры в Душанбе на полях саммита СНГ. Встреча продлилась полтора часа.");
        EnrichedArticle meetingEn = process("m-en", "2025-10-09T10:00:00Z", "Putin and Aliyev meet in Dushanbe\n\n"
            + "Vladimir Putin and Ilham Aliyev held talks in Dushanbe on the sidelines of the CIS summit. The meeting lasted an hour and a half.");
        EnrichedArticle callRu = process("c-ru", "2025-10-09T15:00:00Z", "Путин и Алиев провели телефонный разговор\n\n"
            + "Ильхам Алиев и Владимир Путин обсудили по телефону торговые связи. Разговор состоялся по инициативе Баку.");

        assertEquals(StoryRole.STARTED, meetingRu.getStory().getRole());
        assertEquals("story-m-ru", meetingRu.getStory().getId());
        assertEquals("story-m-ru", meetingEn.getStory().getId());
        assertEquals(StoryRole.JOINED, meetingEn.getStory().getRole());
        assertEquals(List.of("Q7747", "ws:ilham-aliyev", "Q9365"), meetingEn.getStory().getSharedEntities().subList(0, 3));
        assertEquals(2 * 3600_000L, meetingEn.getStory().getTimeGapMs());
        assertEquals("story-c-ru", callRu.getStory().getId());
        assertEquals(StoryRole.STARTED, callRu.getStory().getRole());
        assertEquals(List.of("clean", "language", "entities", "stories"), callRu.getProcessing().getStages());

        List<KeyValue<String, Story>> written = stories.readKeyValuesToList();
        assertEquals(List.of("story-m-ru", "story-m-ru", "story-c-ru"), written.stream().map(kv -> kv.key).toList());
        Story meeting = written.get(1).value;
        assertEquals(StoryStatus.OPEN, meeting.getStatus());
        assertEquals(2, meeting.getArticleCount());
        assertEquals(List.of("ru", "en"), meeting.getLanguages());
        assertEquals(Map.of("ru", "Путин и Алиев встретились в Душанбе", "en", "Putin and Aliyev meet in Dushanbe"), meeting.getTitles());
        assertEquals(List.of("m-ru", "m-en"), meeting.getLatestArticleIds());
        assertEquals(Instant.parse("2025-10-09T08:00:00Z"), meeting.getFirstSeen());
        assertEquals(Instant.parse("2025-10-09T10:00:00Z"), meeting.getLastSeen());
        assertEquals("Q7747", meeting.getEntities().get(0).getId());
    }

    @Test
    void shouldCloseAStoryNoArticleJoinedForTheWindowOfProcessingTime() {
        process("m-ru", "2025-10-09T08:00:00Z", "Путин и Алиев встретились в Душанбе\n\n"
            + "Ильхам Алиев и Владимир Путин провели переговоры в Душанбе на полях саммита СНГ.");
        driver.advanceWallClockTime(java.time.Duration.ofDays(3).plusMinutes(1));
        EnrichedArticle later = process("r-en", "2025-10-09T09:00:00Z", "Madrid opens a new metro line\n\n"
            + "The Spanish capital Madrid opened a metro line to the airport on Monday.");

        assertEquals(StoryRole.STARTED, later.getStory().getRole());
        List<KeyValue<String, Story>> written = stories.readKeyValuesToList();
        assertEquals(List.of("story-m-ru", "story-m-ru", "story-r-en"), written.stream().map(kv -> kv.key).toList());
        assertEquals(StoryStatus.CLOSED, written.get(1).value.getStatus());
        assertEquals(1, written.get(1).value.getArticleCount());
    }
}
