package io.wirestream.ops.health;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceHealthCheckTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldTurnNotReadyAfterTheThresholdOfConsecutiveFailuresAndRecoverOnSuccess() {
        SourceHealthCheck source = new SourceHealthCheck("wire", 3, clock);
        source.recordSuccess();
        assertEquals(Health.up("wire: last fetch ok at 2025-03-01T10:00:00Z"), source.check());

        source.recordFailure("HTTP 503");
        source.recordFailure("HTTP 503");
        assertEquals(Health.up("wire: 2 failed fetch(es), below the threshold of 3; last error: HTTP 503"),
            source.check());

        source.recordFailure("timeout");
        assertEquals(Health.notReady("wire: 3 consecutive failed fetches since 2025-03-01T10:00:00Z; "
            + "last error: timeout"), source.check());

        source.recordSuccess();
        assertEquals(Health.Status.UP, source.check().status());
    }
}
