package io.wirestream.ingest.file;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(120)
class FileIngestorIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @Test
    void shouldPublishEveryValidArticleAndDeadLetterEachInvalidItemWithItsOrigin(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(folder.resolve("a.txt"), " date 2025-10-09 The council approved the bridge.\n\nWork starts in May.");
        Files.writeString(folder.resolve("b.txt"), "no header here");
        Files.write(folder.resolve("c.txt"), new byte[] {' ', 'd', 'a', 't', 'e', ' ', '2', '0', '2', '5', '-', '0', '1', '-', '0', '1', ' ', (byte) 0xC3, (byte) 0x28});
        Files.writeString(folder.resolve("d.jsonl"), String.join("\n",
            "{\"url\":\"https://example.org/x\",\"title\":\"X\",\"body\":\"Body of x.\",\"publishedAt\":\"2025-10-10\"}",
            "",
            "{\"title\":\"broken\",",
            "{\"url\":\"https://example.org/y\",\"body\":\"Body of y.\"}") + "\n");
        Files.writeString(folder.resolve("notes.md"), "not an article");

        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "ingest1", "topic.partitions", "2")));
        Clock clock = Clock.fixed(Instant.parse("2025-11-01T00:00:00Z"), ZoneOffset.UTC);
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            summary = new FileIngestor(publisher, clock).ingest(List.of(folder));
        }
        assertEquals(4, summary.files());
        assertEquals(3, summary.published());
        assertEquals(3, summary.failed());
        assertEquals(1, summary.skippedFiles());
        assertEquals(List.of(
            "b.txt: line 1: expected ' date YYYY-MM-DD <text>', found 'no header here'",
            "c.txt: not valid UTF-8 text",
            "d.jsonl:3: malformed JSON: Unexpected end-of-input within/between Object entries (column 19)"),
            summary.errors());

        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            List<ConsumerRecord<String, RawArticle>> raw = TopicReader.read(stack.bootstrapServers(), topics.raw().name(),
                new StringDeserializer(), topics.raw().valueSerde().deserializer(), 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertEquals(Set.of("a.txt", "d.jsonl:1", "d.jsonl:4"),
                raw.stream().map(r -> r.value().getOrigin()).collect(Collectors.toSet()));
            raw.forEach(r -> assertEquals(r.value().getId(), r.key()));
            RawArticle a = raw.stream().filter(r -> r.value().getOrigin().equals("a.txt")).findFirst().orElseThrow().value();
            assertEquals("The council approved the bridge.\n\nWork starts in May.", a.getBody());
            assertEquals("folder:inbox", a.getSource());
            assertEquals(Instant.parse("2025-10-09T00:00:00Z"), a.getPublishedAt());
            assertEquals(clock.instant(), a.getFetchedAt());

            List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(),
                new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
            Map<String, DeadLetter> byOrigin = dlq.stream().collect(Collectors.toMap(r -> r.value().getOrigin(), ConsumerRecord::value));
            assertEquals(Set.of("b.txt", "c.txt", "d.jsonl:3"), byOrigin.keySet());
            assertEquals(ByteBuffer.wrap("{\"title\":\"broken\",".getBytes(StandardCharsets.UTF_8)), byOrigin.get("d.jsonl:3").getValue());
            assertEquals("ingest", byOrigin.get("b.txt").getStage());
            assertEquals("io.wirestream.ingest.ArticleParseException", byOrigin.get("b.txt").getErrorClass());
            assertEquals("b.txt: line 1: expected ' date YYYY-MM-DD <text>', found 'no header here'", byOrigin.get("b.txt").getErrorMessage());
        }
    }

    @Test
    void shouldKeyARepublishedFileTheSameWaySoDownstreamCanDropIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("same.txt");
        Files.writeString(file, " date 2025-10-09 Identical text.");
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "ingest2")));
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            FileIngestor ingestor = new FileIngestor(publisher, Clock.systemUTC());
            ingestor.ingest(List.of(file));
            ingestor.ingest(List.of(file));
        }
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            List<ConsumerRecord<String, RawArticle>> raw = TopicReader.read(stack.bootstrapServers(), topics.raw().name(),
                new StringDeserializer(), topics.raw().valueSerde().deserializer(), 2, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertEquals(2, raw.size());
            assertEquals(raw.get(0).key(), raw.get(1).key());
            assertEquals(raw.get(0).partition(), raw.get(1).partition());
        }
    }
}
