package io.wirestream.ops.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PipelineMetricsTest {

    static List<String> lines(PrometheusMeterRegistry registry, String prefix) {
        return registry.scrape().lines().filter(l -> l.startsWith(prefix)).sorted().toList();
    }

    @Test
    void shouldCountRecordsDuplicatesLanguagesAndDeadLetters() {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry);
        metrics.recordsOut("dedup", 7);
        metrics.recordsOut("dedup", 3);
        metrics.duplicateFound("near");
        metrics.articleLanguage("RU");
        metrics.articleLanguage("en");
        metrics.articleLanguage(" ");
        metrics.deadLetter("enrich");

        assertEquals(List.of("wirestream_stage_records_total{stage=\"dedup\"} 10.0"),
            lines(registry, "wirestream_stage_records_total"));
        assertEquals(List.of("wirestream_duplicates_total{kind=\"near\"} 1.0"),
            lines(registry, "wirestream_duplicates_total"));
        assertEquals(List.of("wirestream_articles_by_language_total{language=\"en\"} 1.0",
                "wirestream_articles_by_language_total{language=\"ru\"} 1.0",
                "wirestream_articles_by_language_total{language=\"unknown\"} 1.0"),
            lines(registry, "wirestream_articles_by_language_total"));
        assertEquals(List.of("wirestream_dead_letters_total{stage=\"enrich\"} 1.0"),
            lines(registry, "wirestream_dead_letters_total"));
    }

    @Test
    void shouldRecordEndToEndLatencyAsAHistogramWithPercentiles() {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry);
        Instant out = Instant.parse("2025-03-01T10:00:00Z");
        metrics.endToEndLatency(PipelineMetrics.Since.INGEST, out.minusMillis(1500), out);
        metrics.endToEndLatency(PipelineMetrics.Since.INGEST, out.minusMillis(500), out);
        metrics.endToEndLatency(PipelineMetrics.Since.PUBLICATION, out.plusSeconds(60), out);

        assertEquals(List.of("wirestream_end_to_end_latency_seconds_count{since=\"ingest\"} 2",
                "wirestream_end_to_end_latency_seconds_count{since=\"publication\"} 1"),
            lines(registry, "wirestream_end_to_end_latency_seconds_count"));
        assertEquals(List.of("wirestream_end_to_end_latency_seconds_sum{since=\"ingest\"} 2.0",
                "wirestream_end_to_end_latency_seconds_sum{since=\"publication\"} 0.0"),
            lines(registry, "wirestream_end_to_end_latency_seconds_sum"));
        assertEquals(List.of("wirestream_end_to_end_latency_seconds_max{since=\"ingest\"} 1.5",
                "wirestream_end_to_end_latency_seconds_max{since=\"publication\"} 0.0"),
            lines(registry, "wirestream_end_to_end_latency_seconds_max"));
        List<String> infBuckets = lines(registry, "wirestream_end_to_end_latency_seconds_bucket").stream()
            .filter(l -> l.contains("le=\"+Inf\"")).toList();
        assertEquals(List.of("wirestream_end_to_end_latency_seconds_bucket{since=\"ingest\",le=\"+Inf\"} 2",
                "wirestream_end_to_end_latency_seconds_bucket{since=\"publication\",le=\"+Inf\"} 1"),
            infBuckets);
    }

    @Test
    void shouldCapALatencyOfCenturiesInsteadOfOverflowing() {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry);
        Instant out = Instant.parse("2025-03-01T10:00:00Z");
        metrics.endToEndLatency(PipelineMetrics.Since.PUBLICATION, Instant.parse("1000-01-01T00:00:00Z"), out);
        assertEquals(List.of("wirestream_end_to_end_latency_seconds_max{since=\"publication\"} "
                + (double) PipelineMetrics.MAX_LATENCY.toSeconds()),
            lines(registry, "wirestream_end_to_end_latency_seconds_max"));
    }

    @Test
    void shouldBucketLatencyFromSubsecondToADay() {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        PipelineMetrics metrics = new PipelineMetrics(registry);
        Instant out = Instant.parse("2025-03-01T10:00:00Z");
        metrics.endToEndLatency(PipelineMetrics.Since.PUBLICATION, out.minusSeconds(3 * 3600), out);

        List<String> bounds = lines(registry, "wirestream_end_to_end_latency_seconds_bucket").stream()
            .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")).toList();
        assertEquals(List.of("+Inf", "0.05", "0.1", "0.25", "0.5", "1.0", "10.0", "120.0", "1800.0", "2.5", "21600.0",
            "30.0", "300.0", "3600.0", "5.0", "60.0", "600.0", "7200.0", "86400.0"), bounds);
        assertEquals(List.of("wirestream_end_to_end_latency_seconds_bucket{since=\"publication\",le=\"21600.0\"} 1",
                "wirestream_end_to_end_latency_seconds_bucket{since=\"publication\",le=\"7200.0\"} 0"),
            lines(registry, "wirestream_end_to_end_latency_seconds_bucket").stream()
                .filter(l -> l.contains("\"7200.0\"") || l.contains("\"21600.0\"")).toList());
    }

    @Test
    @SuppressWarnings("try") // metrics is held open only to keep the GC binder registered
    void shouldBindJvmMetrics() {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        try (PipelineMetrics metrics = new PipelineMetrics(registry).bindJvm()) {
            Set<String> expected = Set.of("jvm_memory_used_bytes", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds");
            Set<String> names = registry.scrape().lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.replaceAll("[{ ].*", "")).collect(Collectors.toSet());
            assertEquals(expected, names.stream().filter(expected::contains).collect(Collectors.toSet()));
        }
    }
}
