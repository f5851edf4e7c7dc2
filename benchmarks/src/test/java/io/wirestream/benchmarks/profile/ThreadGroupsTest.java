package io.wirestream.benchmarks.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Thread names as Kafka 4.3 and the bench give them. */
class ThreadGroupsTest {
    private final ThreadGroups groups = new ThreadGroups(ThreadGroups.BENCH);

    @Test
    void shouldCountAStreamsProducerAsAProducerNotAsTheStreamThreadItIsNamedAfter() {
        assertEquals("Streams producers (pipeline and pass-through, network threads)", groups.groupOf(
            "kafka-producer-network-thread | wirestream-bench-0f3c-4d1e-StreamThread-1-producer"));
        assertEquals("pipeline stream threads (clean, dedup, language, entities, serdes)",
            groups.groupOf("wirestream-bench-0f3c-4d1e-StreamThread-1"));
        assertEquals("pass-through stream threads", groups.groupOf("passthrough-77aa-StreamThread-2"));
    }

    @Test
    void shouldSortTheBrokersThreads() {
        assertEquals("broker request handlers (produce, fetch, log append)", groups.groupOf("data-plane-kafka-request-handler-3"));
        assertEquals("broker network threads", groups.groupOf("data-plane-kafka-network-thread-1-ListenerName(PLAINTEXT)-PLAINTEXT-0"));
        assertEquals("broker transaction coordinator and markers", groups.groupOf("TxnMarkerSenderThread-1"));
        assertEquals("KRaft controller and metadata", groups.groupOf("quorum-controller-1-event-handler"));
    }

    @Test
    void shouldSortTheBenchsOwnClients() {
        assertEquals("bench load producer and output readers (main thread, plain clients)", groups.groupOf("main"));
        assertEquals("bench load producer and output readers (main thread, plain clients)",
            groups.groupOf("kafka-producer-network-thread | producer-2"));
    }

    @Test
    void shouldPutAnUnknownOrMissingNameInOther() {
        assertEquals(ThreadGroups.OTHER, groups.groupOf("some-new-thread"));
        assertEquals(ThreadGroups.OTHER, groups.groupOf(null));
    }

    @Test
    void shouldListTheGroupsInRuleOrderWithOtherLast() {
        ThreadGroups two = new ThreadGroups(List.of(new ThreadGroups.Rule("a", Pattern.compile("a.*")),
            new ThreadGroups.Rule("b", Pattern.compile("b.*")), new ThreadGroups.Rule("a", Pattern.compile("x"))));
        assertEquals(List.of("a", "b", ThreadGroups.OTHER), two.groups());
    }
}
