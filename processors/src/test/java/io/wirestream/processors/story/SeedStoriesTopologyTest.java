package io.wirestream.processors.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.enrichment.Enricher;
import io.wirestream.processors.PipelineStage;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.processors.enrich.EnrichmentStages;
import io.wirestream.testkit.InMemorySchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five seed articles beside the checkout ({@code ../shared/seeds}, read where they lie, in file order):
 * 000 and 003 (one text in Russian and English) and 001 report one meeting and share a story; 002 and 004
 * report a phone call of the same two presidents and do not join it. Skipped, saying so, when the seeds are
 * not there. The production topology ({@link ProcessorApp}) with the enrichment and story stages, through TopologyTestDriver,
 * without a broker ({@link InMemorySchemaRegistry}).
 */
@Timeout(120)
class SeedStoriesTopologyTest {
    private static final Pattern HEADER = Pattern.compile("\\A\\uFEFF?\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\s+");

    @TempDir
    Path stateDir;

    static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("seeds");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void shouldPutTheMeetingReportsInOneStoryAndLeaveThePhoneCallOut() throws IOException {
        Optional<Path> seeds = locate();
        assumeTrue(seeds.isPresent(), "seed articles not found: place the shared seeds beside the checkout (../shared/seeds)");
        List<Path> files;
        try (Stream<Path> list = Files.list(seeds.get())) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, files.size(), "seed files in " + seeds.get());

        ProcessorConfig config = new ProcessorConfig(InMemorySchemaRegistry.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "seed-stories-test-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, stateDir.toString())));
        Map<String, String> storyOf = new TreeMap<>();
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        List<PipelineStage> stages = new ArrayList<>(EnrichmentStages.of(Enricher.standard()));
        stages.add(new StoryLinking(config.storyParameters()));
        try (SerdeFactory serdes = new SerdeFactory(registry, config.registryConfigs());
                ProcessorApp app = new ProcessorApp(config, stages, registry)) {
            Topics topics = new Topics(config.topicNames(), serdes);
            try (TopologyTestDriver driver = new TopologyTestDriver(app.topology(), app.streamsProperties())) {
                TestInputTopic<String, RawArticle> raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
                    topics.raw().valueSerde().serializer());
                TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(topics.enriched().name(),
                    new StringDeserializer(), topics.enriched().valueSerde().deserializer());
                for (Path file : files) {
                    String name = file.getFileName().toString().substring(0, 3);
                    raw.pipeInput(name, seed(name, Files.readString(file, StandardCharsets.UTF_8)));
                }
                enriched.readValuesToList().forEach(a -> storyOf.put(a.getId(), a.getStory().getId()));
            }
        }
        assertEquals(5, storyOf.size(), storyOf.toString());
        String meeting = storyOf.get("000");
        assertEquals(meeting, storyOf.get("001"), storyOf.toString());
        assertEquals(meeting, storyOf.get("003"), storyOf.toString());
        assertEquals(false, meeting.equals(storyOf.get("002")), storyOf.toString());
        assertEquals(false, meeting.equals(storyOf.get("004")), storyOf.toString());
    }

    private static RawArticle seed(String id, String content) {
        Matcher m = HEADER.matcher(content);
        if (!m.find()) {
            throw new IllegalArgumentException("seed " + id + " does not start with ' date YYYY-MM-DD'");
        }
        Instant published = LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        return RawArticle.newBuilder().setId(id).setSource("seeds").setOrigin(id + ".txt").setUrl(null).setTitle(null)
            .setBody(content.substring(m.end())).setPublishedAt(published).setFetchedAt(Instant.parse("2026-01-01T00:00:00Z"))
            .setLanguageHint(null).setAttributes(Map.of()).build();
    }
}
