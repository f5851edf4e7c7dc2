package io.wirestream.ops.health;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HealthRegistryTest {

    @Test
    void shouldBeLiveButNotReadyWhenACheckIsNotReady() {
        HealthRegistry registry = new HealthRegistry()
            .register("kafka-streams", () -> Health.notReady("REBALANCING"))
            .register("source:wire", () -> Health.up("ok"));

        Map<String, Health> expected = new LinkedHashMap<>();
        expected.put("kafka-streams", Health.notReady("REBALANCING"));
        expected.put("source:wire", Health.up("ok"));
        assertEquals(new HealthReport(true, expected), registry.liveness());
        assertEquals(new HealthReport(false, expected), registry.readiness());
    }

    @Test
    void shouldReportButNotGateReadinessOnAnInformationalCheck() {
        HealthRegistry registry = new HealthRegistry()
            .register("kafka-streams", () -> Health.up("RUNNING"))
            .register("source:wire", () -> Health.notReady("3 polls failed"), false);

        Map<String, Health> expected = new LinkedHashMap<>();
        expected.put("kafka-streams", Health.up("RUNNING"));
        expected.put("source:wire", Health.notReady("3 polls failed"));
        assertEquals(new HealthReport(true, expected), registry.readiness());

        registry.register("source:other", () -> Health.down("broken"), false);
        assertEquals(false, registry.readiness().passing());
        assertEquals(false, registry.liveness().passing());
    }

    @Test
    void shouldBeNeitherLiveNorReadyWhenACheckIsDown() {
        HealthRegistry registry = new HealthRegistry().register("kafka-streams", () -> Health.down("ERROR"));

        assertEquals(false, registry.liveness().passing());
        assertEquals(false, registry.readiness().passing());
    }

    @Test
    void shouldPassBothProbesWhenEveryCheckIsUpOrNoneIsRegistered() {
        assertEquals(true, new HealthRegistry().readiness().passing());
        HealthRegistry registry = new HealthRegistry().register("a", () -> Health.up(""));
        assertEquals(true, registry.liveness().passing());
        assertEquals(true, registry.readiness().passing());
    }

    @Test
    void shouldCountAThrowingCheckAsDown() {
        HealthRegistry registry = new HealthRegistry().register("broken", () -> {
            throw new IllegalStateException("boom");
        });

        assertEquals(Health.down("check failed: java.lang.IllegalStateException: boom"),
            registry.liveness().checks().get("broken"));
    }

    @Test
    void shouldRefuseADuplicateName() {
        HealthRegistry registry = new HealthRegistry().register("a", () -> Health.up(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> registry.register("a", () -> Health.up("")));
        assertEquals("a health check named 'a' is already registered", e.getMessage());
    }

    @Test
    void shouldExportEachCheckAsAGaugeAndForgetUnregisteredOnes() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HealthRegistry registry = new HealthRegistry().register("before", () -> Health.notReady("x"));
        registry.bindTo(meters);
        registry.register("after", () -> Health.down("y"));

        assertEquals(1.0, meters.get("wirestream.health.status").tag("check", "before").gauge().value());
        assertEquals(0.0, meters.get("wirestream.health.status").tag("check", "after").gauge().value());

        registry.unregister("before");
        assertEquals(1, meters.find("wirestream.health.status").gauges().size());
    }
}
