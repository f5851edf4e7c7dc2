package io.wirestream.ops.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named health checks of one application, probed for liveness (no check {@code DOWN}) and readiness (every
 * check {@code UP}). With no check registered both probes pass. Each check is also exported as the gauge
 * {@code wirestream_health_status{check="name"}} (2 UP, 1 NOT_READY, 0 DOWN) once the registry is
 * {@linkplain #bindTo bound} to a meter registry. Thread-safe.
 */
public final class HealthRegistry {
    private final Map<String, HealthCheck> checks = new LinkedHashMap<>();
    private final java.util.Set<String> informational = new java.util.HashSet<>();
    private final Map<String, Meter.Id> gauges = new LinkedHashMap<>();
    private MeterRegistry meters;

    /**
     * Adds a check under a unique name, such as {@code kafka-streams} or {@code source:reuters}.
     *
     * @throws IllegalArgumentException if the name is blank or already taken
     */
    public synchronized HealthRegistry register(String name, HealthCheck check) {
        return register(name, check, true);
    }

    /**
     * Adds a check; with {@code gatesReadiness=false} it is reported (in the probes' bodies and the gauge) but a
     * NOT_READY result does not fail readiness: for parts whose trouble should alert someone without taking the
     * whole instance out of service (one failing feed must not cut off the push endpoint). DOWN still fails
     * liveness.
     */
    public synchronized HealthRegistry register(String name, HealthCheck check, boolean gatesReadiness) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("check name must not be blank");
        }
        if (check == null) {
            throw new IllegalArgumentException("check " + name + " must not be null");
        }
        if (checks.putIfAbsent(name, check) != null) {
            throw new IllegalArgumentException("a health check named '" + name + "' is already registered");
        }
        if (!gatesReadiness) {
            informational.add(name);
        }
        if (meters != null) {
            gauge(name);
        }
        return this;
    }

    /** Removes a check (a source that was configured away); unknown names are ignored. */
    public synchronized void unregister(String name) {
        checks.remove(name);
        informational.remove(name);
        Meter.Id id = gauges.remove(name);
        if (id != null && meters != null) {
            meters.remove(id);
        }
    }

    /** Exports every check, present and future, as {@code wirestream_health_status{check}}. */
    public synchronized void bindTo(MeterRegistry registry) {
        if (meters != null) {
            throw new IllegalStateException("health registry already bound to a meter registry");
        }
        meters = registry;
        checks.keySet().forEach(this::gauge);
    }

    /** Runs every check; passes unless one is {@code DOWN}. */
    public HealthReport liveness() {
        Map<String, Health> results = runAll();
        return new HealthReport(results.values().stream().noneMatch(h -> h.status() == Health.Status.DOWN), results);
    }

    /** Runs every check; passes when all that gate readiness are {@code UP} (and none is {@code DOWN}). */
    public HealthReport readiness() {
        Map<String, Health> results = runAll();
        java.util.Set<String> notGating;
        synchronized (this) {
            notGating = java.util.Set.copyOf(informational);
        }
        boolean ready = results.entrySet().stream().allMatch(e -> e.getValue().status() == Health.Status.UP
            || notGating.contains(e.getKey()) && e.getValue().status() != Health.Status.DOWN);
        return new HealthReport(ready, results);
    }

    private Map<String, Health> runAll() {
        Map<String, HealthCheck> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(checks);
        }
        Map<String, Health> results = new LinkedHashMap<>();
        snapshot.forEach((name, check) -> results.put(name, run(check)));
        return results;
    }

    private static Health run(HealthCheck check) {
        try {
            Health health = check.check();
            return health != null ? health : Health.down("check returned no result");
        } catch (RuntimeException e) {
            return Health.down("check failed: " + e);
        }
    }

    private void gauge(String name) {
        HealthCheck check = checks.get(name);
        Gauge gauge = Gauge.builder("wirestream.health.status", check, c -> run(c).status().code())
            .tag("check", name)
            .description("Health check state: 2 UP, 1 NOT_READY, 0 DOWN")
            .register(meters);
        gauges.put(name, gauge.getId());
    }
}
