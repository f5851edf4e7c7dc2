package io.wirestream.ingest.source;

import io.micrometer.core.instrument.MeterRegistry;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.feed.FeedSource;
import io.wirestream.ingest.file.FileIngestor;
import io.wirestream.ingest.http.Backoff;
import io.wirestream.ingest.http.FetchSettings;
import io.wirestream.ingest.http.HostPoliteness;
import io.wirestream.ingest.http.HttpFetcher;
import io.wirestream.ingest.page.PageSource;
import io.wirestream.ingest.push.PushEndpoint;
import io.wirestream.ingest.watch.FolderSource;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs live sources until closed: polls feeds, pages and folders on their schedules (a failed poll is
 * retried after an exponential backoff with jitter instead of the interval) and serves push endpoints.
 * Every poll ends in one log line {@code source=... kind=... outcome=...} and updates the source's
 * {@link SourceMetrics}; {@link #health()} gives a snapshot of all of them.
 *
 * <p>Shutdown ({@link #close()}): push endpoints stop accepting and finish their requests, no new poll
 * starts, polls in progress get {@code ingest.shutdown.timeout.ms} to finish (each publishes whole
 * articles and waits for Kafka's answer) before they are interrupted, and remembered items are flushed.
 * The publisher and the {@link PublishedItems} belong to the caller, who closes them afterwards.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final ArticlePublisher publisher;
    private final PublishedItems published;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Backoff backoff;
    private final HttpFetcher fetcher;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SourceMetrics> metrics = new LinkedHashMap<>();
    private final List<Runner> runners = new ArrayList<>();
    private final Map<String, PushEndpoint> endpoints = new LinkedHashMap<>();
    private volatile boolean closed;
    private boolean started;

    public IngestService(IngestConfig config, ArticlePublisher publisher, PublishedItems published, MeterRegistry meters,
                         Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.published = Objects.requireNonNull(published, "published");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(Duration.ofMillis(config.getLong(IngestConfig.BACKOFF_INITIAL_MS)),
            Duration.ofMillis(config.getLong(IngestConfig.BACKOFF_MAX_MS)), new Random());
        FetchSettings fetchSettings = FetchSettings.from(config);
        this.fetcher = new HttpFetcher(fetchSettings, new HostPoliteness(fetchSettings.hostDelay()));
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(config.getInt(IngestConfig.SOURCE_THREADS), r -> {
            Thread t = new Thread(r, "wirestream-source-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Creates every source, binds the push endpoints, and starts polling (first polls at once). Fails before
     * anything runs if a source cannot be created (for example a push port in use).
     */
    public synchronized void start(List<SourceDefinition> definitions) {
        if (started) {
            throw new IllegalStateException("the service is already started");
        }
        started = true;
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("no sources to run");
        }
        List<Runner> created = new ArrayList<>();
        try {
            for (SourceDefinition d : definitions) {
                if (metrics.containsKey(d.name())) {
                    throw new IllegalArgumentException("two sources are named '" + d.name() + "'");
                }
                SourceMetrics m = new SourceMetrics(d.name(), d.kind(), meters);
                metrics.put(d.name(), m);
                if (d.kind() == SourceKind.PUSH) {
                    endpoints.put(d.name(), new PushEndpoint(d, publisher, m, config.getInt(IngestConfig.PUSH_MAX_REQUEST_BYTES),
                        d.option(SourceOptions.MAX_BATCH).map(Integer::parseInt).orElse(config.getInt(IngestConfig.PUSH_MAX_BATCH)),
                        Duration.ofMillis(config.getLong(IngestConfig.PUSH_READ_TIMEOUT_MS)),
                        Duration.ofMillis(config.getLong(IngestConfig.PUSH_ACK_TIMEOUT_MS)),
                        Optional.ofNullable(config.getPassword(IngestConfig.PUSH_TOKEN)).map(Password::value).orElse(null), clock)
                        .start(d.option(SourceOptions.BIND).orElse("127.0.0.1")));
                } else {
                    created.add(new Runner(create(d), m));
                }
            }
        } catch (RuntimeException e) {
            endpoints.values().forEach(PushEndpoint::close);
            throw e;
        }
        runners.addAll(created);
        for (Runner r : runners) {
            r.source.start(r::pollWithin);
            r.scheduleIn(Duration.ZERO);
        }
        log.info("Ingest service started with {} sources: {}", definitions.size(),
            definitions.stream().map(SourceDefinition::sourceLabel).toList());
    }

    private PolledSource create(SourceDefinition d) {
        return switch (d.kind()) {
            case FEED -> new FeedSource(d, fetcher, publisher, published, config.getInt(IngestConfig.ITEM_MAX_ATTEMPTS), clock);
            case PAGE -> new PageSource(d, fetcher, publisher, published, clock);
            case FOLDER -> new FolderSource(d, new FileIngestor(publisher, clock), published,
                d.option(SourceOptions.STABLE).map(Durations::parse)
                    .orElse(Duration.ofMillis(config.getLong(IngestConfig.WATCH_STABLE_MS))));
            case PUSH -> throw new IllegalArgumentException("push sources are not polled");
        };
    }

    /** One snapshot per source, in configuration order. */
    public List<SourceHealth> health() {
        synchronized (this) {
            return metrics.values().stream().map(SourceMetrics::snapshot).toList();
        }
    }

    /** The port a push source listens on (useful with port 0), if there is such a source. */
    public synchronized OptionalInt pushPort(String name) {
        PushEndpoint e = endpoints.get(name);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.port());
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        log.info("Ingest service stopping");
        endpoints.values().forEach(PushEndpoint::close);
        runners.forEach(Runner::cancel);
        scheduler.shutdown();
        try {
            long timeout = config.getLong(IngestConfig.SHUTDOWN_TIMEOUT_MS);
            if (!scheduler.awaitTermination(timeout, TimeUnit.MILLISECONDS)) {
                log.warn("Polls still running after {} ms; interrupting them (items not yet acknowledged are not remembered "
                    + "and will be published again next time)", timeout);
                scheduler.shutdownNow();
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        runners.forEach(r -> r.source.close());
        published.flush();
        publisher.flush();
        health().forEach(h -> log.info("source={} kind={} totals: fetched={} published={} failed={} skipped={} not-modified={} "
                + "poll-failures={} last-success={}", h.name(), h.kind().label(), h.fetched(), h.published(), h.failed(),
            h.skipped(), h.notModified(), h.pollFailures(), h.lastSuccess()));
        log.info("Ingest service stopped");
    }

    /** Schedules one source: never two polls of it at a time. */
    private final class Runner {
        final PolledSource source;
        final SourceMetrics metrics;
        private ScheduledFuture<?> next;
        private long nextAtNanos;
        private boolean running;
        private Duration wantedWithin;

        Runner(PolledSource source, SourceMetrics metrics) {
            this.source = source;
            this.metrics = metrics;
        }

        synchronized void scheduleIn(Duration delay) {
            if (closed) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            nextAtNanos = System.nanoTime() + delay.toNanos();
            next = scheduler.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Brings the next poll forward to at most {@code delay} from now. */
        synchronized void pollWithin(Duration delay) {
            if (running) {
                wantedWithin = wantedWithin == null || delay.compareTo(wantedWithin) < 0 ? delay : wantedWithin;
            } else if (nextAtNanos - System.nanoTime() > delay.toNanos()) {
                scheduleIn(delay);
            }
        }

        synchronized void cancel() {
            if (next != null) {
                next.cancel(false);
            }
        }

        private void run() {
            synchronized (this) {
                if (running || closed) {
                    return;
                }
                running = true;
                wantedWithin = null;
            }
            Duration delay = source.definition().intervalOr(Duration.ofMillis(config.getLong(IngestConfig.POLL_INTERVAL_MS)));
            try {
                delay = pollOnce(delay);
            } finally {
                synchronized (this) {
                    running = false;
                    if (wantedWithin != null && wantedWithin.compareTo(delay) < 0) {
                        delay = wantedWithin;
                    }
                    scheduleIn(delay);
                }
            }
        }

        private Duration pollOnce(Duration interval) {
            SourceDefinition d = source.definition();
            long start = System.nanoTime();
            PollOutcome outcome;
            try {
                outcome = source.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.info("source={} kind={} poll interrupted by shutdown", d.name(), d.kind().label());
                return interval;
            } catch (RuntimeException e) {
                log.error("source={} kind={} poll crashed", d.name(), d.kind().label(), e);
                outcome = PollOutcome.failed("unexpected error: " + e);
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            metrics.fetched(outcome.fetched());
            metrics.published(outcome.published());
            metrics.skipped(outcome.skipped());
            metrics.failed(outcome.failed());
            String line = "source=" + d.name() + " kind=" + d.kind().label() + " " + outcome.describe() + " took=" + tookMs + "ms";
            switch (outcome.status()) {
                case FAILED -> {
                    int failures = metrics.pollFailed(outcome.describe());
                    Duration retry = backoff.delay(failures);
                    log.warn("{} consecutive-failures={} retry-in={}ms", line, failures, retry.toMillis());
                    return retry;
                }
                case NOT_MODIFIED -> metrics.notModified();
                case OK -> {
                    // logged below
                }
            }
            metrics.pollSucceeded(clock.instant(), outcome.describe());
            Duration next = outcome.pollSoon() != null && outcome.pollSoon().compareTo(interval) < 0 ? outcome.pollSoon() : interval;
            if (outcome.failed() > 0) {
                log.warn("{} next-in={}ms", line, next.toMillis());
            } else {
                log.info("{} next-in={}ms", line, next.toMillis());
            }
            return next;
        }
    }
}
