package io.wirestream.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline's own metrics, recorded by the ingest and processor applications, and the binders that add
 * Kafka client, Kafka Streams and JVM metrics to the same registry. Prometheus names:
 * <ul>
 *   <li>{@code wirestream_stage_records_total{stage}}: records a stage has output</li>
 *   <li>{@code wirestream_duplicates_total{kind}}: duplicates found, by kind (e.g. exact, near)</li>
 *   <li>{@code wirestream_articles_by_language_total{language}}: articles per detected language</li>
 *   <li>{@code wirestream_dead_letters_total{stage}}: records sent to the dead-letter topic</li>
 *   <li>{@code wirestream_route_matched_total{route}} and {@code wirestream_route_written_total{route}}: articles a
 *       route's filter took, and records serialised for the route's topic</li>
 *   <li>{@code wirestream_end_to_end_latency_seconds{since}}: histogram from publication or ingest time to output;
 *       percentiles come from {@code histogram_quantile} over its buckets, which (unlike client-side
 *       percentiles) aggregate across instances</li>
 * </ul>
 * Label values are lower-cased; a blank value becomes {@code unknown}. Keep them to a small set (stage names,
 * language codes): each distinct value is a new series. Thread-safe. {@link #close()} releases the binders.
 */
public final class PipelineMetrics implements AutoCloseable {
    /**
     * Histogram bucket bounds: fine below a minute for ingest-to-output, coarse up to a day for publication-to-output
     * (news is often ingested hours after publication). 18 buckets per series instead of Micrometer's ~120.
     */
    /** Latencies above this (a publication date decades off) are recorded as this. */
    static final Duration MAX_LATENCY = Duration.ofDays(3650);
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
        Duration.ofHours(6), Duration.ofDays(1)};

    /** What the end-to-end latency is measured from. */
    public enum Since {
        /** The article's publication time, as the source states it. */
        PUBLICATION,
        /** The time the ingest service fetched the article. */
        INGEST
    }

    private final MeterRegistry registry;
    private final List<AutoCloseable> binders = new ArrayList<>();

    public PipelineMetrics(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry must not be null");
        }
        this.registry = registry;
    }

    /** A registry that renders the Prometheus text format, for {@code OpsHttpServer}. */
    public static PrometheusMeterRegistry prometheusRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Counts {@code count} records output by {@code stage} (e.g. ingest, dedup, enrich). */
    public void recordsOut(String stage, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count + " for stage " + stage);
        }
        counter("wirestream.stage.records", "Records output by a pipeline stage", "stage", stage).increment(count);
    }

    public void duplicateFound(String kind) {
        counter("wirestream.duplicates", "Duplicate articles found", "kind", kind).increment();
    }

    /** Counts one article in {@code language} (an ISO 639-1 code; blank for undetermined). */
    public void articleLanguage(String language) {
        counter("wirestream.articles.by.language", "Articles per detected language", "language", language).increment();
    }

    /** Counts one article taken by the filter of {@code route}. */
    public void routeMatched(String route) {
        counter("wirestream.route.matched", "Articles a route's filter took", "route", route).increment();
    }

    /** Counts one record serialised for the topic of {@code route}, handed to the producer. */
    public void routeWritten(String route) {
        counter("wirestream.route.written", "Records written to a route's topic", "route", route).increment();
    }

    public void deadLetter(String stage) {
        counter("wirestream.dead.letters", "Records sent to the dead-letter topic", "stage", stage).increment();
    }

    /**
     * Records the time from {@code start} to {@code outputAt}. A negative latency (a source's clock or time zone
     * ahead of ours) is recorded as zero and one above {@link #MAX_LATENCY} as that, rather than dropped, so
     * counts stay complete.
     */
    public void endToEndLatency(Since since, Instant start, Instant outputAt) {
        Duration latency = Duration.between(start, outputAt);
        if (latency.isNegative()) {
            latency = Duration.ZERO;
        } else if (latency.compareTo(MAX_LATENCY) > 0) {
            latency = MAX_LATENCY; // a date centuries off would overflow the timer's nanoseconds
        }
        latencyTimer(since).record(latency);
    }

    private Timer latencyTimer(Since since) {
        return Timer.builder("wirestream.end.to.end.latency")
            .description("Time from an article's publication or ingest to its output by the pipeline")
            .tag("since", since.name().toLowerCase(Locale.ROOT))
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    }

    /** JVM memory, GC, threads, class loading, CPU and uptime (Micrometer's {@code jvm_*}, {@code process_*}). */
    public PipelineMetrics bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        return this;
    }

    /** A producer's client metrics ({@code kafka_producer_*}). */
    public PipelineMetrics bindKafkaClient(Producer<?, ?> producer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        return bind(binder, binder);
    }

    /** A consumer's client metrics ({@code kafka_consumer_*}). */
    public PipelineMetrics bindKafkaClient(Consumer<?, ?> consumer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
        return bind(binder, binder);
    }

    /** An admin client's metrics ({@code kafka_admin_client_*}); {@code Admin.create} returns an {@code AdminClient}. */
    public PipelineMetrics bindKafkaClient(AdminClient admin) {
        KafkaClientMetrics binder = new KafkaClientMetrics(admin);
        return bind(binder, binder);
    }

    /** A Kafka Streams instance's metrics ({@code kafka_stream_*} and its clients'); needs kafka-streams. */
    public PipelineMetrics bindKafkaStreams(KafkaStreams streams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        return bind(binder, binder);
    }

    private PipelineMetrics bind(MeterBinder binder, AutoCloseable closer) {
        binder.bindTo(registry);
        synchronized (binders) {
            binders.add(closer);
        }
        return this;
    }

    private Counter counter(String name, String description, String tag, String value) {
        String v = value == null || value.isBlank() ? "unknown" : value.trim().toLowerCase(Locale.ROOT);
        return Counter.builder(name).description(description).tag(tag, v).register(registry);
    }

    @Override
    public void close() {
        List<AutoCloseable> copy;
        synchronized (binders) {
            copy = new ArrayList<>(binders);
            binders.clear();
        }
        for (AutoCloseable binder : copy) {
            try {
                binder.close();
            } catch (Exception e) {
                // Closing a binder only stops its background polling; nothing to recover.
            }
        }
    }
}
