package io.wirestream.cli;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.Articles;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.ingest.file.FileIngestor;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.registry.serde.WireFormat;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input, everywhere: files and JSON lines that ingest must refuse, records on the raw topic that the
 * processors cannot read, and odd but valid articles that must go through. Every bad input lands in the
 * dead-letter topic with the stage and reason that docs/errors.md gives, every odd one in the enriched topic,
 * and the processors keep running. The limits are the defaults: {@code ingest.max.article.bytes} 900 KiB
 * under the broker's and producer's 1 MiB.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BadInputCampaignIT {
    private static final int TEN_MB = 10 * 1024 * 1024;

    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @Test
    void shouldDeadLetterEveryBadInputWithItsStageAndReasonAndProcessTheOddButValidOnes(@TempDir Path work) throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Files.write(in.resolve("latin1.txt"), " date 2025-01-10 Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.writeString(in.resolve("no-text.txt"), " date 2025-01-10   \n\n");
        Files.writeString(in.resolve("bad-date.txt"), " date 2025-13-45 The committee met again.");
        Files.writeString(in.resolve("huge.txt"), " date 2025-01-10 " + "word ".repeat(TEN_MB / 5));
        Files.writeString(in.resolve("control.txt"), " date 2025-01-11 The \u0000mayor\u0007 opened the \u001b[31mnew\u001b[0m "
            + "bridge\u200b over the river on Friday.\r\nTraffic will start next week.");
        Files.writeString(in.resolve("html-only.txt"), " date 2025-01-13 <html><head><script>var x = 1;</script></head>"
            + "<body><div class=\"menu\"><a href=\"/\">Home</a></div></body></html>");
        Files.writeString(in.resolve("campaign.jsonl"), String.join("\n",
            "{\"url\": \"https://example.org/future\", \"body\": \"A probe will reach the outer planets, engineers said.\", \"publishedAt\": \"3024-06-01T00:00:00Z\"}",
            "{\"url\": \"https://example.org/past\", \"body\": \"The old town charter was signed by the guilds.\", \"publishedAt\": \"1024-06-01\"}",
            "{\"url\": \"https://example.org/negative\", \"body\": \"An archive entry from before the epoch was scanned.\", \"publishedAt\": -86400000}",
            "{\"url\": \"https://example.org/empty\", \"body\": \"\"}",
            "{\"url\": \"https://example.org/broken\", \"body\": \"unterminated",
            "{\"url\": \"https://example.org/not-a-date\", \"body\": \"Text.\", \"publishedAt\": \"yesterday\"}",
            "{\"url\": \"https://example.org/huge\", \"body\": \"" + "x".repeat(TEN_MB) + "\"}",
            "[\"not\", \"an\", \"object\"]",
            "")) ;

        Map<String, Object> common = Map.of(WirestreamConfig.TOPIC_PREFIX, "bad", WirestreamConfig.TOPIC_PARTITIONS, "2");
        IngestConfig ingestConfig = new IngestConfig(stack.config(common));
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(ingestConfig)) {
            summary = new FileIngestor(publisher, Clock.systemUTC()).ingest(List.of(in));
        }
        assertEquals(0, summary.sendFailures(), summary.errors().toString());

        ProcessorConfig processorConfig = new ProcessorConfig(stack.config(Map.of(
            WirestreamConfig.TOPIC_PREFIX, "bad",
            ProcessorConfig.APPLICATION_ID, "bad-input-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, work.resolve("state").toString(),
            "ops.http.port", "0")));
        try (ProcessorApp app = new ProcessorApp(processorConfig);
             SerdeFactory serdes = new SerdeFactory(stack.registryConfig());
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                 new StringSerializer(), new ByteArraySerializer())) {
            app.start();
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the processors did not start");
            Topics topics = new Topics(processorConfig.topicNames(), serdes);
            String rawTopic = topics.raw().name();
            var serializer = topics.raw().valueSerde().serializer();
            byte[] valid = serializer.serialize(rawTopic, article("valid", "The port reopened after the storm."));
            int knownId = WireFormat.schemaId(valid, rawTopic);
            // records that did not come through ingest: a foreign producer, a bug, a schema mix-up
            raw.send(new ProducerRecord<>(rawTopic, "raw-binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x13, 0x37})).get();
            raw.send(new ProducerRecord<>(rawTopic, "raw-unknown-schema", concat(WireFormat.header(987_654), new byte[] {2, 4}))).get();
            raw.send(new ProducerRecord<>(rawTopic, "raw-truncated-avro", Arrays.copyOf(valid, 12))).get();
            raw.send(new ProducerRecord<>(rawTopic, "raw-header-only", WireFormat.header(knownId))).get();
            raw.send(new ProducerRecord<>(rawTopic, "raw-empty", new byte[0])).get();
            raw.send(new ProducerRecord<>(rawTopic, "raw-tombstone", null)).get();
            raw.send(new ProducerRecord<>(rawTopic, "raw-debris-only",
                serializer.serialize(rawTopic, article("debris", "Skip to main content\n0\nShare")))).get();
            // after all of that, an ordinary article must still go through
            raw.send(new ProducerRecord<>(rawTopic, "after-the-campaign",
                serializer.serialize(rawTopic, article("after", "The ferry timetable changes in May.")))).get();

            Map<String, DeadLetter> letters = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(),
                    new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), 17, Duration.ofSeconds(60), Duration.ofSeconds(3))
                .stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> {
                    throw new AssertionError("two dead letters for one input: " + a + " / " + b);
                }, TreeMap::new));
            Map<String, String> where = new TreeMap<>();
            letters.forEach((key, letter) -> where.put(key, letter.getStage()));
            assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("latin1.txt", "ingest"),
                Map.entry("empty.txt", "ingest"),
                Map.entry("no-text.txt", "ingest"),
                Map.entry("bad-date.txt", "ingest"),
                Map.entry("huge.txt", "ingest"),
                Map.entry("campaign.jsonl:4", "ingest"),
                Map.entry("campaign.jsonl:5", "ingest"),
                Map.entry("campaign.jsonl:6", "ingest"),
                Map.entry("campaign.jsonl:7", "ingest"),
                Map.entry("campaign.jsonl:8", "ingest"),
                Map.entry("raw-debris-only", "clean"),
                Map.entry("raw-binary", "deserialize"),
                Map.entry("raw-unknown-schema", "deserialize"),
                Map.entry("raw-truncated-avro", "deserialize"),
                Map.entry("raw-header-only", "deserialize"),
                Map.entry("raw-empty", "deserialize"),
                Map.entry("raw-tombstone", "clean"))), where);

            assertReason(letters, "latin1.txt", "not valid UTF-8 text");
            assertReason(letters, "empty.txt", "line 1: expected ' date YYYY-MM-DD <text>', found ''");
            assertReason(letters, "no-text.txt", "the article has a date but no text");
            assertReason(letters, "bad-date.txt", "'2025-13-45' is not a date YYYY-MM-DD");
            assertReason(letters, "huge.txt", "file is larger than ingest.max.article.bytes=921600");
            assertReason(letters, "campaign.jsonl:4", "field 'body' is missing or empty");
            assertReason(letters, "campaign.jsonl:5", "malformed JSON");
            assertReason(letters, "campaign.jsonl:6", "field 'publishedAt' is not an ISO-8601 date or date-time: 'yesterday'");
            assertReason(letters, "campaign.jsonl:7", "line is longer than ingest.max.article.bytes=921600 (first bytes kept)");
            assertReason(letters, "campaign.jsonl:8", "expected a JSON object, found ARRAY");
            assertReason(letters, "raw-debris-only", "has no text left after cleaning");
            assertReason(letters, "raw-binary", "unknown magic byte 0xff");
            assertReason(letters, "raw-unknown-schema", "schema id 987654 is not in the registry");
            assertReason(letters, "raw-empty", "value has 0 bytes, too short for the 5-byte header");
            // a truncated record is the record's fault, not the registry's: it must not stop the stream thread
            assertReason(letters, "raw-truncated-avro", "Avro decoding with writer schema id " + knownId + " failed");
            assertReason(letters, "raw-header-only", "Avro decoding with writer schema id " + knownId + " failed");
            assertEquals(921_600, letters.get("campaign.jsonl:7").getValue().remaining(), "the first bytes of the long line are kept");
            assertEquals(921_601, letters.get("huge.txt").getValue().remaining(), "a file is read up to one byte past the limit");

            Map<String, EnrichedArticle> enriched = TopicReader.read(stack.bootstrapServers(), topics.enriched().name(),
                    new StringDeserializer(), topics.enriched().valueSerde().deserializer(), 6, Duration.ofSeconds(60), Duration.ofSeconds(3))
                .stream().collect(Collectors.toMap(r -> r.value().getOrigin(), ConsumerRecord::value, (a, b) -> a, TreeMap::new));
            assertEquals(List.of("campaign.jsonl:1", "campaign.jsonl:2", "campaign.jsonl:3", "control.txt", "html-only.txt", "raw:after"),
                List.copyOf(enriched.keySet()));
            assertEquals("The mayor opened the [31mnew[0m bridge over the river on Friday.\nTraffic will start next week.",
                enriched.get("control.txt").getBody());
            assertEquals(Instant.parse("3024-06-01T00:00:00Z"), enriched.get("campaign.jsonl:1").getPublishedAt());
            assertEquals(Instant.parse("1024-06-01T00:00:00Z"), enriched.get("campaign.jsonl:2").getPublishedAt());
            assertEquals(Instant.ofEpochMilli(-86_400_000L), enriched.get("campaign.jsonl:3").getPublishedAt());
            // markup is not interpreted by the file formats: an HTML-only page goes through as its text, tags included
            assertTrue(enriched.get("html-only.txt").getBody().startsWith("<html><head><script>"), enriched.get("html-only.txt").getBody());
            assertEquals(KafkaStreams.State.RUNNING, app.state());
        }
    }

    @Test
    void shouldReportAnArticleLargerThanTheProducerAcceptsAsASendFailureWhenTheIngestLimitIsRaised(@TempDir Path work) throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Files.writeString(in.resolve("huge.txt"), " date 2025-01-10 " + "word ".repeat(TEN_MB / 5));
        IngestConfig config = new IngestConfig(stack.config(Map.of(WirestreamConfig.TOPIC_PREFIX, "raised",
            IngestConfig.MAX_ARTICLE_BYTES, String.valueOf(16 * 1024 * 1024))));
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            summary = new FileIngestor(publisher, Clock.systemUTC()).ingest(List.of(in));
        }
        assertEquals(0, summary.published());
        assertEquals(1, summary.sendFailures());
        assertEquals(1, summary.errors().size());
        String error = summary.errors().get(0);
        assertTrue(error.startsWith("huge.txt: Kafka did not accept the article: The message is "), error);
        assertTrue(error.contains("which is larger than 1048576, which is the value of the max.request.size configuration"), error);
    }

    private static void assertReason(Map<String, DeadLetter> letters, String key, String expected) {
        String message = letters.get(key).getErrorMessage();
        assertTrue(message.contains(expected), key + ": expected the reason to contain [" + expected + "] but was [" + message + "]");
    }

    private static RawArticle article(String name, String body) {
        Instant now = Instant.now();
        return Articles.create("raw", "raw:" + name, null, null, body, now, now, null, Map.of());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
