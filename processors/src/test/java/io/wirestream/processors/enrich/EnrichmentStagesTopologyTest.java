package io.wirestream.processors.enrich;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.RawArticle;
import io.wirestream.avro.kb.KbEntityType;
import io.wirestream.avro.kb.KbEntry;
import io.wirestream.avro.kb.KbName;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.enrichment.Enricher;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.testkit.InMemorySchemaRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * The production topology ({@link ProcessorApp}, which builds it with {@code NewsPipeline.build}) with the enrichment
 * stages and the production serdes, through TopologyTestDriver, without a broker: the registry's rules run in memory ({@link InMemorySchemaRegistry}).
 */
@Timeout(120)
class EnrichmentStagesTopologyTest {
    private static Enricher enricher;

    @TempDir
    Path stateDir;

    private ProcessorApp app;
    private SerdeFactory serdes;
    private Topics topics;
    private TopologyTestDriver driver;

    @BeforeAll
    static void loadModels() {
        enricher = Enricher.standard();
    }

    @BeforeEach
    void setUp() {
        ProcessorConfig config = new ProcessorConfig(InMemorySchemaRegistry.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "enrich-topology-test-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, stateDir.toString())));
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        app = new ProcessorApp(config, EnrichmentStages.of(enricher), registry);
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

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setOrigin(id + ".txt").setUrl(null).setTitle(null)
            .setBody(body).setPublishedAt(Instant.parse("2025-10-10T00:00:00Z")).setFetchedAt(Instant.parse("2025-10-10T01:00:00Z"))
            .setLanguageHint(null).setAttributes(Map.of()).build();
    }

    private EnrichedArticle process(String id, String body) {
        TestInputTopic<String, RawArticle> raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
        TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer());
        raw.pipeInput(id, article(id, body));
        List<EnrichedArticle> values = out.readValuesToList();
        assertEquals(1, values.size(), "one enriched article expected for " + id);
        return values.get(0);
    }

    private static List<String> ids(EnrichedArticle a) {
        return a.getEntities().stream().map(Entity::getId).sorted().toList();
    }

    private void kb(String id, KbEntry entry) {
        driver.createInputTopic(topics.names().knowledgeBase(), new StringSerializer(), serdes.forValues(KbEntry.class).serializer())
            .pipeInput(id, entry);
    }

    @Test
    void shouldTagLanguageAndLinkTheSameEntitiesInRussianAndEnglish() {
        EnrichedArticle ru = process("ru1", "Владимир Путин провел телефонный разговор с Ильхамом Алиевым. Путин пригласил коллегу в Москву.");
        EnrichedArticle en = process("en1", "Vladimir Putin held a phone call with Ilham Aliyev. Putin invited his counterpart to Moscow.");
        assertEquals("ru", ru.getLanguage());
        assertEquals("en", en.getLanguage());
        assertEquals(List.of("Q649", "Q7747", "ws:ilham-aliyev"), ids(ru));
        assertEquals(ids(ru), ids(en));
        Entity putin = ru.getEntities().get(0);
        assertEquals("Q7747", putin.getId());
        assertEquals(io.wirestream.avro.EntityType.PERSON, putin.getType());
        assertEquals(List.of("Владимир Путин", "Путин"), putin.getMentions().stream().map(m -> ru.getBody().substring(m.getStart(), m.getEnd())).toList());
        assertEquals(List.of("clean", "language", "entities"), ru.getProcessing().getStages());
    }

    @Test
    void shouldApplyKnowledgeBaseUpdatesFromTheCompactedTopic() {
        String body = "Политолог Рустам Мамедов считает, что диалог продолжится.";
        assertEquals(List.of("ws:rustam-mamedov"), ids(process("a1", body)));

        kb("Q4242424", KbEntry.newBuilder().setId("Q4242424").setType(KbEntityType.PERSON).setCanonicalName("Rustam Mammadov")
            .setNames(List.of(new KbName("ru", "Рустам Мамедов"), new KbName("en", "Rustam Mammadov"))).setSource("manual").build());
        EnrichedArticle linked = process("a2", body);
        assertEquals(List.of("Q4242424"), ids(linked));
        assertEquals("Rustam Mammadov", linked.getEntities().get(0).getCanonicalName());

        kb("Q4242424", null);
        assertEquals(List.of("ws:rustam-mamedov"), ids(process("a3", body)));
    }

    @Test
    void shouldMarkTooShortTextUndetermined() {
        EnrichedArticle a = process("s1", "OK 2025");
        assertEquals("und", a.getLanguage());
        assertEquals(0.0, a.getLanguageConfidence());
    }
}
