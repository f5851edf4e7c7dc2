package io.wirestream.ingest.watch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.source.IngestService;
import io.wirestream.ingest.source.KafkaPublishedItems;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceHealth;
import io.wirestream.ingest.source.SourceKind;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A watched folder run by the service against a real broker. */
@Timeout(90)
class FolderSourceIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    private static SourceHealth waitFor(IngestService service, Predicate<SourceHealth> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        SourceHealth h = service.health().get(0);
        while (!condition.test(h) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            h = service.health().get(0);
        }
        return h;
    }

    @Test
    void shouldPublishEachCompleteFileOnceIncludingAcrossRestarts(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("early.txt"), " date 2025-11-01 The ferry timetable changes on Sunday.");
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "watch1", "topic.partitions", "1",
            IngestConfig.WATCH_STABLE_MS, "300")));
        // A long rescan interval: files written later are found through the watch service.
        SourceDefinition folder = new SourceDefinition("inbox", SourceKind.FOLDER, null, inbox, null, Duration.ofSeconds(30), Map.of());
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            try (KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30));
                 IngestService service = new IngestService(config, publisher, published, new SimpleMeterRegistry(), Clock.systemUTC())) {
                service.start(List.of(folder));
                assertEquals(1, waitFor(service, h -> h.published() >= 1).published());

                // Written in pieces under a temporary name, then renamed in: read once, whole.
                Path part = inbox.resolve("batch.jsonl.part");
                Files.writeString(part, "{\"url\":\"https://harbour.example/a\",\"title\":\"A\",\"body\":\"Pier closes.\"}\n");
                Files.writeString(part, "{\"url\":\"https://harbour.example/b\",\"title\":\"B\",\"body\":\"Ferry moves.\"}\n",
                    StandardOpenOption.APPEND);
                Files.move(part, inbox.resolve("batch.jsonl"), StandardCopyOption.ATOMIC_MOVE);
                assertEquals(3, waitFor(service, h -> h.published() >= 3).published());
                Files.writeString(inbox.resolve("bad.jsonl"), "{\"title\":\"no body\"}\n");
                SourceHealth h = waitFor(service, x -> x.failed() >= 1);
                assertEquals(1, h.failed());
                assertEquals(3, h.published());
            }
            try (KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30));
                 IngestService restarted = new IngestService(config, publisher, published, new SimpleMeterRegistry(), Clock.systemUTC())) {
                restarted.start(List.of(folder));
                Files.writeString(inbox.resolve("late.txt"), " date 2025-11-02 The north pier reopens in June.");
                SourceHealth h = waitFor(restarted, x -> x.published() >= 1);
                Thread.sleep(700);
                assertEquals(1, restarted.health().get(0).published());
                assertEquals(0, h.failed());
            }
        }
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            List<RawArticle> raw = TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                topics.raw().valueSerde().deserializer(), 4, Duration.ofSeconds(30), Duration.ofSeconds(1))
                .stream().map(ConsumerRecord::value).toList();
            assertEquals(List.of("early.txt", "batch.jsonl:1", "batch.jsonl:2", "late.txt"), raw.stream().map(RawArticle::getOrigin).toList());
            assertEquals(List.of("folder:inbox"), raw.stream().map(RawArticle::getSource).distinct().toList());
        }
    }

    @Test
    void shouldDeadLetterRecordsKafkaRefusesForGoodAndNotPublishTheGoodLinesOfTheFileAgain(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        // The ingest limit raised above what the producer (max.request.size 1 MiB) takes: Kafka itself refuses.
        IngestConfig config = new IngestConfig(stack.config(Map.of("topic.prefix", "watch2", "topic.partitions", "1",
            IngestConfig.WATCH_STABLE_MS, "100", IngestConfig.MAX_ARTICLE_BYTES, String.valueOf(4 * 1024 * 1024))));
        Files.writeString(inbox.resolve("mixed.jsonl"), String.join("\n",
            "{\"url\":\"https://harbour.example/good\",\"title\":\"Good\",\"body\":\"The pier reopens.\"}",
            "{\"url\":\"https://harbour.example/large\",\"body\":\"" + "word ".repeat(400_000) + "\"}",
            "{\"url\":\"https://harbour.example/far\",\"body\":\"Far away.\",\"publishedAt\":\"+999999999-01-01T00:00:00Z\"}",
            ""));
        SourceDefinition folder = new SourceDefinition("inbox", SourceKind.FOLDER, null, inbox, null, Duration.ofMillis(200), Map.of());
        SourceHealth h;
        try (ArticlePublisher publisher = new ArticlePublisher(config);
             KafkaPublishedItems published = KafkaPublishedItems.open(config, Clock.systemUTC(), Duration.ofSeconds(30));
             IngestService service = new IngestService(config, publisher, published, new SimpleMeterRegistry(), Clock.systemUTC())) {
            service.start(List.of(folder));
            waitFor(service, x -> x.published() >= 1);
            Thread.sleep(1_500);
            h = service.health().get(0);
        }
        assertEquals(1, h.published(), "the good line once");
        assertEquals(2, h.failed());
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            assertEquals(List.of("mixed.jsonl:1"), TopicReader.read(stack.bootstrapServers(), topics.raw().name(), new StringDeserializer(),
                    topics.raw().valueSerde().deserializer(), 1, Duration.ofSeconds(30), Duration.ofSeconds(2))
                .stream().map(r -> r.value().getOrigin()).toList());
            Map<String, String> reasons = new java.util.TreeMap<>();
            TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(), new StringDeserializer(),
                    topics.deadLetters().valueSerde().deserializer(), 2, Duration.ofSeconds(30), Duration.ofSeconds(2))
                .forEach(r -> reasons.merge(r.key(), r.value().getErrorMessage(), (a, b) -> a + " AND AGAIN " + b));
            assertEquals(List.of("mixed.jsonl:2", "mixed.jsonl:3"), List.copyOf(reasons.keySet()));
            assertEquals(true, reasons.get("mixed.jsonl:2").contains("RecordTooLargeException"), reasons.toString());
            assertEquals(true, reasons.get("mixed.jsonl:3").contains("publishedAt"), reasons.toString());
        }
    }
}
