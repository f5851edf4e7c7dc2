package io.wirestream.ingest.watch;

import io.wirestream.ingest.IngestSummary;
import io.wirestream.ingest.file.ArticleFormat;
import io.wirestream.ingest.file.FileIngestor;
import io.wirestream.ingest.source.PollOutcome;
import io.wirestream.ingest.source.PolledSource;
import io.wirestream.ingest.source.PublishedItems;
import io.wirestream.ingest.source.SourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a folder (and its subfolders, by rescanning) for article files (.txt, .jsonl, .ndjson, as
 * {@link FileIngestor} reads them) and publishes each file once it is complete: when its size and
 * modification time have not changed for the {@code stable} time. A file renamed into the folder is
 * complete at once and goes out after the same wait. Files whose names do not end in a known
 * extension (such as {@code x.jsonl.part} while being written) are ignored until renamed.
 *
 * <p>A {@link WatchService} on the top folder wakes the source as soon as something changes; since watch
 * events can be lost (overflow, network file systems, subfolders), every poll is also a full rescan.
 * "Published once": a file is remembered by relative path, size and modification time once Kafka has
 * acknowledged its articles (invalid lines are dead-lettered and do not make it try again); a file that is
 * later changed is published again in full. Not thread-safe (one poll at a time).
 */
public final class FolderSource implements PolledSource {
    private static final Logger log = LoggerFactory.getLogger(FolderSource.class);

    private record Observation(long size, long modifiedMillis, long sinceNanos) {
    }

    private final SourceDefinition definition;
    private final Path folder;
    private final FileIngestor ingestor;
    private final PublishedItems published;
    private final Duration stable;
    private final Map<Path, Observation> seen = new HashMap<>();
    private WatchService watcher;
    private Thread watchThread;

    public FolderSource(SourceDefinition definition, FileIngestor ingestor, PublishedItems published, Duration stable) {
        this.definition = definition;
        this.folder = definition.path();
        this.ingestor = ingestor;
        this.published = published;
        this.stable = stable;
    }

    @Override
    public SourceDefinition definition() {
        return definition;
    }

    @Override
    public void start(Consumer<Duration> pollWithin) {
        try {
            watcher = folder.getFileSystem().newWatchService();
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("source={} cannot watch {} ({}); relying on rescans every poll", definition.name(), folder, e.getMessage());
            return;
        }
        watchThread = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    key.pollEvents();
                    key.reset();
                    pollWithin.accept(stable.plusMillis(50));
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // closing
            }
        }, "wirestream-watch-" + definition.name());
        watchThread.setDaemon(true);
        watchThread.start();
    }

    @Override
    public PollOutcome poll() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> ArticleFormat.of(p).isPresent()).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return PollOutcome.failed(folder + ": cannot list the folder: " + e.getMessage());
        }
        long now = System.nanoTime();
        Map<Path, Observation> current = new HashMap<>();
        Map<Path, Observation> ready = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                continue; // removed or renamed away since the listing
            }
            if (!attrs.isRegularFile()) {
                continue;
            }
            long size = attrs.size();
            long modified = attrs.lastModifiedTime().toMillis();
            if (published.contains(definition.name(), key(file, size, modified))) {
                continue;
            }
            Observation before = seen.get(file);
            Observation obs = before != null && before.size() == size && before.modifiedMillis() == modified
                ? before : new Observation(size, modified, now);
            if (now - obs.sinceNanos() >= stable.toNanos()) {
                ready.put(file, obs);
            } else {
                current.put(file, obs);
            }
        }
        seen.clear();
        seen.putAll(current);
        int fetched = 0;
        int ok = 0;
        int failed = 0;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Path, Observation> r : ready.entrySet()) {
            Path file = r.getKey();
            IngestSummary s = ingestor.ingestFile(file, definition.sourceLabel());
            fetched += s.published() + s.failed() + s.sendFailures();
            ok += s.published();
            failed += s.failed() + s.sendFailures();
            if (s.sendFailures() == 0) {
                // The key of the version seen before reading: a file changed while it was read goes out again.
                published.remember(definition.name(), key(file, r.getValue().size(), r.getValue().modifiedMillis()));
            } else {
                notes.add(folder.relativize(file) + ": " + s.sendFailures() + " articles not accepted by Kafka, file read again next poll");
            }
            s.errors().forEach(e -> log.warn("source={} invalid item {}", definition.name(), e));
        }
        return new PollOutcome(PollOutcome.Status.OK, fetched, ok, 0, failed, notes.isEmpty() ? null : String.join("; ", notes),
            seen.isEmpty() ? null : stable.plusMillis(50));
    }

    private String key(Path file, long size, long modifiedMillis) {
        return folder.relativize(file) + "|" + size + "|" + modifiedMillis;
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.debug("closing the watch service of {}: {}", folder, e.getMessage());
            }
        }
        if (watchThread != null) {
            watchThread.interrupt();
        }
    }
}
