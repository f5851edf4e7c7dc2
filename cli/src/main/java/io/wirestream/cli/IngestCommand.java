package io.wirestream.cli;

import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.ingest.file.FileIngestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** Publishes the articles of files and folders to the raw topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Publish articles from files and folders to <prefix>.raw.",
        "Formats: .txt (' date YYYY-MM-DD <text>', one article per file) and .jsonl/.ndjson (one JSON article per line).",
        "Invalid items are reported with file and line, dead-lettered with the reason, and counted; exit code 3 if any."})
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to read.")
    List<Path> paths;

    @Override
    public Integer call() {
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
}
