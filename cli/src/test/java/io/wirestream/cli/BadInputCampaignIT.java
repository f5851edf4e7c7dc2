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
        // Invisible and direction-changing characters: a right-to-left override, isolates, and Unicode tag characters.
        Files.writeString(in.resolve("bidi.txt"), " date 2025-01-14 The council\u202e approved\u202c the \u2067harbour\u2069 budget"
            + "\udb40\udc01\udb40\udc41 on Monday.");
        Files.write(in.resolve("nul.txt"), " date 2025-01-15 The\u0000 night ferry\u0000 left on time.".getBytes(StandardCharsets.UTF_8));
        try (var out = Files.newOutputStream(in.resolve("more.jsonl"))) {
            out.write("{\"url\": \"https://example.org/latin1\", \"body\": \"Caf".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xe9, (byte) 0xc3, (byte) 0x28});
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"url\": \"https://example.org/nul\", \"body\": \"raw \u0000 inside a string\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(String.join("\n",
                "{\"url\": \"https://editor:s3cret@example.org/credentials\", \"body\": \"The login of the editor must not travel with the link.\"}",
                "{\"url\": \"https://b\u00fccher.example/idn\", \"body\": \"A bookshop opened in the old mill by the weir.\"}",
                "{\"url\": \"javascript:alert(1)\", \"body\": \"A script instead of a link.\"}",
                "{\"url\": \"HTTPS://EXAMPLE.ORG/UPPER\", \"body\": \"An upper-case scheme is still an https link to the quay.\"}",
                "{\"url\": \"https://example.org/big-int\", \"body\": \"Huge number.\", \"publishedAt\": 99999999999999999999}",
                "{\"url\": \"https://example.org/far-year\", \"body\": \"Far future.\", \"publishedAt\": \"+999999999-01-01T00:00:00Z\"}",
                "{\"url\": \"https://example.org/float\", \"body\": \"Float date.\", \"publishedAt\": 1e300}",
                "").getBytes(StandardCharsets.UTF_8));
        }

        Map<String, Object> common = Map.of(WirestreamConfig.TOPIC_PREFIX, "bad", WirestreamConfig.TOPIC_PARTITIONS, "2");
        IngestConfig ingestConfig = new IngestConfig(stack.config(common));
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(ingestConfig)) {
            summary = new FileIngestor(publisher, Clock.systemUTC()).ingest(List.of(in));
        }
        assertEquals(0, summary.sendFailures(), summary.errors().toString());

        ProcessorConfig processorConfig = new ProcessorConfig(stack.config(Map.of(
            WirestreamConfig.TOPIC_PREFIX, "bad",
            WirestreamConfig.TOPIC_PARTITIONS, "2",
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
            // keys and headers that no producer of ours writes: no key, a 100,000-character key, garbage headers
            raw.send(new ProducerRecord<>(rawTopic, null, serializer.serialize(rawTopic,
                article("null-key", "A record without any key still reached the raw topic.")))).get();
            raw.send(new ProducerRecord<>(rawTopic, "k".repeat(100_000), serializer.serialize(rawTopic,
                article("long-key", "A record with an enormous key reached the raw topic too.")))).get();
            ProducerRecord<String, byte[]> withHeaders = new ProducerRecord<>(rawTopic, "raw-garbage-headers", serializer.serialize(rawTopic,
                article("garbage-headers", "Headers full of noise came along with this record.")));
            withHeaders.headers().add("\u0000\uffff", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
            withHeaders.headers().add("", null);
            withHeaders.headers().add("content-type", "application/x-nonsense; charset=\u0007".getBytes(StandardCharsets.UTF_8));
            raw.send(withHeaders).get();
            // after all of that, an ordinary article must still go through
            raw.send(new ProducerRecord<>(rawTopic, "after-the-campaign",
                serializer.serialize(rawTopic, article("after", "The ferry timetable changes in May.")))).get();

            Map<String, DeadLetter> letters = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(),
                    new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), 25, Duration.ofSeconds(60), Duration.ofSeconds(3))
                .stream().collect(Collectors.toMap(r -> r.key() == null ? "(no key)" : r.key().length() > 200 ? "(long key)" : r.key(),
                    ConsumerRecord::value, (a, b) -> {
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
                Map.entry("more.jsonl:1", "ingest"),
                Map.entry("more.jsonl:2", "ingest"),
                Map.entry("more.jsonl:5", "ingest"),
                Map.entry("more.jsonl:7", "ingest"),
                Map.entry("more.jsonl:8", "ingest"),
                Map.entry("more.jsonl:9", "ingest"),
                Map.entry("raw-debris-only", "clean"),
                // a raw record needs its key (the article id): without one it is refused when parsed, past the limits by dedup
                Map.entry("(no key)", "deserialize"),
                Map.entry("(long key)", "dedup"),
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
            assertReason(letters, "more.jsonl:1", "not valid UTF-8 text");
            assertReason(letters, "more.jsonl:2", "malformed JSON");
            assertReason(letters, "more.jsonl:5", "field 'url' must be an http or https URL, was 'javascript:alert(1)'");
            assertReason(letters, "more.jsonl:7", "field 'publishedAt' is 99999999999999999999, too large for epoch milliseconds");
            assertReason(letters, "more.jsonl:8", "publishedAt +999999999-01-01T00:00:00Z is outside what an Avro timestamp-millis can hold");
            assertReason(letters, "more.jsonl:9", "field 'publishedAt' must be a string or epoch milliseconds");
            assertReason(letters, "raw-debris-only", "has no text left after cleaning");
            assertReason(letters, "raw-binary", "unknown magic byte 0xff");
            assertReason(letters, "raw-unknown-schema", "schema id 987654 is not in the registry");
            assertReason(letters, "raw-empty", "value has 0 bytes, too short for the 5-byte header");
            // a truncated record is the record's fault, not the registry's: it must not stop the stream thread
            assertReason(letters, "raw-truncated-avro", "Avro decoding with writer schema id " + knownId + " failed");
            assertReason(letters, "raw-header-only", "Avro decoding with writer schema id " + knownId + " failed");
            assertReason(letters, "raw-tombstone", "the record has no value (a tombstone)");
            assertReason(letters, "(no key)", "a news.raw record has no key: the key must be the article id");
            assertReason(letters, "(long key)", "article id must be 1..127 bytes of UTF-8, was 100000 bytes");
            assertEquals(921_600, letters.get("campaign.jsonl:7").getValue().remaining(), "the first bytes of the long line are kept");
            assertEquals(921_601, letters.get("huge.txt").getValue().remaining(), "a file is read up to one byte past the limit");

            Map<String, EnrichedArticle> enriched = TopicReader.read(stack.bootstrapServers(), topics.enriched().name(),
                    new StringDeserializer(), topics.enriched().valueSerde().deserializer(), 12, Duration.ofSeconds(60), Duration.ofSeconds(3))
                .stream().collect(Collectors.toMap(r -> r.value().getOrigin(), ConsumerRecord::value, (a, b) -> a, TreeMap::new));
            assertEquals(List.of("bidi.txt", "campaign.jsonl:1", "campaign.jsonl:2", "campaign.jsonl:3", "control.txt", "html-only.txt",
                    "more.jsonl:3", "more.jsonl:4", "more.jsonl:6", "nul.txt", "raw:after", "raw:garbage-headers"),
                List.copyOf(enriched.keySet()));
            String bidi = enriched.get("bidi.txt").getBody();
            assertEquals("The council approved the harbour budget on Monday.", bidi);
            assertEquals("The night ferry left on time.", enriched.get("nul.txt").getBody());
            assertEquals("https://example.org/credentials", enriched.get("more.jsonl:3").getUrl());
            assertEquals("https://b\u00fccher.example/idn", enriched.get("more.jsonl:4").getUrl());
            assertEquals("HTTPS://EXAMPLE.ORG/UPPER", enriched.get("more.jsonl:6").getUrl());
            // credentials never reach a topic (the dead letters keep original bytes, but this line was valid)
            List<String> rawTexts = TopicReader.read(stack.bootstrapServers(), rawTopic, new StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer(), 1, Duration.ofSeconds(10), Duration.ofSeconds(2))
                .stream().map(r -> r.value() == null ? "" : new String(r.value(), StandardCharsets.ISO_8859_1)).toList();
            assertEquals(List.of(), rawTexts.stream().filter(t -> t.contains("s3cret")).toList());
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
    void shouldDeadLetterAnArticleLargerThanTheProducerAcceptsOnceWhenTheIngestLimitIsRaised(@TempDir Path work) throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        Files.writeString(in.resolve("huge.txt"), " date 2025-01-10 " + "word ".repeat(TEN_MB / 5));
        IngestConfig config = new IngestConfig(stack.config(Map.of(WirestreamConfig.TOPIC_PREFIX, "raised",
            IngestConfig.MAX_ARTICLE_BYTES, String.valueOf(16 * 1024 * 1024))));
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            summary = new FileIngestor(publisher, Clock.systemUTC()).ingest(List.of(in));
        }
        assertEquals(0, summary.published());
        // permanent: a dead letter, not a send failure that would be retried
        assertEquals(0, summary.sendFailures());
        assertEquals(1, summary.failed());
        assertEquals(1, summary.errors().size());
        String error = summary.errors().get(0);
        assertTrue(error.startsWith("huge.txt: Kafka refuses the article for good (RecordTooLargeException): The message is "), error);
        assertTrue(error.contains("which is larger than 1048576, which is the value of the max.request.size configuration"), error);
        try (SerdeFactory serdes = new SerdeFactory(stack.registryConfig())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            List<DeadLetter> letters = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(), new StringDeserializer(),
                    topics.deadLetters().valueSerde().deserializer(), 1, Duration.ofSeconds(30), Duration.ofSeconds(2))
                .stream().map(ConsumerRecord::value).toList();
            assertEquals(1, letters.size());
            assertEquals("huge.txt", letters.get(0).getOrigin());
            assertTrue(letters.get(0).getValue().remaining() < 1024 * 1024, "the dead letter's copy is cut to fit under max.request.size");
        }
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
