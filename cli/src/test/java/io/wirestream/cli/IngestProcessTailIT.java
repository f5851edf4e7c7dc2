package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.testkit.KafkaStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parts as separate commands against one broker, as an operator runs them: {@code ingest} real files,
 * the processors, then {@code tail} of the enriched topic, checking every field a consumer gets.
 */
@Timeout(180)
class IngestProcessTailIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();
    private static final ObjectMapper JSON = new ObjectMapper();

    private String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of("--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl(), "-D", "topic.prefix=cmd"));
        return all.toArray(String[]::new);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Wirestream.run(args(command), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void shouldIngestProcessAndTailEveryFieldOfTheEnrichedArticle(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("feed.jsonl"), "{\"url\":\"https://news.example.org/harbour?utm_source=rss\","
            + "\"title\":\"Harbour crane  arrives\",\"body\":\"Share on Facebook\\nThe new harbour crane arrived in Hamburg on Monday.\\n\\n"
            + "It will lift containers from next spring.\",\"publishedAt\":\"2025-10-20T06:00:00Z\",\"language\":\"en\","
            + "\"source\":\"wire\",\"attributes\":{\"author\":\"Desk\"}}\n");
        Files.writeString(inbox.resolve("bad.jsonl"), "{\"body\": \"text\", \"title\": 1}\n");

        Run ingest = run("ingest", inbox.toString());
        assertEquals(3, ingest.exit(), ingest.err());
        assertEquals("2 files read, 1 articles published, 1 invalid (dead-lettered), 0 not accepted by Kafka, 0 files skipped\n", ingest.out());
        assertTrue(ingest.err().contains("invalid: bad.jsonl:1: field 'title' must be a string, was NUMBER"), ingest.err());

        Map<String, Object> settings = stack.config(Map.of("topic.prefix", "cmd",
            ProcessorConfig.APPLICATION_ID, "cmd-it-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, dir.resolve("state").toString(),
            ProcessorConfig.OPS_HTTP_PORT, "-1"));
        try (ProcessorApp app = new ProcessorApp(new ProcessorConfig(settings))) {
            app.start();
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)));
            List<JsonNode> lines = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (lines.isEmpty() && System.nanoTime() < deadline) {
                Run tail = run("tail", "cmd.enriched", "--max-idle", "2");
                assertEquals(0, tail.exit(), tail.err());
                for (String line : tail.out().split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(JSON.readTree(line));
                    }
                }
            }
            assertEquals(1, lines.size(), lines.toString());
            JsonNode record = lines.get(0);
            JsonNode v = record.get("value");
            assertEquals("cmd.enriched", record.get("topic").asText());
            assertEquals(v.get("id").asText(), record.get("key").asText());
            assertEquals(32, v.get("id").asText().length());
            assertEquals("wire", v.get("source").asText());
            assertEquals("feed.jsonl:1", v.get("origin").asText());
            assertEquals("https://news.example.org/harbour?utm_source=rss", v.get("url").asText());
            assertEquals("Harbour crane arrives", v.get("title").asText());
            assertEquals("The new harbour crane arrived in Hamburg on Monday.\n\nIt will lift containers from next spring.",
                v.get("body").asText());
            assertEquals(Instant.parse("2025-10-20T06:00:00Z").toEpochMilli(), v.get("publishedAt").asLong());
            assertTrue(v.get("fetchedAt").asLong() <= v.get("processing").get("processedAt").asLong(), v.toString());
            assertEquals(1, v.get("processing").get("removedLines").asInt());
            assertEquals("clean", v.get("processing").get("stages").get(0).asText());
            assertEquals("dev", v.get("processing").get("pipelineVersion").asText());
            PipelineExpectations.assertEnrichedFields(v);

            Run dlq = run("tail", "cmd.dlq", "--max-idle", "2");
            JsonNode letter = JSON.readTree(dlq.out().split("\n")[0]).get("value");
            assertEquals("bad.jsonl:1", letter.get("origin").asText());
            assertEquals("ingest", letter.get("stage").asText());
        }
    }
}
