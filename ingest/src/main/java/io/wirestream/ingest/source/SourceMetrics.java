package io.wirestream.ingest.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The counters of one source, as Micrometer meters tagged {@code source} and {@code kind}:
 * {@code wirestream.source.fetched}, {@code .published}, {@code .failed}, {@code .skipped},
 * {@code .not.modified}, {@code .poll.failures} (counters) and {@code wirestream.source.last.success}
 * (gauge, epoch seconds, 0 before the first success). A Prometheus registry shows them as
 * {@code wirestream_source_fetched_total}, ..., {@code wirestream_source_last_success_seconds}.
 * Thread-safe.
 */
public final class SourceMetrics {
    private final String name;
    private final SourceKind kind;
    private final Counter fetched;
    private final Counter published;
    private final Counter failed;
    private final Counter skipped;
    private final Counter notModified;
    private final Counter pollFailures;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<String> lastOutcome = new AtomicReference<>();

    public SourceMetrics(String name, SourceKind kind, MeterRegistry registry) {
        this.name = name;
        this.kind = kind;
        Tags tags = Tags.of("source", name, "kind", kind.label());
        this.fetched = counter(registry, "fetched", tags, "Items read from the source");
        this.published = counter(registry, "published", tags, "Articles acknowledged by Kafka");
        this.failed = counter(registry, "failed", tags, "Items that could not be published");
        this.skipped = counter(registry, "skipped", tags, "Items not sent again because they were published before");
        this.notModified = counter(registry, "not.modified", tags, "Polls answered 304 Not Modified");
        this.pollFailures = counter(registry, "poll.failures", tags, "Polls that failed as a whole");
        Gauge.builder("wirestream.source.last.success", lastSuccess, r -> r.get() == null ? 0 : r.get().getEpochSecond())
            .tags(tags).baseUnit("seconds").description("End of the last successful poll, epoch seconds")
            .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String what, Tags tags, String description) {
        return Counter.builder("wirestream.source." + what).tags(tags).description(description).register(registry);
    }

    public String name() {
        return name;
    }

    public SourceKind kind() {
        return kind;
    }

    public void fetched(long n) {
        fetched.increment(n);
    }

    public void published(long n) {
        published.increment(n);
    }

    public void failed(long n) {
        failed.increment(n);
    }

    public void skipped(long n) {
        skipped.increment(n);
    }

    public void notModified() {
        notModified.increment();
    }

    /** Records the end of a poll that worked (items inside it may still have failed). */
    public void pollSucceeded(Instant at, String outcome) {
        consecutiveFailures.set(0);
        lastSuccess.set(at);
        lastOutcome.set(outcome);
    }

    /** Records a failed poll; returns how many polls have now failed in a row. */
    public int pollFailed(String outcome) {
        pollFailures.increment();
        lastOutcome.set(outcome);
        return consecutiveFailures.incrementAndGet();
    }

    public SourceHealth snapshot() {
        return new SourceHealth(name, kind, (long) fetched.count(), (long) published.count(), (long) failed.count(),
            (long) skipped.count(), (long) notModified.count(), (long) pollFailures.count(), consecutiveFailures.get(),
            lastSuccess.get(), lastOutcome.get());
    }
}
