package io.wirestream.ingest.file;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.DeadLetters;
import io.wirestream.ingest.ArticleParseException;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Publishes the articles of files and folders: dated text files (one article each) and JSON Lines files
 * (one article per line). Folders are read recursively in name order; files of other types in a folder are
 * skipped and counted. Each article records its origin: the file name, plus {@code :line} for JSON Lines.
 *
 * <p>Error policy: an item that is not a valid article (bad header, malformed JSON, not UTF-8, too large,
 * a time Avro cannot hold) is logged with its file and line, sent to the dead-letter topic with its original
 * bytes and the reason, counted, and the run goes on. So is one Kafka refuses for good (a record too large
 * for the producer or the topic): it is not a send failure, so a watched folder does not read the file again. Memory: a JSON Lines file is streamed line by line; one item is held at a
 * time, at most {@code ingest.max.article.bytes}.
 */
public final class FileIngestor {
    private static final Logger log = LoggerFactory.getLogger(FileIngestor.class);
    public static final String STAGE = "ingest";

    private final ArticlePublisher publisher;
    private final Clock clock;
    private final int maxItemBytes;

    public FileIngestor(ArticlePublisher publisher, Clock clock) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxItemBytes = publisher.config().maxArticleBytes();
    }

    public IngestSummary ingest(List<Path> paths) {
        Run run = new Run();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    run.invalid(path.toString(), null, "cannot list the folder: " + e.getMessage(), e);
                    continue;
                }
                String source = sourceName("folder:" + path.toAbsolutePath().normalize().getFileName());
                for (Path file : files) {
                    if (ArticleFormat.of(file).isPresent()) {
                        readFile(file, source, run);
                    } else {
                        run.skippedFiles++;
                        log.info("Skipping {}: not a .txt, .jsonl or .ndjson file", file.getFileName());
                    }
                }
            } else if (Files.isRegularFile(path)) {
                readFile(path, sourceName("file"), run);
            } else {
                run.invalid(path.toString(), null, "no such file or folder", null);
            }
        }
        publisher.flush();
        return new IngestSummary(run.files, run.published.get(), run.failed.get(), run.sendFailures.get(), run.skippedFiles, run.errors);
    }

    /**
     * Publishes one file under the given source name (a watched folder's files) and returns once Kafka has
     * answered for all of its articles.
     */
    public IngestSummary ingestFile(Path file, String source) {
        Run run = new Run();
        readFile(file, source, run);
        publisher.flush();
        return new IngestSummary(run.files, run.published.get(), run.failed.get(), run.sendFailures.get(), run.skippedFiles, run.errors);
    }

    private String sourceName(String fallback) {
        String configured = publisher.config().getString(io.wirestream.ingest.IngestConfig.SOURCE_NAME);
        return configured == null ? fallback : configured;
    }

    private void readFile(Path file, String source, Run run) {
        String name = file.getFileName().toString();
        ArticleFormat format = ArticleFormat.of(file).orElse(null);
        if (format == null) {
            run.invalid(name, null, "unsupported file type (expected .txt, .jsonl or .ndjson)", null);
            return;
        }
        run.files++;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (format == ArticleFormat.DATED_TEXT) {
                byte[] bytes = in.readNBytes(maxItemBytes + 1);
                if (bytes.length > maxItemBytes) {
                    run.invalid(name, bytes, "file is larger than ingest.max.article.bytes=" + maxItemBytes, null);
                    return;
                }
                String content = decode(bytes, name, run);
                if (content != null) {
                    parseAndPublish(() -> DatedTextParser.parse(source, name, content, clock.instant()), bytes, run);
                }
            } else {
                readJsonLines(in, name, source, run);
            }
        } catch (IOException e) {
            run.invalid(name, null, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private void readJsonLines(InputStream in, String name, String source, Run run) throws IOException {
        int lineNo = 0;
        byte[] line;
        while ((line = readLine(in)) != null) {
            lineNo++;
            String origin = name + ":" + lineNo;
            if (line.length > maxItemBytes) {
                run.invalid(origin, java.util.Arrays.copyOf(line, maxItemBytes),
                    "line is longer than ingest.max.article.bytes=" + maxItemBytes + " (first bytes kept)", null);
                continue;
            }
            String text = decode(line, origin, run);
            if (text == null || text.isBlank()) {
                continue;
            }
            byte[] original = line;
            parseAndPublish(() -> JsonLinesParser.parse(source, origin, text, clock.instant()), original, run);
        }
    }

    /** One line without its terminator; lines longer than the limit are read to their end but cut. */
    private byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        int total = 0;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return trimCr(buf.toByteArray());
            }
            if (total++ <= maxItemBytes) {
                buf.write(b);
            }
        }
        return total == 0 ? null : trimCr(buf.toByteArray());
    }

    private static byte[] trimCr(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\r' ? java.util.Arrays.copyOf(line, line.length - 1) : line;
    }

    private static String decode(byte[] bytes, String origin, Run run) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            run.invalid(origin, bytes, "not valid UTF-8 text", e);
            return null;
        }
    }

    private interface Parse {
        RawArticle parse() throws ArticleParseException;
    }

    private void parseAndPublish(Parse parse, byte[] original, Run run) {
        RawArticle article;
        try {
            article = parse.parse();
        } catch (ArticleParseException e) {
            run.invalid(e.origin(), original, e.getMessage().substring(e.origin().length() + 2), e);
            return;
        }
        try {
            publisher.requirePublishable(article);
        } catch (ArticlePublisher.UnpublishableArticleException e) {
            run.invalid(article.getOrigin(), original, e.getMessage(), e);
            return;
        }
        publisher.publish(article).whenComplete((metadata, error) -> {
            if (error == null) {
                run.published.incrementAndGet();
            } else if (ArticlePublisher.permanent(error)) {
                // Refused for the record itself: sending it again (or reading the file again) cannot help.
                run.invalid(article.getOrigin(), original, ArticlePublisher.permanentReason(error),
                    error instanceof Exception ex ? ex : null);
            } else {
                run.sendFailures.incrementAndGet();
                log.error("{}: Kafka did not accept article {}: {}", article.getOrigin(), article.getId(), error.getMessage());
                run.errors.add(article.getOrigin() + ": Kafka did not accept the article: " + error.getMessage());
            }
        });
    }

    private final class Run {
        int files;
        final AtomicInteger failed = new AtomicInteger();
        int skippedFiles;
        final AtomicInteger published = new AtomicInteger();
        final AtomicInteger sendFailures = new AtomicInteger();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        /** Counts and dead-letters one invalid item; also called from the producer's thread for permanent send failures. */
        void invalid(String origin, byte[] original, String reason, Exception cause) {
            failed.incrementAndGet();
            int maxValue = publisher.maxDeadLetterValueBytes();
            byte[] value = original != null && original.length > maxValue ? java.util.Arrays.copyOf(original, maxValue) : original;
            String line = origin + ": " + reason;
            errors.add(line);
            log.warn("Invalid input {}", line);
            DeadLetter letter = DeadLetters.of(null, value, DeadLetters.Source.outsideKafka(origin), STAGE,
                cause instanceof ArticleParseException ? cause : new ArticleParseException(origin, reason, cause),
                publisher.config().getString(io.wirestream.ingest.IngestConfig.CLIENT_ID), clock.instant());
            publisher.publishDeadLetter(origin, letter).whenComplete((m, e) -> {
                if (e != null) {
                    log.error("{}: could not write the dead letter either: {}", origin, e.getMessage());
                }
            });
        }
    }
}
