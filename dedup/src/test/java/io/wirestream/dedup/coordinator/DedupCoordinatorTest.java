package io.wirestream.dedup.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.FiledKeys;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.InMemoryByteStore;
import io.wirestream.dedup.MatchKind;
import java.nio.charset.StandardCharsets;
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
        c.deliverAll(m -> m.isCheck() && m.about(COPY));
        c.deliverAll(m -> m.isAnswer() && m.about(COPY));
        assertEquals(List.of(COPY + "->" + ORIGINAL), c.links(), "the copy decided");
        c.deliverAll(m -> true);

        c.assertOneNoticeAndTheOriginalPassedOnOnce();
    }

    @Test
    void shouldNoticeTheCopyOnceWhenTheOriginalDecidesBeforeTheCopysChecksArrive() {
        Cluster c = new Cluster();
        c.meet();
        c.deliverAll(m -> m.isCheck() && m.about(ORIGINAL));
        c.deliverAll(m -> m.isAnswer() && m.about(ORIGINAL));
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
        Arrival again = c.homeOf(ORIGINAL).arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0, T0 + 30_000, 0L);

        assertTrue(again.isRedelivery(), "a re-delivery");
        assertEquals(new Notice(ORIGINAL, ORIGINAL, MatchKind.EXACT_URL, 1.0, true), again.redelivery());
        Arrival withoutUrl = c.homeOf(ORIGINAL).arrive(ORIGINAL, null, STORY, T0, T0 + 30_000, 0L);
        assertEquals(MatchKind.EXACT_TEXT, withoutUrl.redelivery().kind());
        assertEquals(Map.of(ORIGINAL, Decision.Status.UNIQUE), c.passed);
    }

    @Test
    void shouldRefuseAnArticleWithNothingToDeduplicateOn() {
        Cluster c = new Cluster();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.homes.get(0).arrive("empty", "not a url", " \n ", T0, T0, 0L));
        assertEquals("article empty has neither a valid URL nor any text to deduplicate on", e.getMessage());
    }

    @Test
    void shouldSendOneProbePerPartitionWithEveryKeyOfThatPartition() {
        Cluster c = new Cluster();
        Arrival arrival = c.homes.get(0).arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0, T0, 0L);

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
        assertEquals(List.of(), c.homeOf(ORIGINAL).overdue(599_999L, 600_000L), "still waiting within the timeout");

        List<Decision> given = c.homeOf(ORIGINAL).overdue(600_000L, 600_000L);
        assertEquals(List.of(new Decision(ORIGINAL, Decision.Status.NOT_CHECKED, List.of(),
                "no deduplication verdict within dedup.answer.timeout.ms=600000 ms: 0 of 18 index keys and 0 of 0 checks answered "
                        + "(a deduplication message was dead-lettered or lost); passed on unchecked")), given);
        c.deliverAll(m -> true);
        assertEquals(Map.of(), c.passed, "answers that come after the timeout are ignored");
        assertEquals(0, c.waiting());
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
        c.park(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.park("first", "https://daily.example/swifts", OTHER_STORY, T0 + 1_000);
        c.flush();
        c.deliverAll(m -> true);
        for (int p = 0; p < PARTITIONS; p++) {
            assertEquals(1, c.filed.get(p).size(), "one filed record per batch and partition, not one per article or key");
        }

        // the lookups are lost (they keep no changelog) and rebuilt from the filed keys alone
        int refiled = 0;
        int entries = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            InMemoryByteStore lookup = new InMemoryByteStore();
            lookup.put(new byte[] {'B', 0, 1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {1, 'x', 0, 0, 0, 1});
            c.indexes.set(p, DedupCoordinator.atIndex(DedupParameters.DEFAULTS, Cluster.HOMES, lookup, c.filed.get(p)));
            refiled += c.indexes.get(p).rebuildIndex();
            entries += lookup.size();
        }
        assertEquals(2 * PARTITIONS, refiled, "both articles filed again on every partition");
        assertEquals(16 + 2 + 16 + 2, entries, "the stale entries are gone, every key of both articles is back");
        c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
        c.deliverAll(m -> true);

        assertEquals(List.of(COPY + "->" + ORIGINAL + " EXACT_TEXT"), c.notices());
    }

    @Test
    void shouldRebuildTheLookupFromFiledRecordsWrittenBeforeProbesWereBatched() {
        InMemoryByteStore filed = new InMemoryByteStore();
        byte[] key = IndexCodec.indexKeys(new io.wirestream.dedup.SignatureFactory(DedupParameters.DEFAULTS)
                .sign(ORIGINAL, "https://daily.example/ferry", STORY, T0)).get(0);
        filed.put(IndexCodec.id(ORIGINAL), IndexCodec.filed(new FiledKeys(T0 / 1000, List.of(key))));
        InMemoryByteStore lookup = new InMemoryByteStore();
        DedupCoordinator index = DedupCoordinator.atIndex(DedupParameters.DEFAULTS, Cluster.HOMES, lookup, filed);

        assertEquals(1, index.rebuildIndex());
        List<HomeBatch> served = index.serve(new ProbeBatch(1, 7L, 0, List.of(new Probe(COPY, List.of(key), null, T0 + 1, T0 + 1)))); 
        assertEquals(List.of(ORIGINAL), served.stream().flatMap(b -> b.checks().stream()).map(Check::candidateId).toList(),
                "the article filed in the old layout is found");
        index.expire(T0 + 10_000);
        assertEquals(0, filed.size(), "both layouts expire");
    }

    @Test
    void shouldForgetFiledKeysOlderThanTheCutoff() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.deliverAll(m -> true);

        for (int p = 0; p < PARTITIONS; p++) {
            c.indexes.get(p).expire(T0 + 1_000);
            assertEquals(0, c.filed.get(p).size(), "filed keys expired");
            assertEquals(0, c.indexes.get(p).rebuildIndex());
        }
    }

    // ---- batches

    @Test
    void shouldSendTheArticlesOfABatchInOneMessagePerIndexPartition() {
        Cluster c = new Cluster();
        DedupCoordinator home = c.homes.get(0);
        home.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0, T0, 0L, 5L, (byte[]) null);
        home.arrive("other", "https://daily.example/swifts", OTHER_STORY, T0, T0, 0L, 5L, (byte[]) null);

        List<ProbeBatch> sent = home.flush(0);
        assertEquals(PARTITIONS, sent.size(), "one batch per index partition");
        for (ProbeBatch b : sent) {
            assertEquals(5L, b.batch());
            assertEquals(0, b.home());
            assertEquals(List.of(ORIGINAL, "other"), b.probes().stream().map(Probe::articleId).toList(), "in arrival order");
            b.probes().forEach(p -> p.indexKeys().forEach(k -> assertEquals(b.partition(), ROUTING.partitionOf(k))));
        }
        assertEquals(36, sent.stream().flatMap(b -> b.probes().stream()).mapToInt(p -> p.indexKeys().size()).sum(), "every key once");
        assertEquals(List.of(), home.flush(0), "a flushed batch is not sent again");
        assertTrue(c.waitings.get(0).all().stream().allMatch(w -> w.sent() && w.indexKeys().isEmpty() && w.sketch() == null),
                "sent articles keep no keys or sketch while they wait");
    }

    @Test
    void shouldSendOnlyTheNamedBatchWhenFlushingOneBatch() {
        InMemoryWaitingArticles waiting = new InMemoryWaitingArticles();
        DedupCoordinator home = DedupCoordinator.atHome(DedupParameters.DEFAULTS, ROUTING, new InMemoryByteStore(), waiting);
        home.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0, T0, 0L, 5L, (byte[]) null);
        home.arrive("other", "https://daily.example/swifts", OTHER_STORY, T0, T0, 0L, 6L, (byte[]) null);

        List<ProbeBatch> open = home.flush(0, 6L);
        assertTrue(!open.isEmpty() && open.stream().allMatch(b -> b.batch() == 6L), "the named batch only: " + open);
        assertEquals(Set.of("other"), open.stream().flatMap(b -> b.probes().stream()).map(Probe::articleId).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(ORIGINAL), waiting.unsent().stream().map(Waiting::id).toList(), "the other batch stays unsent");
        assertEquals(List.of(), home.flush(0, 6L), "a flushed batch is not sent again");

        List<ProbeBatch> rest = home.flush(0);
        assertTrue(!rest.isEmpty() && rest.stream().allMatch(b -> b.batch() == 5L && b.probes().size() == 1
                && b.probes().get(0).articleId().equals(ORIGINAL)), "the full flush sends what was left: " + rest);
        assertEquals(List.of(), waiting.unsent());
    }

    @Test
    void shouldGiveTheSameOutcomeWhenEveryBatchIsDeliveredTwice() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
        while (!c.inFlight.isEmpty()) {
            Message m = c.inFlight.get(0);
            c.deliverAndKeep(m);
            c.deliver(m);
        }

        assertEquals(List.of(COPY + "->" + ORIGINAL), c.links(), "one notice");
        assertEquals(Map.of(ORIGINAL, Decision.Status.UNIQUE), c.passed, "the original passed on once, decided before the copy came");
        assertEquals(Set.of(ORIGINAL, COPY), Set.copyOf(c.decisions));
        assertEquals(2, c.decisions.size(), "each decided once");
        assertEquals(0, c.waiting());
        assertEquals("article " + ORIGINAL, c.payloads.get(ORIGINAL), "the parked payload comes back with the decision");
        for (int p = 0; p < PARTITIONS; p++) {
            assertEquals(2, c.filed.get(p).size(), "one record per batch, however often it came");
        }
    }

    @Test
    void shouldAnswerAProbeBatchServedAgainAsTheFirstTimeWithoutFilingItTwice() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        Message first = c.inFlight.get(0);
        int partition = first.probes.partition();
        c.deliverAndKeep(first);
        byte[] filedOnce = c.filed.get(partition).get(IndexCodec.filedBatchKey(first.probes.home(), first.probes.batch(), partition));
        c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
        c.deliverAll(m -> m.isProbe() && m.about(COPY) && m.probes.partition() == partition);

        // served again after the copy was filed there: the same answer as the first time, no check of the copy (which
        // would hand the original to the copy as if the original were still waiting for it)
        List<HomeBatch> again = c.indexes.get(partition).serve(first.probes);
        assertEquals(filedOnce.length, c.filed.get(partition).get(IndexCodec.filedBatchKey(first.probes.home(), first.probes.batch(), partition)).length,
                "nothing filed twice");
        assertEquals(List.of(List.of()), again.stream().flatMap(b -> b.answers().stream()).map(Answer::candidates).toList());
        assertEquals(List.of(), again.stream().flatMap(b -> b.checks().stream()).toList());
        c.inFlight.remove(first);
        again.forEach(b -> c.inFlight.add(new Message(null, b, "index " + partition)));
        c.deliverAll(m -> true);

        assertEquals(List.of(COPY + "->" + ORIGINAL), c.links(), "one notice");
        assertTrue(c.passed.containsKey(ORIGINAL), "the original passed on: " + c.passed);
        assertEquals(0, c.waiting());
    }

    @Test
    void shouldHandOverOnceWhenTheSameCheckComesTwice() {
        Cluster c = new Cluster();
        DedupCoordinator copyHome = c.homeOf(COPY);
        c.arrive(COPY, "https://mirror.example/ferry", STORY, T0 + 60_000);
        Check check = new Check(ORIGINAL, T0, 0, 1, COPY, MatchKind.EXACT_TEXT, null);

        Answer first = copyHome.check(check);
        Answer second = copyHome.check(check);
        assertEquals(1, c.waitings.get(1).get(COPY).findings().size(), "the original handed over once");
        assertEquals(first.checkId(), second.checkId());
        assertEquals(false, first.findings().get(0).noticeOwed(), "the copy was waiting: it accounts for the pair itself");
    }

    @Test
    void shouldKeepWaitingUntilEveryPartitionAnsweredWhateverTheKeyCounts() {
        Cluster c = new Cluster();
        c.arrive(ORIGINAL, "https://daily.example/ferry", STORY, T0);
        List<Message> probes = List.copyOf(c.inFlight);
        c.deliver(probes.get(0));
        Message answer = c.inFlight.stream().filter(Message::isAnswer).findFirst().orElseThrow();
        for (int i = 0; i < PARTITIONS; i++) {
            c.deliverAndKeep(answer); // one partition's answer, many times: still waiting for the others
        }
        assertEquals(Map.of(), c.passed);
        assertEquals(1, c.waiting());
        c.deliverAll(m -> true);
        assertEquals(Map.of(ORIGINAL, Decision.Status.UNIQUE), c.passed);
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
        everyOrder(false);
    }

    /** The same, with one message in five delivered again later (a batch that survived a crash and came twice). */
    @Test
    void shouldGiveOneNoticePerCopyInEveryDeliveryOrderWhenBatchesComeTwice() {
        everyOrder(true);
    }

    private static void everyOrder(boolean duplicates) {
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
                // without duplicates any message may come next; with them, the next of any channel (Kafka's order per
                // partition), the duplicate after the first delivery, as a replay would come
                List<Message> next = duplicates ? c.channelHeads() : c.inFlight;
                Message m = next.get(random.nextInt(next.size()));
                if (duplicates && random.nextInt(5) == 0) {
                    c.deliverAndKeep(m);
                } else {
                    c.deliver(m);
                }
            }
            String context = "seed " + seed + "\n" + String.join("\n", c.trace) + "\n";
            // the kind depends on the order: a copy that met the original under a band key first says NEAR
            assertEquals(List.of(COPY + "->" + ORIGINAL), c.links(), context);
            assertTrue(c.passed.containsKey(ORIGINAL), context + ": original passed on " + c.passed);
            assertEquals(c.passed.containsKey(COPY), !c.noticeAboutArrival.get(0), context + ": the copy was passed on exactly when "
                    + "its notice re-points it");
            assertEquals(1, c.decisions.stream().filter(d -> d.equals(ORIGINAL)).count(), context + ": the original decided once");
            assertEquals(1, c.decisions.stream().filter(d -> d.equals(COPY)).count(), context + ": the copy decided once");
            assertEquals(0, c.waiting(), context + ": nothing left waiting");
            outcomes.merge(new TreeMap<>(c.passed).toString(), 1, Integer::sum);
        }
        assertEquals(Set.of("{a-original=ORIGINAL}", "{a-original=UNIQUE}", "{a-original=ORIGINAL, b-copy=UNIQUE}"),
                outcomes.keySet(), "outcomes seen: " + outcomes);
    }

    // ---- a cluster in one process, messages in the test's hands

    /** A message in flight: a probe batch for an index partition, or a batch for a home partition. */
    static final class Message {
        final ProbeBatch probes;
        final HomeBatch home;
        /** Sender and receiver partitions: Kafka keeps the order of the messages on one channel. */
        final String channel;

        Message(ProbeBatch probes, HomeBatch home, String from) {
            this.probes = probes;
            this.home = home;
            this.channel = from + "->" + (probes != null ? "index " + probes.partition() : "home " + home.home());
        }

        boolean isProbe() {
            return probes != null;
        }

        boolean isCheck() {
            return home != null && !home.checks().isEmpty();
        }

        boolean isAnswer() {
            return home != null && home.checks().isEmpty();
        }

        /** Whether this message concerns the article: probes it, checks for it, or answers it. */
        boolean about(String id) {
            if (probes != null) {
                return probes.probes().stream().anyMatch(p -> p.articleId().equals(id));
            }
            return home.checks().stream().anyMatch(c -> c.probeId().equals(id))
                    || home.answers().stream().anyMatch(a -> a.articleId().equals(id));
        }

        @Override
        public String toString() {
            return isProbe() ? "probes " + probes.probes().stream().map(Probe::articleId).toList() + " @" + probes.partition()
                    : "to home " + home.home() + ": checks " + home.checks().stream().map(c -> c.probeId() + "?" + c.candidateId()).toList()
                    + ", answers " + home.answers().stream().map(a -> a.articleId() + " " + a.type() + " @" + a.partition()).toList();
        }
    }

    /**
     * Two homes and {@link #PARTITIONS} index partitions share one process: the home parts and the index parts of
     * the coordinator on in-memory state, each with its own stores, with the messages between them kept in a list
     * the test delivers from. The original and the copy live on different homes.
     */
    static final class Cluster {
        static final IdRouting HOMES = id -> id.equals(ORIGINAL) || id.equals("first") ? 0 : id.equals(COPY) ? 1 : Math.floorMod(id.hashCode(), 2);
        final List<InMemoryWaitingArticles> waitings = List.of(new InMemoryWaitingArticles(), new InMemoryWaitingArticles());
        final List<DedupCoordinator> homes = List.of(
                DedupCoordinator.atHome(DedupParameters.DEFAULTS, ROUTING, new InMemoryByteStore(), waitings.get(0)),
                DedupCoordinator.atHome(DedupParameters.DEFAULTS, ROUTING, new InMemoryByteStore(), waitings.get(1)));
        final List<InMemoryByteStore> filed = new ArrayList<>();
        final List<InMemoryByteStore> lookups = new ArrayList<>();
        final List<DedupCoordinator> indexes = new ArrayList<>();
        final List<Message> inFlight = new ArrayList<>();
        final Map<String, Decision.Status> passed = new LinkedHashMap<>();
        final List<Notice> noticeList = new ArrayList<>();
        final List<Boolean> noticeAboutArrival = new ArrayList<>();
        final List<String> decisions = new ArrayList<>();
        final Map<String, String> payloads = new LinkedHashMap<>();
        long nextBatch = 100;
        final List<String> trace = new ArrayList<>();

        Cluster() {
            for (int p = 0; p < PARTITIONS; p++) {
                filed.add(new InMemoryByteStore());
                lookups.add(new InMemoryByteStore());
                indexes.add(DedupCoordinator.atIndex(DedupParameters.DEFAULTS, HOMES, lookups.get(p), filed.get(p)));
            }
        }

        DedupCoordinator homeOf(String id) {
            return homes.get(HOMES.homeOf(id));
        }

        /** The first message in flight on each channel. */
        List<Message> channelHeads() {
            Map<String, Message> heads = new LinkedHashMap<>();
            inFlight.forEach(m -> heads.putIfAbsent(m.channel, m));
            return List.copyOf(heads.values());
        }

        int waiting() {
            return waitings.get(0).size() + waitings.get(1).size();
        }

        /** The article arrives at its home and its batch is sent at once. */
        void arrive(String id, String url, String body, long publishedAt) {
            park(id, url, body, publishedAt);
            flush();
        }

        /** The article arrives at its home and joins the open batch there. */
        void park(String id, String url, String body, long publishedAt) {
            homeOf(id).arrive(id, url, body, publishedAt, T0, 0L, nextBatch, ("article " + id).getBytes(StandardCharsets.UTF_8));
        }

        /** Every home sends its open batch; the next arrivals form new batches. */
        void flush() {
            for (int h = 0; h < homes.size(); h++) {
                int from = h;
                homes.get(h).flush(h).forEach(b -> inFlight.add(new Message(b, null, "home " + from)));
            }
            nextBatch++;
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
                (m.about(ORIGINAL) ? originals : copies).put(m.probes.partition(), m);
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
            assertTrue(inFlight.stream().anyMatch(m -> m.isCheck() && m.home.checks().stream().anyMatch(c -> c.probeId().equals(ORIGINAL)))
                    && inFlight.stream().anyMatch(m -> m.isCheck() && m.home.checks().stream().anyMatch(c -> c.probeId().equals(COPY))),
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
            handle(m);
        }

        /** Delivers without taking the message out of flight: it will be delivered again. */
        void deliverAndKeep(Message m) {
            assertTrue(inFlight.contains(m), "in flight: " + m);
            handle(m);
        }

        private void handle(Message m) {
            trace.add(m.toString());
            if (m.isProbe()) {
                indexes.get(m.probes.partition()).serve(m.probes).forEach(b -> inFlight.add(new Message(null, b, "index " + m.probes.partition())));
            } else {
                Received r = homes.get(m.home.home()).receive(m.home);
                r.replies().forEach(b -> inFlight.add(new Message(null, b, "home " + m.home.home())));
                r.decisions().forEach(this::record);
            }
        }

        private void record(Decision d) {
            decisions.add(d.articleId());
            trace.add("decided " + d.articleId() + " " + d.status() + " " + d.notices());
            payloads.put(d.articleId(), d.payload() == null ? null : new String(d.payload(), StandardCharsets.UTF_8));
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
            assertEquals(0, waiting(), "nothing left waiting");
            assertEquals(List.of(), inFlight, "nothing in flight");
        }
    }
}
