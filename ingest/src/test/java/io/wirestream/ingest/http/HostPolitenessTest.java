package io.wirestream.ingest.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostPolitenessTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldSpaceRequestsToOneHostAndLeaveOtherHostsAlone() {
        HostPoliteness p = new HostPoliteness(Duration.ofMillis(500));
        long t0 = 1_000_000 * MS;
        assertEquals(0, p.reserve("news.example.org", t0));
        assertEquals(500 * MS, p.reserve("news.example.org", t0));
        assertEquals(900 * MS, p.reserve("NEWS.example.org", t0 + 100 * MS));
        assertEquals(0, p.reserve("other.example.org", t0));
        assertEquals(0, p.reserve("news.example.org", t0 + 5_000 * MS));
    }
}
