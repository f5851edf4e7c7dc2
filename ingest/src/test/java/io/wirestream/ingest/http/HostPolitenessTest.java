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

    @Test
    void shouldApplyAHostsLongerCrawlDelayAndForgetItWhenCleared() {
        HostPoliteness p = new HostPoliteness(Duration.ofMillis(500));
        long t0 = 1_000_000 * MS;
        p.hostDelay("slow.example.org", Duration.ofSeconds(3));
        p.hostDelay("fast.example.org", Duration.ofMillis(100));
        assertEquals(0, p.reserve("slow.example.org", t0));
        assertEquals(3_000 * MS, p.reserve("Slow.example.org", t0));
        assertEquals(0, p.reserve("fast.example.org", t0));
        assertEquals(500 * MS, p.reserve("fast.example.org", t0), "the configured delay wins when it is longer");
        p.hostDelay("slow.example.org", null);
        assertEquals(Duration.ofMillis(500), p.delayFor("slow.example.org"));
    }
}
