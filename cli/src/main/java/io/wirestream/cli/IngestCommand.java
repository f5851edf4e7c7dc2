package io.wirestream.cli;

import io.wirestream.core.ConnectionOptions;
import io.wirestream.ingest.source.SourceHealthChecks;
import io.wirestream.ops.metrics.PipelineMetrics;

import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.ingest.file.FileIngestor;
import io.wirestream.ingest.source.InMemoryPublishedItems;
import io.wirestream.ingest.source.IngestService;
import io.wirestream.ingest.source.KafkaPublishedItems;
import io.wirestream.ingest.source.PublishedItems;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceHealth;
import io.wirestream.ingest.source.SourceKind;
import io.wirestream.ingest.source.SourcesFile;
import io.wirestream.ingest.source.SourcesFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Publishes articles to the raw topic, in one of two modes: {@code PATH...} reads files and folders once;
 * {@code --sources FILE} and/or {@code --feed URL} run the live ingest service until Ctrl-C or SIGTERM
 * (or until the command's thread is interrupted), then shut it down cleanly.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Publish articles to <prefix>.raw, from files once or from live sources until stopped.",
        "Files: PATH... (.txt ' date YYYY-MM-DD <text>', one article per file; .jsonl/.ndjson, one JSON article per line).",
        "  Invalid items are reported with file and line, dead-lettered with the reason, and counted; exit code 3 if any.",
        "Live: --sources FILE (YAML or properties; kinds feed, page, folder, push) and/or --feed URL (repeatable).",
        "  Runs until Ctrl-C/SIGTERM; in-flight articles are acknowledged by Kafka before it exits.",
        "  Set WIRESTREAM_LOG_LEVEL=INFO to see one log line per poll (failures are logged at WARN always)."})
final class IngestCommand implements Callable<Integer> {
    /** Consecutive failed polls after which a source makes the service not ready. */
    static final int SOURCE_FAILURES_BEFORE_NOT_READY = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to read once.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE", description = "Sources file (.yaml/.yml or .properties) to run as a service.")
    Path sourcesFile;

    @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll (repeatable), polled every ingest.poll.interval.ms.")
    List<String> feeds = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        boolean service = sourcesFile != null || !feeds.isEmpty();
        if (service && !paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                "give either PATH... (read files once) or --sources/--feed (run the live service), not both");
        }
        if (!service && paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                "give PATH... to read files, or --sources FILE / --feed URL to run the live service");
        }
        return service ? runService() : readFiles();
    }

    private int readFiles() {
        IngestConfig config = new IngestConfig(connection.resolve(System.getenv()));
        PrintWriter out = spec.commandLine().getOut();
        IngestSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            summary = new FileIngestor(publisher, Clock.systemUTC()).ingest(paths);
        }
        PrintWriter err = spec.commandLine().getErr();
        summary.errors().forEach(e -> err.println("invalid: " + e));
        out.println(summary.describe());
        if (summary.sendFailures() > 0) {
            return Wirestream.EXIT_FAILURE;
        }
        return summary.failed() > 0 ? Wirestream.EXIT_INVALID_INPUT : Wirestream.EXIT_OK;
    }

    private List<SourceDefinition> definitions() throws SourcesFileException {
        List<SourceDefinition> defs = new ArrayList<>();
        if (sourcesFile != null) {
            defs.addAll(SourcesFile.load(sourcesFile));
        }
        for (String feed : feeds) {
            URI uri;
            try {
                uri = new URI(feed.strip());
            } catch (URISyntaxException e) {
                throw new ParameterException(spec.commandLine(), "--feed '" + feed + "' is not a URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ParameterException(spec.commandLine(), "--feed '" + feed + "' must be an http or https URL");
            }
            defs.add(SourceDefinition.feed(uri));
        }
        return defs;
    }

    private int runService() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SourceDefinition> defs;
        try {
            defs = definitions();
        } catch (SourcesFileException e) {
            err.println("wirestream ingest: " + e.getMessage());
            return Wirestream.EXIT_USAGE;
        }
        IngestConfig config = new IngestConfig(connection.resolve(System.getenv()));
        Clock clock = Clock.systemUTC();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On SIGTERM/Ctrl-C the JVM runs this hook and exits when it returns: it waits for the clean shutdown below.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(config.getLong(IngestConfig.SHUTDOWN_TIMEOUT_MS) + 45_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wirestream-ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        List<SourceHealth> health;
        try {
            try (ArticlePublisher publisher = new ArticlePublisher(config);
                 PublishedItems published = config.getBoolean(IngestConfig.STATE_ENABLED)
                     ? KafkaPublishedItems.open(config, clock, Duration.ofSeconds(30))
                     : new InMemoryPublishedItems(config.getInt(IngestConfig.STATE_MAX_ITEMS));
                 PipelineMetrics metrics = new PipelineMetrics(PipelineMetrics.prometheusRegistry()).bindJvm();
                 IngestService service = new IngestService(config, publisher, published, metrics.registry(), clock);
                 OpsEndpoint ops = OpsEndpoint.start(config, metrics, checks ->
                     SourceHealthChecks.register(checks, defs, service::health, SOURCE_FAILURES_BEFORE_NOT_READY))) {
                service.start(defs);
                ops.describe().ifPresent(out::println);
                out.println("Ingest service running with " + defs.size() + " source(s); stop with Ctrl-C");
                for (SourceDefinition d : defs) {
                    out.println("  " + d.sourceLabel() + (d.kind() == SourceKind.PUSH
                        ? " on http://" + d.option("bind").orElse("127.0.0.1") + ":" + service.pushPort(d.name()).orElseThrow() + "/articles"
                        : d.url() != null ? " " + d.url() : " " + d.path()));
                }
                out.flush();
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    // Interrupting the command's thread stops the service, like a signal does.
                    interrupted = true;
                }
                out.println("Stopping: finishing polls in progress and waiting for Kafka's acknowledgements ...");
                out.flush();
                service.close();
                health = service.health();
            }
            out.println("Ingest service stopped. Per source:");
            for (SourceHealth h : health) {
                out.printf("  %s:%s fetched=%d published=%d failed=%d skipped=%d not-modified=%d poll-failures=%d last-success=%s%n",
                    h.kind().label(), h.name(), h.fetched(), h.published(), h.failed(), h.skipped(), h.notModified(),
                    h.pollFailures(), h.lastSuccess() == null ? "never" : h.lastSuccess());
            }
            out.flush();
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return Wirestream.EXIT_OK;
    }
}
