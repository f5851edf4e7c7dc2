package io.wirestream.processors;

import io.wirestream.processors.route.RouteFormat;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProcessorConfigTest {
    private static final String PRODUCER_COMPRESSION = "producer.compression.type";

    private static ProcessorConfig config(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092", "schema.registry.url", "http://localhost:8081"));
        m.putAll(extra);
        return new ProcessorConfig(m);
    }

    @Test
    void shouldCompressWithZstdByDefault() {
        assertEquals("zstd", config(Map.of()).streamsProperties().get(PRODUCER_COMPRESSION));
    }

    @Test
    void shouldCompressAsTheOperatorSaysThroughTheKafkaPassThrough() {
        assertEquals("lz4", config(Map.of("kafka.compression.type", "lz4")).streamsProperties().get(PRODUCER_COMPRESSION));
        assertEquals("gzip", config(Map.of("kafka.producer.compression.type", "gzip")).streamsProperties().get(PRODUCER_COMPRESSION));
    }

    @Test
    void shouldCompressAsCompressionTypeSays() {
        assertEquals("snappy", config(Map.of("compression.type", "snappy")).streamsProperties().get(PRODUCER_COMPRESSION));
        assertEquals("none", config(Map.of("compression.type", "none", "kafka.compression.type", "none"))
            .streamsProperties().get(PRODUCER_COMPRESSION));
    }

    @Test
    void shouldRejectUnknownOrContradictoryCompression() {
        assertEquals("Invalid value brotli for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd",
            assertThrows(ConfigException.class, () -> config(Map.of("compression.type", "brotli"))).getMessage());
        assertEquals("compression.type=lz4 and kafka.compression.type=zstd disagree: set only compression.type",
            assertThrows(ConfigException.class, () -> config(Map.of("compression.type", "lz4", "kafka.compression.type", "zstd"))).getMessage());
    }

    @Test
    void shouldReadTheRoutesFileAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, "routes:\n  - {name: ferries, topic: out.ferries, format: json, filter: {query: ferry}}\n");
        ProcessorConfig config = config(Map.of(ProcessorConfig.ROUTES_FILE, file.toString()));
        assertEquals(List.of("out.ferries"), config.routes().topics());
        assertEquals(RouteFormat.JSON, config.routes().all().get(0).format());
        assertEquals(List.of(), config(Map.of()).routes().all());
    }

    @Test
    void shouldFailFastOnABadRoutesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, "routes:\n  - {name: ferries, topic: out.ferries, filter: {languages: []}}\n");
        assertEquals("routes.file: " + file + ": route #1 'ferries': field 'filter.languages': empty: leave the field out to accept any value",
            assertThrows(ConfigException.class, () -> config(Map.of(ProcessorConfig.ROUTES_FILE, file.toString()))).getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
            () -> config(Map.of(ProcessorConfig.ROUTES_FILE, dir.resolve("none.yaml").toString())));
        assertEquals("routes.file: " + dir.resolve("none.yaml") + ": cannot read the file: java.nio.file.NoSuchFileException: "
            + dir.resolve("none.yaml"), missing.getMessage());
    }

    @Test
    void shouldRejectARouteWritingAPipelineTopicOfTheConfiguredPrefix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, "routes:\n  - {name: loop, topic: wire.raw}\n");
        ConfigException e = assertThrows(ConfigException.class,
            () -> config(Map.of(ProcessorConfig.ROUTES_FILE, file.toString(), ProcessorConfig.TOPIC_PREFIX, "wire")));
        assertEquals("routes.file: " + file + ": route #1 'loop': field 'topic': 'wire.raw' is one of the pipeline's own topics "
            + "or an internal topic; give the route its own topic", e.getMessage());
    }

    @Test
    void shouldBuildTheStoryWindowAndLimitsFromTheStoriesKeys() {
        ProcessorConfig config = config(Map.of(ProcessorConfig.STORIES_WINDOW_DAYS, "7", ProcessorConfig.STORIES_JOIN_GAP_HOURS, "72",
            ProcessorConfig.STORIES_MAX_OPEN, "2000", ProcessorConfig.STORIES_LATEST_ARTICLES, "5", ProcessorConfig.STORIES_TOP_ENTITIES, "3"));
        assertEquals(7 * 86_400_000L, config.storyParameters().quietAfterMs());
        assertEquals(72 * 3_600_000L, config.storyParameters().joinGapMs());
        assertEquals(2000, config.storyParameters().maxOpenStories());
        assertEquals(5, config.storyParameters().latestArticles());
        assertEquals(3, config.storyParameters().topEntities());
        assertEquals(3 * 86_400_000L, config(Map.of()).storyParameters().quietAfterMs());
    }

    @Test
    void shouldRefuseAStoryWindowThatCannotWork() {
        assertEquals("Invalid value 30 for configuration stories.window.days: Value must be no more than 29",
            assertThrows(ConfigException.class, () -> config(Map.of(ProcessorConfig.STORIES_WINDOW_DAYS, "30"))).getMessage());
        assertEquals("Invalid value 0 for configuration stories.window.days: Value must be at least 1",
            assertThrows(ConfigException.class, () -> config(Map.of(ProcessorConfig.STORIES_WINDOW_DAYS, "0"))).getMessage());
        assertEquals("Invalid value 96 for configuration stories.join.gap.hours: must be at most stories.window.days x 24 (72)",
            assertThrows(ConfigException.class, () -> config(Map.of(ProcessorConfig.STORIES_JOIN_GAP_HOURS, "96"))).getMessage());
        assertEquals("Invalid value 10 for configuration stories.max.open: Value must be at least 1000",
            assertThrows(ConfigException.class, () -> config(Map.of(ProcessorConfig.STORIES_MAX_OPEN, "10"))).getMessage());
    }
}
