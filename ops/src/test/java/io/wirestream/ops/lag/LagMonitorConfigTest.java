package io.wirestream.ops.lag;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LagMonitorConfigTest {

    @Test
    void shouldApplyDefaults() {
        LagMonitorConfig c = new LagMonitorConfig(Map.of("bootstrap.servers", "a:9092,b:9092"));
        assertEquals("a:9092,b:9092", c.bootstrapServers());
        assertEquals(Optional.empty(), c.group());
        assertEquals(10_000L, c.intervalMs());
        assertEquals(10, c.windowSamples());
        assertEquals(3, c.windowMinSamples());
        assertEquals(60, c.historyPoints());
    }

    @Test
    void shouldRequireBootstrapServers() {
        ConfigException e = assertThrows(ConfigException.class, () -> new LagMonitorConfig(Map.of()));
        assertEquals("Missing required configuration \"bootstrap.servers\" which has no default value.", e.getMessage());
    }

    @Test
    void shouldRejectAMinimumAboveTheWindow() {
        ConfigException e = assertThrows(ConfigException.class, () -> new LagMonitorConfig(Map.of(
            "bootstrap.servers", "a:1", "window.samples", "4", "window.min.samples", "5")));
        assertEquals("Invalid value 5 for configuration window.min.samples: must not exceed window.samples (4), "
            + "or no trend could ever be judged", e.getMessage());
    }

    @Test
    void shouldRejectAWindowOfOneSample() {
        ConfigException e = assertThrows(ConfigException.class, () -> new LagMonitorConfig(Map.of(
            "bootstrap.servers", "a:1", "window.samples", "1")));
        assertEquals("Invalid value 1 for configuration window.samples: Value must be at least 2", e.getMessage());
    }

    @Test
    void shouldPassPrefixedSettingsToTheAdminClient() {
        LagMonitorConfig c = new LagMonitorConfig(Map.of("bootstrap.servers", "a:1", "timeout.ms", "2000",
            "admin.security.protocol", "SSL"));
        Map<String, Object> admin = c.adminProperties();
        assertEquals("SSL", admin.get("security.protocol"));
        assertEquals("a:1", admin.get("bootstrap.servers"));
        assertEquals(2000, admin.get("default.api.timeout.ms"));
    }
}
