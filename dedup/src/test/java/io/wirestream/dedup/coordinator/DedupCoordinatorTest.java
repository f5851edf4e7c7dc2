package io.wirestream.dedup.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.InMemoryByteStore;
import io.wirestream.dedup.MatchKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The protocol without Kafka: messages are delivered by the test, in the orders a running cluster can produce
 * when copies arrive at the same time at different homes and their keys live on different partitions.
 */
class DedupCoordinatorTest {

    static final String STORY = String.join("\n\n",
            "The ferry between the two island villages resumed service on Tuesday morning after a storm had kept it in "
                    + "harbour for four days, and the first crossing carried mostly school children and a veterinarian.",
            "Engineers checked the landing ramps on both shores overnight and found only minor damage to a railing, "
                    + "which the harbour master said would be repaired before the weekend market.",
            "Shop owners on the smaller island had run short of bread and fuel, and the council sent a fishing boat with "
                    + "supplies on Sunday when the wind eased for a few hours in the afternoon.");

    static final String OTHER_STORY = String.join("\n\n",
            "A volunteer group counted more than two hundred nesting swifts under the eaves of the old grain store this "
                    + "summer, twice as many as five years ago, after the owners fitted wooden boxes along the roof.",
            "The group will publish its figures in the autumn and hopes other farms in the valley will follow the example.");

    static final long T0 = 1_760_000_000_000L;
    static final String ORIGINAL = "a-original";
    static final String COPY = "b-copy";
    static final int PARTITIONS = 3;

    /** A fixed routing over a few partitions, so that an article's keys spread over all of them. */
    static final IndexRouting ROUTING = key -> Math.floorMod(Arrays.hashCode(key), PARTITIONS);

    // ---- the hard rules, one order each

    @Test
    void shouldNoticeTheCopyOnceWhenBothAreStillWaitingWhileTheyCheckEachOther() {
        Cluster c = new Cluster();
        c.meet();
        c.deliverAll(Message::isCheck);
        c.deliverAll(m -> true);

        c.assertOneNoticeAndTheOriginalPassedOnOnce();
    }

    @Test
    void shouldNoticeTheCopyOnceWhenTheCopyDecidesBeforeTheOriginalsChecksArrive() {
        Cluster c = new Cluster();
        c.meet();
        c.deliverAll(m -> m.isCheck() && m.check.probeId().equals(COPY));
        c.deliverAll(m -> m.isAnswer() && m.answer.articleId().equals(COPY));
        assertEquals(List.of(COPY + "->" + ORIGINAL), c.links(), "the copy decided");
        c.deliverAll(m -> true);

        c.assertOneNoticeAndTheOriginalPassedOnOnce();
    }

    @Test
    void shouldNoticeTheCopyOnceWhenTheOriginalDecidesBeforeTheCopysChecksArrive() {
        Cluster c = new Cluster();
        c.meet();
        c.deliverAll(m -> m.isCheck() && m.check.probeId().equals(ORIGINAL));
        c.deliverAll(m -> m.isAnswer() && m.answer.articleId().equals(ORIGINAL));
        assertEquals(Map.of(ORIGINAL, Decision.Status.ORIGINAL), c.passed);
        c.deliverAll(m -> true);

        c.assertOneNoticeAndTheOriginalPassedOnOnce();
    }

    @Test
    void shouldRePointACopyThatWasPassedOnBeforeItsOriginalArrived() {
        Cluster c = new Cluster();
        c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 3_600_000);
        c.deliverAll(m -> true);
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.deliverAll(m -> true);

        assertEquals(List.of(COPY + "->" + ORIGINAL + " EXACT_TEXT"), c.notices());
        assertEquals(false, c.noticeAboutArrival.get(0), "the notice re-points an article passed on before");
        assertEquals(Map.of(COPY, Decision.Status.UNIQUE, ORIGINAL, Decision.Status.ORIGINAL), c.passed);
    }

    @Test
    void shouldNameTheEarliestPublishedAsTheOriginalWhateverArrivesFirst() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.deliverAll(m -> true);
        c.arrive(COPY, "https://mirror.example/ferry", STORY.replace("Tuesday", "Tuesday,"), T0 + 60_000);
        c.deliverAll(m -> true);

        assertEquals(List.of(COPY + "->" + ORIGINAL + " EXACT_TEXT"), c.notices());
        assertEquals(true, c.noticeAboutArrival.get(0), "the notice is about the copy that just arrived");
        assertEquals(Map.of(ORIGINAL, Decision.Status.UNIQUE), c.passed);
    }

    @Test
    void shouldFollowACopyToItsRecordedOriginal() {
        Cluster c = new Cluster();
        c.arrive("first", "https://daily.example/ferry", STORY, T0);
        c.deliverAll(m -> true);
        c.arrive("second", "https://mirror.example/ferry", STORY, T0 + 60_000);
        c.deliverAll(m -> true);
        // shares only the URL with the second article, which is a copy of the first
        c.arrive("third", "https://mirror.example/ferry?utm_source=feed", OTHER_STORY, T0 + 120_000);
        c.deliverAll(m -> true);

        assertEquals(List.of("second->first EXACT_TEXT", "third->first EXACT_URL"), c.notices());
        assertEquals(Map.of("first", Decision.Status.UNIQUE), c.passed);
    }

    @Test
    void shouldAnswerARedeliveryWithANoticeNamingItselfAndKeepTheFirstVerdict() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.deliverAll(m -> true);
        Arrival again = c.home.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0, T0 + 30_000, 0L);

        assertTrue(again.isRedelivery(), "a re-delivery");
        assertEquals(new Notice(ORIGINAL, ORIGINAL, MatchKind.EXACT_URL, 1.0, true), again.redelivery());
        Arrival withoutUrl = c.home.arrive(ORIGINAL, null, STORY, T0, T0 + 30_000, 0L);
        assertEquals(MatchKind.EXACT_TEXT, withoutUrl.redelivery().kind());
        assertEquals(Map.of(ORIGINAL, Decision.Status.UNIQUE), c.passed);
    }

    @Test
    void shouldRefuseAnArticleWithNothingToDeduplicateOn() {
        Cluster c = new Cluster();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.home.arrive("empty", "not a url", " \n ", T0, T0, 0L));
        assertEquals("article empty has neither a valid URL nor any text to deduplicate on", e.getMessage());
    }

    @Test
    void shouldSendOneProbePerPartitionWithEveryKeyOfThatPartition() {
        Cluster c = new Cluster();
        Arrival arrival = c.home.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0, T0, 0L);

        Set<Integer> partitions = new HashSet<>();
        int keys = 0;
        for (Probe p : arrival.probes()) {
            int partition = ROUTING.partitionOf(p.indexKeys().get(0));
            assertTrue(partitions.add(partition), "one probe per partition, twice " + partition);
            for (byte[] key : p.indexKeys()) {
                assertEquals(partition, ROUTING.partitionOf(key), "every key of a probe lives on its partition");
            }
            keys += p.indexKeys().size();
        }
        assertEquals(18, keys, "URL, text and 16 band keys");
        assertEquals(PARTITIONS, arrival.probes().size());
    }

    @Test
    void shouldPassOnAnArticleWhoseAnswersNeverCameAfterTheTimeoutWithItsReason() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.deliverAll(m -> m.isProbe()); // the PROBED answers are lost
        assertEquals(List.of(), c.home.overdue(599_999L, 600_000L), "still waiting within the timeout");

        List<Decision> given = c.home.overdue(600_000L, 600_000L);
        assertEquals(List.of(new Decision(ORIGINAL, Decision.Status.NOT_CHECKED, List.of(),
                "no deduplication verdict within dedup.answer.timeout.ms=600000 ms: 0 of 18 index keys and 0 of 0 checks answered "
                        + "(a deduplication message was dead-lettered or lost); passed on unchecked")), given);
        c.deliverAll(m -> true);
        assertEquals(Map.of(), c.passed, "answers that come after the timeout are ignored");
        assertEquals(0, c.waiting.size());
    }

    @Test
    void shouldKeepAnotherStoryApart() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.arrive("other", "https://daily.example/swifts", OTHER_STORY, T0);
        c.deliverAll(m -> true);

        assertEquals(List.of(), c.notices());
        assertEquals(Map.of(ORIGINAL, Decision.Status.UNIQUE, "other", Decision.Status.UNIQUE), c.passed);
    }

    @Test
    void shouldFindTheSameCandidatesAfterTheLookupIsRebuiltFromTheFiledKeys() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.arrive("other", "https://daily.example/swifts", OTHER_STORY, T0 + 1_000);
        c.deliverAll(m -> true);
        // one process serves every partition here, so each article's probes merge into one filed record
        assertEquals(2, c.filed.size(), "one filed record per article, not one per key");

        // the lookup is lost (it keeps no changelog) and rebuilt from the filed keys alone
        InMemoryByteStore lookup = new InMemoryByteStore();
        lookup.put(new byte[] {'B', 0, 1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {1, 'x', 0, 0, 0, 1});
        c.index = DedupCoordinator.atIndex(DedupParameters.DEFAULTS, lookup, c.filed);
        assertEquals(2, c.index.rebuildIndex(), "articles filed again");
        assertEquals(16 + 2 + 16 + 2, lookup.size(), "the stale entry is gone, every key of both articles is back");
        c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
        c.deliverAll(m -> true);

        assertEquals(List.of(COPY + "->" + ORIGINAL + " EXACT_TEXT"), c.notices());
    }

    @Test
    void shouldForgetFiledKeysOlderThanTheCutoff() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.deliverAll(m -> true);

        c.index.expire(T0 + 1_000);
        assertEquals(0, c.filed.size(), "filed keys expired");
        assertEquals(0, c.index.rebuildIndex());
    }

    // ---- every order

    /**
     * Two copies arrive at the same time; their messages are then delivered in random orders (every message in
     * flight equally likely next), many times. Whatever the order: one notice for the copy naming the original,
     * the original passed on once, the copy passed on only when it was decided before it could know the original
     * (and then re-pointed by that notice), nothing left waiting. Every kind of outcome must occur, so that the
     * orders explored include the hard ones.
     */
    @Test
    void shouldGiveOneNoticePerCopyInEveryDeliveryOrder() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (long seed = 0; seed < 3_000; seed++) {
            Random random = new Random(seed);
            Cluster c = new Cluster();
            if (random.nextBoolean()) {
                c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
                c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
            } else {
                c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
                c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
            }
            while (!c.inFlight.isEmpty()) {
                c.deliver(c.inFlight.get(random.nextInt(c.inFlight.size())));
            }
            String context = "seed " + seed;
            // the kind depends on the order: a copy that met the original under a band key first says NEAR
            assertEquals(List.of(COPY + "->" + ORIGINAL), c.links(), context);
            assertTrue(c.passed.containsKey(ORIGINAL), context + ": original passed on " + c.passed);
            assertEquals(c.passed.containsKey(COPY), !c.noticeAboutArrival.get(0), context + ": the copy was passed on exactly when "
                    + "its notice re-points it");
            assertEquals(1, c.decisions.stream().filter(d -> d.equals(ORIGINAL)).count(), context + ": the original decided once");
            assertEquals(0, c.waiting.size(), context + ": nothing left waiting");
            outcomes.merge(new TreeMap<>(c.passed).toString(), 1, Integer::sum);
        }
        assertEquals(Set.of("{a-original=ORIGINAL}", "{a-original=UNIQUE}", "{a-original=ORIGINAL, b-copy=UNIQUE}"),
                outcomes.keySet(), "outcomes seen: " + outcomes);
    }

    // ---- a cluster in one process, messages in the test's hands

    /** A message in flight: exactly one of the three is set. */
    static final class Message {
        final Probe probe;
        final Check check;
        final Answer answer;
        final long eventTime;

        Message(Probe probe, Check check, Answer answer, long eventTime) {
            this.probe = probe;
            this.check = check;
            this.answer = answer;
            this.eventTime = eventTime;
        }

        boolean isProbe() {
            return probe != null;
        }

        boolean isCheck() {
            return check != null;
        }

        boolean isAnswer() {
            return answer != null;
        }

        @Override
        public String toString() {
            return isProbe() ? "probe " + probe.articleId() + " @" + ROUTING.partitionOf(probe.indexKeys().get(0))
                    : isCheck() ? "check " + check.probeId() + "?" + check.candidateId() : "answer " + answer;
        }
    }

    /**
     * The homes and the key partitions share one process: the home part and the index part of the coordinator on
     * in-memory state, with the messages between them kept in a list the test delivers from.
     */
    static final class Cluster {
        final InMemoryWaitingArticles waiting = new InMemoryWaitingArticles();
        final DedupCoordinator home = DedupCoordinator.atHome(DedupParameters.DEFAULTS, ROUTING, new InMemoryByteStore(), waiting);
        final InMemoryByteStore filed = new InMemoryByteStore();
        DedupCoordinator index = DedupCoordinator.atIndex(DedupParameters.DEFAULTS, new InMemoryByteStore(), filed);
        final List<Message> inFlight = new ArrayList<>();
        final Map<String, Decision.Status> passed = new LinkedHashMap<>();
        final List<Notice> noticeList = new ArrayList<>();
        final List<Boolean> noticeAboutArrival = new ArrayList<>();
        final List<String> decisions = new ArrayList<>();

        void arrive(String id, String url, String body, long publishedAt) {
            Arrival arrival = home.arrive(id, url, body, publishedAt, T0, 0L);
            arrival.probes().forEach(p -> inFlight.add(new Message(p, null, null, T0)));
        }

        /**
         * Both copies arrive; on the first partition their keys share, the original's probe is served first, on
         * all the others the copy's, so that each finds the other under some key. Checks and answers stay in flight.
         */
        void meet() {
            arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
            arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
            Map<Integer, Message> originals = new TreeMap<>();
            Map<Integer, Message> copies = new TreeMap<>();
            for (Message m : List.copyOf(inFlight)) {
                (m.probe.articleId().equals(ORIGINAL) ? originals : copies).put(ROUTING.partitionOf(m.probe.indexKeys().get(0)), m);
            }
            boolean first = true;
            for (Map.Entry<Integer, Message> e : originals.entrySet()) {
                Message copy = copies.get(e.getKey());
                if (first) {
                    deliver(e.getValue());
                    deliver(copy);
                    first = false;
                } else {
                    deliver(copy);
                    deliver(e.getValue());
                }
            }
            assertTrue(inFlight.stream().anyMatch(m -> m.isCheck() && m.check.probeId().equals(ORIGINAL))
                    && inFlight.stream().anyMatch(m -> m.isCheck() && m.check.probeId().equals(COPY)),
                    "each article found the other under some key: " + inFlight);
        }

        void deliverAll(Predicate<Message> which) {
            List<Message> chosen;
            while (!(chosen = inFlight.stream().filter(which).toList()).isEmpty()) {
                chosen.forEach(this::deliver);
            }
        }

        void deliver(Message m) {
            assertTrue(inFlight.remove(m), "delivered once: " + m);
            if (m.isProbe()) {
                Served served = index.serve(m.probe, m.eventTime);
                served.checks().forEach(c -> inFlight.add(new Message(null, c, null, m.eventTime)));
                inFlight.add(new Message(null, null, served.answer(), m.eventTime));
            } else if (m.isCheck()) {
                inFlight.add(new Message(null, null, home.check(m.check), m.eventTime));
            } else {
                home.answer(m.answer).ifPresent(this::record);
            }
        }

        private void record(Decision d) {
            decisions.add(d.articleId());
            if (d.passesOn()) {
                assertEquals(null, passed.put(d.articleId(), d.status()), "passed on once: " + d.articleId());
            }
            for (Notice n : d.notices()) {
                noticeList.add(n);
                noticeAboutArrival.add(n.aboutArrival());
            }
        }

        List<String> notices() {
            return noticeList.stream().map(n -> n.copyId() + "->" + n.originalId() + " " + n.kind()).toList();
        }

        List<String> links() {
            return noticeList.stream().map(n -> n.copyId() + "->" + n.originalId()).toList();
        }

        void assertOneNoticeAndTheOriginalPassedOnOnce() {
            assertEquals(List.of(COPY + "->" + ORIGINAL), links(), "notices");
            assertEquals(Map.of(ORIGINAL, Decision.Status.ORIGINAL), passed, "articles passed on");
            assertEquals(0, waiting.size(), "nothing left waiting");
            assertEquals(List.of(), inFlight, "nothing in flight");
        }
    }
}
