package io.wirestream.ingest.source;

import io.wirestream.ops.health.Health;
import io.wirestream.ops.health.HealthRegistry;

import java.util.List;
import java.util.function.Supplier;

/**
 * Health checks of the ingest service, one per source, named {@code source:<name>} (the alert rules and the
 * dashboard match on these names). A source is UP until its polls fail {@code failuresBeforeNotReady} times in a
 * row, then NOT_READY with the last outcome as the reason. The checks are reported but do not gate readiness,
 * and a failing source never makes the service DOWN: one feed that does not answer must not take the other
 * sources and the push endpoint out of service, and restarting the process does not make a remote feed answer.
 * The alert on {@code wirestream_health_status{check=~"source:.+"} < 2} tells someone instead.
 */
public final class SourceHealthChecks {
    private SourceHealthChecks() {
    }

    public static void register(HealthRegistry registry, List<SourceDefinition> sources, Supplier<List<SourceHealth>> health,
                                int failuresBeforeNotReady) {
        if (failuresBeforeNotReady < 1) {
            throw new IllegalArgumentException("failuresBeforeNotReady must be at least 1, was " + failuresBeforeNotReady);
        }
        for (SourceDefinition source : sources) {
            String name = source.name();
            registry.register("source:" + name, () -> health.get().stream()
                .filter(h -> h.name().equals(name))
                .findFirst()
                .map(h -> check(h, failuresBeforeNotReady))
                .orElse(Health.up("not polled yet")), false);
        }
    }

    static Health check(SourceHealth h, int failuresBeforeNotReady) {
        String counts = "published " + h.published() + ", failed " + h.failed() + ", last success "
            + (h.lastSuccess() == null ? "never" : h.lastSuccess());
        if (h.consecutiveFailures() >= failuresBeforeNotReady) {
            return new Health(Health.Status.NOT_READY, h.consecutiveFailures() + " polls failed in a row, last: "
                + h.lastOutcome() + "; " + counts);
        }
        return Health.up(counts);
    }
}
