package io.wirestream.ingest.source;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceMetricsTest {
    @Test
    void shouldCountPerSourceWithSourceAndKindTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SourceMetrics gazette = new SourceMetrics("gazette", SourceKind.FEED, registry);
        SourceMetrics inbox = new SourceMetrics("inbox", SourceKind.FOLDER, registry);
        gazette.fetched(10);
        gazette.published(3);
        gazette.skipped(7);
        gazette.notModified();
        inbox.failed(2);
        assertEquals(2, gazette.pollFailed("outcome=failed") + gazette.pollFailed("outcome=failed reason=\"HTTP 500\"") - 1);
        gazette.pollSucceeded(Instant.parse("2025-11-03T10:00:00Z"), "outcome=ok");

        assertEquals(10.0, registry.get("wirestream.source.fetched").tags("source", "gazette", "kind", "feed").counter().count());
        assertEquals(3.0, registry.get("wirestream.source.published").tag("source", "gazette").counter().count());
        assertEquals(1.0, registry.get("wirestream.source.not.modified").tag("source", "gazette").counter().count());
        assertEquals(2.0, registry.get("wirestream.source.failed").tags("source", "inbox", "kind", "folder").counter().count());
        assertEquals(2.0, registry.get("wirestream.source.poll.failures").tag("source", "gazette").counter().count());
        assertEquals(1762164000.0, registry.get("wirestream.source.last.success").tag("source", "gazette").gauge().value());
        assertEquals(0.0, registry.get("wirestream.source.last.success").tag("source", "inbox").gauge().value());

        assertEquals(new SourceHealth("gazette", SourceKind.FEED, 10, 3, 0, 7, 1, 2, 0, Instant.parse("2025-11-03T10:00:00Z"),
            "outcome=ok"), gazette.snapshot());
    }

    @Test
    void shouldCountConsecutiveFailuresUntilASuccess() {
        SourceMetrics m = new SourceMetrics("s", SourceKind.PAGE, new SimpleMeterRegistry());
        assertEquals(1, m.pollFailed("a"));
        assertEquals(2, m.pollFailed("b"));
        assertEquals(false, m.snapshot().healthy());
        m.pollSucceeded(Instant.EPOCH, "ok");
        assertEquals(0, m.snapshot().consecutiveFailures());
        assertEquals(1, m.pollFailed("c"));
    }
}
