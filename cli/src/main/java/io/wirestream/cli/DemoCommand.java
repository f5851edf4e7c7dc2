package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.core.TopicNames;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.ingest.file.FileIngestor;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.processors.route.Routes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one-command demo: embedded broker and registry, ingest of the bundled samples (or {@code --input}),
 * the processors until every article reached an outcome, then a readable summary (or, with {@code --json},
 * every record of every pipeline topic as JSON lines and nothing else on stdout). The processors run with the
 * bundled example routes ({@code samples/routes.yaml}, or {@code --routes}), and the summary shows what each
 * route's topic received.
 *
 * <p>An article has reached an outcome when its id appears in the enriched topic, as the copy of a
 * duplicate notice, or as the key of a dead letter written by a processor; the demo waits until there are
 * as many outcomes as raw records (an item read twice has one id and two outcomes: the article and a
 * duplicate notice).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline once on an embedded Kafka broker and schema registry and show what it did.",
        "Uses the bundled sample articles, or the folder given with --input."})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    /** Set by the launcher script to the installation folder, where {@code samples/articles} lives. */
    static final String HOME_PROPERTY = "wirestream.home";

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder (or file) of articles to run instead of the bundled samples.")
    Path input;

    @Option(names = "--json", description = "Print every record of every pipeline topic as one JSON line, and nothing else on stdout.")
    boolean json;

    @Option(names = "--routes", paramLabel = "FILE",
        description = "Routes file the processors run with (default: the bundled samples/routes.yaml; 'none' for no routes).")
    String routes;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
        description = "Give up if the articles have not all reached the output by then (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path articles = input != null ? input : bundledSamples();
        if (!Files.exists(articles)) {
            throw new IllegalArgumentException("--input " + articles + ": no such file or folder");
        }
        PipelineRun run = runPipeline(articles, routesFile(), err, Duration.ofSeconds(timeoutSeconds), "wirestream-demo");
        if (json) {
            run.records().forEach(r -> out.println(r.toString()));
        } else {
            new DemoReport(run.names(), run.routes(), run.records()).print(out, run.ingest(), run.bootstrapServers(), run.registryUrl());
        }
        out.flush();
        return Wirestream.EXIT_OK;
    }

    /** What one run of the whole pipeline wrote: every record of the pipeline topics, as JSON objects. */
    record PipelineRun(TopicNames names, Routes routes, IngestSummary ingest, List<ObjectNode> records, String bootstrapServers, String registryUrl) {
    }

    /**
     * Runs the pipeline once, as the demo does: embedded broker and registry, ingest of {@code articles}, the
     * processors (with the routes of {@code routesFile}, none when null) until every article has an outcome; then
     * everything is shut down. Progress goes to {@code err}.
     */
    static PipelineRun runPipeline(Path articles, Path routesFile, PrintWriter err, Duration timeout, String applicationId) throws Exception {
        Path stateDir = Files.createTempDirectory("wirestream-demo-state-");
        err.println("Starting an embedded Kafka broker and schema registry...");
        try (LocalStack stack = LocalStack.start(null, 0, 0)) {
            err.println("  bootstrap=" + stack.bootstrapServers() + "  registry=" + stack.registryUrl());
            Map<String, Object> settings = new HashMap<>();
            settings.put(WirestreamConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
            settings.put(WirestreamConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
            settings.put(WirestreamConfig.TOPIC_PARTITIONS, "3");

            err.println("Ingesting " + articles + " ...");
            IngestSummary ingest;
            try (ArticlePublisher publisher = new ArticlePublisher(new IngestConfig(settings))) {
                ingest = new FileIngestor(publisher, Clock.systemUTC()).ingest(List.of(articles));
            }
            ingest.errors().forEach(e -> err.println("  invalid: " + e));
            err.println("  " + ingest.describe());
            if (ingest.sendFailures() > 0) {
                // a run that lost articles before the processors saw them shows nothing worth reading
                throw new IllegalStateException("Kafka did not accept " + ingest.sendFailures() + " of the articles: "
                    + String.join("; ", ingest.errors()));
            }

            Map<String, Object> processing = new HashMap<>(settings);
            processing.put(ProcessorConfig.APPLICATION_ID, applicationId);
            processing.put(ProcessorConfig.STATE_DIR, stateDir.toString());
            processing.put(ProcessorConfig.OPS_HTTP_PORT, "-1");
            if (routesFile != null) {
                processing.put(ProcessorConfig.ROUTES_FILE, routesFile.toString());
                err.println("Routes from " + routesFile);
            }
            ProcessorConfig processorConfig = new ProcessorConfig(processing);
            TopicNames names = processorConfig.topicNames();
            err.println("Running the processors (exactly-once Kafka Streams) until every article has an outcome...");
            List<ObjectNode> records;
            try (ProcessorApp app = new ProcessorApp(processorConfig)) {
                app.start();
                records = collect(processorConfig, names, ingest.published(), timeout);
            }
            return new PipelineRun(names, processorConfig.routes(), ingest, records, stack.bootstrapServers(), stack.registryUrl());
        } finally {
            deleteQuietly(stateDir);
        }
    }

    /** Reads the pipeline topics until every raw article has an outcome, then a little longer for stragglers. */
    private static List<ObjectNode> collect(ProcessorConfig config, TopicNames names, int expectedArticles, Duration timeout)
        throws TimeoutException {
        List<ObjectNode> records = new ArrayList<>();
        Set<String> rawIds = new HashSet<>();
        Set<String> done = new HashSet<>();
        int[] rawRecords = {0};
        int[] outcomes = {0};
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] completeSince = {0};
        try (TopicDump dump = new TopicDump(config.kafkaClientConfigs(), config.registryConfigs())) {
            // routes are written in the transactions that write the enriched topic: when an article is there, so are its copies
            List<String> topics = new ArrayList<>(List.of(names.raw(), names.enriched(), names.duplicates(), names.deadLetters(), names.stories()));
            topics.addAll(config.routes().topics());
            dump.fromBeginning(topics, Duration.ofSeconds(30));
            dump.run(record -> {
                records.add(record);
                String topic = record.get("topic").asText();
                JsonNode value = record.get("value");
                String key = record.get("key").isNull() ? null : record.get("key").asText();
                if (topic.equals(names.raw())) {
                    rawIds.add(key);
                    rawRecords[0]++;
                } else if (topic.equals(names.enriched())) {
                    done.add(key);
                    outcomes[0]++;
                } else if (topic.equals(names.duplicates()) && value != null && value.hasNonNull("copyId")) {
                    done.add(value.get("copyId").asText());
                    outcomes[0]++;
                } else if (topic.equals(names.deadLetters()) && value != null && value.hasNonNull("topic") && key != null) {
                    done.add(key);
                    outcomes[0]++;
                }
            }, null, () -> {
                // the same item read twice has one id but two raw records, each with its own outcome
                boolean complete = rawRecords[0] >= expectedArticles && done.containsAll(rawIds) && outcomes[0] >= rawRecords[0];
                if (complete && completeSince[0] == 0) {
                    completeSince[0] = System.nanoTime();
                }
                return complete && System.nanoTime() - completeSince[0] > Duration.ofSeconds(2).toNanos()
                    || System.nanoTime() > deadline;
            });
        }
        Set<String> missing = new HashSet<>(rawIds);
        missing.removeAll(done);
        if (rawRecords[0] < expectedArticles || !missing.isEmpty() || outcomes[0] < rawRecords[0]) {
            throw new TimeoutException("after " + timeout.toSeconds() + " s, " + missing.size() + " of " + rawIds.size()
                + " articles had not reached the output (ingest published " + expectedArticles + "): " + missing);
        }
        return records;
    }

    /** The routes file to run with: --routes, else the bundled example when installed; null for none. */
    private Path routesFile() {
        if ("none".equals(routes)) {
            return null;
        }
        if (routes != null) {
            Path file = Path.of(routes);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--routes " + routes + ": no such file");
            }
            return file;
        }
        String home = System.getProperty(HOME_PROPERTY);
        Path bundled = home == null ? null : Path.of(home, "samples", "routes.yaml");
        return bundled != null && Files.isRegularFile(bundled) ? bundled : null;
    }

    private static Path bundledSamples() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null) {
            throw new IllegalArgumentException("no --input given, and the bundled samples cannot be found: "
                + "run through bin/wirestream, or pass --input DIR");
        }
        return Path.of(home, "samples", "articles");
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
