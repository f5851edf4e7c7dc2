package io.wirestream.ops.health;

import java.util.Map;

/**
 * The outcome of a liveness or readiness probe: whether it passes and each check's result, in registration
 * order.
 */
public record HealthReport(boolean passing, Map<String, Health> checks) {
    public HealthReport {
        checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
    }
}
