package io.wirestream.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ops.health.Health;
import io.wirestream.ops.health.HealthRegistry;
import io.wirestream.ops.lag.GroupLag;
import io.wirestream.ops.lag.LagMetrics;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.lag.LagStatus;
import io.wirestream.ops.lag.PartitionLag;
import io.wirestream.ops.lag.TimeLag;
import io.wirestream.ops.lag.Verdict;
import io.wirestream.ops.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard and alert rules under deploy/ may only use metric names this module exports. */
class DeployedMetricNamesTest {
    private static final Pattern NAME = Pattern.compile("wirestream_[a-z_]+");
    private static final List<Path> DEPLOYED = List.of(
        Path.of("..", "deploy", "grafana", "wirestream-dashboard.json"),
        Path.of("..", "deploy", "prometheus", "alerts.yml"));

    /** Every wirestream_ series name a process can export, from a registry with each metric recorded once. */
    private static Set<String> exportedNames() {
        PrometheusMeterRegistry registry = PipelineMetrics.prometheusRegistry();
        PipelineMetrics pipeline = new PipelineMetrics(registry);
        pipeline.recordsOut("ingest", 1);
        pipeline.duplicateFound("exact");
        pipeline.articleLanguage("en");
        pipeline.deadLetter("enrich");
        Instant now = Instant.now();
        pipeline.endToEndLatency(PipelineMetrics.Since.INGEST, now.minusSeconds(1), now);
        LagMetrics lag = new LagMetrics(registry);
        lag.update(new LagReport(1_000, List.of(new GroupLag("g", "Stable", 1, List.of(new PartitionLag("g", "t", 0,
            1L, 2L, 1L, new TimeLag(TimeLag.Method.INTERPOLATED, 3.0), new Verdict(LagStatus.OK, "consuming"),
            "c", "h", "id")), new Verdict(LagStatus.OK, "consuming")))));
        lag.recordFailure();
        HealthRegistry health = new HealthRegistry().register("source:x", () -> Health.up(""));
        health.bindTo(registry);
        return registry.scrape().lines().filter(l -> !l.startsWith("#"))
            .map(l -> l.replaceAll("[{ ].*", "")).filter(n -> n.startsWith("wirestream_"))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> referencedNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : DEPLOYED) {
            Matcher m = NAME.matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    @Test
    void shouldReferenceOnlyExportedMetricNames() throws IOException {
        Set<String> unknown = new TreeSet<>(referencedNames());
        unknown.removeAll(exportedNames());
        assertEquals(Set.of(), unknown);
    }

    @Test
    void shouldShowEveryExportedFamilyButRawCommittedOffsetsOnTheDashboard() throws IOException {
        Set<String> families = exportedNames().stream()
            .map(n -> n.replaceAll("_(bucket|count|sum|max)$", "")).collect(Collectors.toCollection(TreeSet::new));
        String dashboard = Files.readString(DEPLOYED.get(0));
        Set<String> missing = families.stream().filter(f -> !dashboard.contains(f))
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("wirestream_consumergroup_committed_offset"), missing);
    }
}
