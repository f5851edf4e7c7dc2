package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.ArticleRef;
import io.wirestream.dedup.ArticleSignature;
import io.wirestream.dedup.ByteStore;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.FiledKeys;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.Match;
import io.wirestream.dedup.MatchKind;
import io.wirestream.dedup.MinHashSignature;
import io.wirestream.dedup.NearDuplicateIndex;
import io.wirestream.dedup.SignatureFactory;
import io.wirestream.dedup.UrlCanonicalizer;
import io.wirestream.dedup.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deduplication protocol, independent of where its messages travel: scatter/gather over index keys, so
 * that an article meets its copies where their keys live, whichever home (partition, instance) each id has.
 *
 * <pre>
 * home of the article     {@link #arrive}  registers its signature, starts waiting, sends one {@link Probe} per
 *                                          partition that owns some of its index keys
 * partition of the keys   {@link #serve}   files the article under the keys; a {@link Check} per candidate found
 *                                          there, and one PROBED {@link Answer} to the article's home
 * home of a candidate     {@link #check}   confirms or rejects the candidate; a CHECKED {@link Answer}
 * home of the article     {@link #answer}  counts answers; once all are in, the {@link Decision}
 * </pre>
 *
 * <p>Rules:
 * <ul>
 *   <li>The original is the earliest published of the article and everything it matched (then the lowest id),
 *       so the verdict does not depend on arrival order ({@link io.wirestream.dedup.VerdictRule}).</li>
 *   <li><b>One notice per copy, whoever finds whom.</b> A check lands where the candidate waits for its own
 *       verdict. If the candidate is still waiting, the probing article is handed to it as a finding, so the
 *       candidate decides with the pair in view, and the probing article owes it nothing. If the candidate is a
 *       copy, it has its notice already. Only a candidate that was passed on is owed a notice by a probing
 *       article that turns out to be its original (a late original). Two copies that find each other at once,
 *       on different keys in different orders, so produce one notice, not two.</li>
 *   <li>A re-delivery (an id registered inside the window) keeps its first verdict and gets a notice naming
 *       itself as its original.</li>
 *   <li>An article whose answers do not all arrive within a timeout is passed on NOT_CHECKED ({@link #overdue}).</li>
 * </ul>
 *
 * <p>State: the signatures and the waiting articles live at article homes, the index keys at their partitions
 * (a lookup from key to articles, and per article the keys it is filed under, from which the lookup is rebuilt)
 * ({@link #atHome}, {@link #atIndex}); one coordinator with all three serves a single process. Messages may be
 * delivered in any order; each must be delivered once (the streaming stage gets that from exactly-once
 * processing). Not thread-safe.
 */
public final class DedupCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(DedupCoordinator.class);

    private final DedupParameters parameters;
    private final SignatureFactory factory;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final IndexRouting routing;
    private final NearDuplicateIndex homeIndex;
    private final NearDuplicateIndex keyIndex;
    private final ByteStore lookup;
    private final ByteStore filed;
    private final WaitingArticles waiting;

    /**
     * @param signatures article ids to stored signatures (at homes), or null where no article lives
     * @param keys       index keys to filed articles (at key partitions), or null where no key lives: a lookup
     *                   that {@link #rebuildIndex} rebuilds from {@code filed}, so it needs no durability of its own
     * @param filed      article ids to the keys each is filed under on this partition ({@link FiledKeys}): the
     *                   durable form of the index, one record per article; null exactly when {@code keys} is
     * @param waiting    the articles waiting for their verdicts (at homes), or null where no article lives
     */
    public DedupCoordinator(DedupParameters parameters, IndexRouting routing, ByteStore signatures, ByteStore keys,
                            ByteStore filed, WaitingArticles waiting) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.factory = new SignatureFactory(parameters);
        this.routing = Objects.requireNonNull(routing, "routing");
        if ((signatures == null) != (waiting == null)) {
            throw new IllegalArgumentException("signatures and waiting articles live together at article homes");
        }
        this.homeIndex = signatures == null ? null : NearDuplicateIndex.signaturesOnly(parameters, signatures);
        if ((keys == null) != (filed == null)) {
            throw new IllegalArgumentException("the key lookup and the filed keys live together at index partitions");
        }
        this.keyIndex = keys == null ? null : NearDuplicateIndex.keysOnly(parameters, keys);
        this.lookup = keys;
        this.filed = filed;
        this.waiting = waiting;
    }

    /** The part that runs where article ids live: {@link #arrive}, {@link #check}, {@link #answer}, {@link #overdue}. */
    public static DedupCoordinator atHome(DedupParameters parameters, IndexRouting routing, ByteStore signatures,
                                          WaitingArticles waiting) {
        return new DedupCoordinator(parameters, routing, Objects.requireNonNull(signatures, "signatures"), null, null,
                Objects.requireNonNull(waiting, "waiting"));
    }

    /** The part that runs where index keys live: {@link #serve}, {@link #rebuildIndex}. */
    public static DedupCoordinator atIndex(DedupParameters parameters, ByteStore keys, ByteStore filed) {
        return new DedupCoordinator(parameters, key -> {
            throw new IllegalStateException("the index part of the coordinator does not route probes");
        }, null, Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(filed, "filed"), null);
    }

    private NearDuplicateIndex home() {
        if (homeIndex == null) {
            throw new IllegalStateException("this part of the coordinator holds no article homes: use atHome");
        }
        return homeIndex;
    }

    private NearDuplicateIndex keys() {
        if (keyIndex == null) {
            throw new IllegalStateException("this part of the coordinator holds no index keys: use atIndex");
        }
        return keyIndex;
    }

    public DedupParameters parameters() {
        return parameters;
    }

    /**
     * An article arrives at its home.
     *
     * @param publishedAt publication time in epoch millis (fetch time when unknown)
     * @param eventTime   the record's event time, by which its signature and index entries expire
     * @param wallClock   now, by which its wait is timed
     * @throws IllegalArgumentException when the article has neither a usable URL nor any text
     */
    public Arrival arrive(String id, String url, String body, long publishedAt, long eventTime, long wallClock) {
        NearDuplicateIndex index = home();
        if (index.isRegistered(id)) {
            boolean byUrl = urls.canonicalize(url).isPresent();
            return Arrival.redelivered(new Notice(id, id, byUrl ? MatchKind.EXACT_URL : MatchKind.EXACT_TEXT, 1.0, true));
        }
        ArticleSignature signature = factory.sign(id, url, body, publishedAt);
        List<byte[]> keys = IndexCodec.indexKeys(signature);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("article " + id + " has neither a valid URL nor any text to deduplicate on");
        }
        index.register(signature, eventTime);
        waiting.put(Waiting.start(signature.ref(), keys.size(), wallClock));
        Map<Integer, List<byte[]>> groups = new LinkedHashMap<>();
        for (byte[] key : keys) {
            groups.computeIfAbsent(routing.partitionOf(key), p -> new ArrayList<>()).add(key);
        }
        MinHashSignature sketch = signature.minHash().orElse(null);
        List<Probe> probes = new ArrayList<>(groups.size());
        groups.forEach((partition, group) -> probes.add(new Probe(id, group, sketch, signature.ref().publishedAt())));
        return new Arrival(null, signature.canonicalUrl().orElse(null), signature.textFingerprint().orElse(null), probes);
    }

    /**
     * A probe arrives where its keys live: files the article under each key and finds the articles filed there
     * before, one check per distinct candidate with the strongest kind of key they share.
     *
     * @param eventTime the probe's event time (that of the article), by which the entries expire
     */
    public Served serve(Probe probe, long eventTime) {
        NearDuplicateIndex index = keys();
        Map<String, MatchKind> candidates = new LinkedHashMap<>();
        for (byte[] key : probe.indexKeys()) {
            MatchKind kind = IndexCodec.kindOf(key);
            for (String candidate : index.probe(key, probe.articleId(), eventTime)) {
                candidates.merge(candidate, kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        file(probe.articleId(), probe.indexKeys(), eventTime);
        List<Check> checks = new ArrayList<>(candidates.size());
        candidates.forEach((candidate, kind) ->
                checks.add(new Check(probe.articleId(), probe.publishedAt(), candidate, kind, probe.sketch())));
        return new Served(checks, Answer.probed(probe.articleId(), probe.indexKeys().size(), checks.size()));
    }

    /** Records durably that the article is filed under these keys here (merged with keys of an earlier probe). */
    private void file(String articleId, List<byte[]> keys, long eventTime) {
        byte[] id = IndexCodec.id(articleId);
        byte[] before = filed.get(id);
        long second = Math.max(0, eventTime) / 1000;
        List<byte[]> all = new ArrayList<>(keys);
        if (before != null) {
            FiledKeys earlier = IndexCodec.filed(before);
            second = earlier.insertedAtSecond();
            all = new ArrayList<>(earlier.keys());
            int known = all.size();
            for (byte[] key : keys) {
                if (all.stream().noneMatch(k -> Arrays.equals(k, key))) {
                    all.add(key);
                }
            }
            if (all.size() == known) {
                return; // the same probe again: nothing new to record
            }
        }
        filed.put(id, IndexCodec.filed(new FiledKeys(second, all)));
    }

    /**
     * Rebuilds the key lookup from the filed keys: clears it, then files every article again in the order of its
     * filing time (then id). To be called where the lookup may not match the durable filed keys: after state was
     * restored, or at every start, since the lookup keeps no changelog.
     *
     * @return the number of articles filed again
     */
    public int rebuildIndex() {
        NearDuplicateIndex index = keys();
        lookup.rewriteAll((key, value) -> null);
        List<Map.Entry<String, FiledKeys>> all = new ArrayList<>();
        filed.rewriteAll((key, value) -> {
            all.add(Map.entry(IndexCodec.id(key), IndexCodec.filed(value)));
            return value;
        });
        all.sort(Comparator.<Map.Entry<String, FiledKeys>>comparingLong(e -> e.getValue().insertedAtSecond())
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, FiledKeys> e : all) {
            for (byte[] key : e.getValue().keys()) {
                index.probe(key, e.getKey(), e.getValue().insertedAtSecond() * 1000);
            }
        }
        return all.size();
    }

    /**
     * A check arrives at the candidate's home: confirms or rejects the candidate, hands the probing article over
     * to the candidate when the candidate is still waiting, and answers the probing article, always (it counts
     * answers).
     */
    public Answer check(Check check) {
        // verify() gives the direct match first, then the candidate's recorded original when it is a copy
        List<Match> confirmed = home().verify(check.candidateId(), check.kind(), check.sketch());
        List<Finding> findings = new ArrayList<>(confirmed.size());
        for (int i = 0; i < confirmed.size(); i++) {
            Match m = confirmed.get(i);
            boolean noticeOwed = true;
            if (i == 0) {
                boolean candidateIsCopy = confirmed.size() > 1;
                boolean handedOver = handOver(check, m);
                noticeOwed = !candidateIsCopy && !handedOver;
            }
            findings.add(new Finding(m, noticeOwed));
        }
        return Answer.checked(check.probeId(), findings);
    }

    /**
     * When the candidate is still waiting, adds the probing article to its findings (a confirmed match is
     * symmetric: same kind, same similarity); the candidate owes it no notice either, since the probing article
     * decides with the candidate in view too.
     *
     * @return whether the candidate was waiting and now has the probing article in view
     */
    private boolean handOver(Check check, Match confirmed) {
        if (check.probePublishedAt() == null) {
            return false; // written before probes carried their publication time: the probing article decides
        }
        Waiting candidate = waiting.get(check.candidateId());
        if (candidate == null) {
            return false;
        }
        ArticleRef probing = new ArticleRef(check.probeId(), check.probePublishedAt());
        waiting.put(candidate.handedOver(new Finding(new Match(probing, confirmed.kind(), confirmed.similarity()), false)));
        return true;
    }

    /**
     * An answer arrives at the probing article's home.
     *
     * @return the decision once every probe and check has answered; empty while answers are missing, and for an
     * answer to an article that no longer waits (given up, or a duplicate delivery), which is ignored
     */
    public Optional<Decision> answer(Answer answer) {
        Waiting w = waiting.get(answer.articleId());
        if (w == null) {
            LOG.warn("deduplication answer for article {}, which is not waiting for one: ignored", answer.articleId());
            return Optional.empty();
        }
        w = answer.type() == Answer.Type.PROBED ? w.probed(answer.keysServed(), answer.checksSent()) : w.checked(answer.findings());
        if (!w.complete()) {
            waiting.put(w);
            return Optional.empty();
        }
        waiting.remove(w.id());
        return Optional.of(decide(w));
    }

    private Decision decide(Waiting w) {
        List<Match> matches = new ArrayList<>(w.findings().size());
        Set<String> informed = new HashSet<>();
        for (Finding f : w.findings()) {
            if (!f.noticeOwed()) {
                informed.add(f.match().candidate().id());
            }
            matches.add(f.match());
        }
        Verdict verdict = home().decide(w.article(), matches);
        return switch (verdict.status()) {
            case UNIQUE -> new Decision(w.id(), Decision.Status.UNIQUE, List.of(), null);
            case COPY -> {
                Match original = verdict.original().orElseThrow();
                yield new Decision(w.id(), Decision.Status.COPY, List.of(new Notice(w.id(), original.candidate().id(),
                        original.kind(), original.similarity(), true)), null);
            }
            case ORIGINAL -> {
                List<Notice> notices = new ArrayList<>();
                for (Match later : verdict.laterCopies()) {
                    if (!informed.contains(later.candidate().id())) {
                        notices.add(new Notice(later.candidate().id(), w.id(), later.kind(), later.similarity(), false));
                    }
                }
                yield new Decision(w.id(), Decision.Status.ORIGINAL, notices, null);
            }
        };
    }

    /**
     * Gives up on every article that has waited {@code timeoutMs} or longer: one of its messages was
     * dead-lettered (unreadable) or lost, so its verdict would never complete. It is passed on NOT_CHECKED with
     * the reason; its signature stays registered, so later copies still find it; answers that arrive for it later
     * are ignored.
     *
     * @param now wall-clock millis
     */
    public List<Decision> overdue(long now, long timeoutMs) {
        List<Decision> out = new ArrayList<>();
        for (Waiting w : waiting.all()) {
            if (now - w.startedAt() < timeoutMs) {
                continue;
            }
            waiting.remove(w.id());
            String reason = "no deduplication verdict within dedup.answer.timeout.ms=" + timeoutMs + " ms: "
                    + w.probesAnswered() + " of " + w.probesExpected() + " index keys and "
                    + w.checksAnswered() + " of " + w.checksExpected()
                    + " checks answered (a deduplication message was dead-lettered or lost); passed on unchecked";
            out.add(new Decision(w.id(), Decision.Status.NOT_CHECKED, List.of(), reason));
        }
        return out;
    }

    /**
     * Forgets signatures and index entries inserted before {@code cutoffMillis} (event time), in the state this
     * part holds. Waiting articles are not touched: their wait is timed by the wall clock ({@link #overdue}).
     *
     * @return the number of entries rewritten or deleted
     */
    public int expire(long cutoffMillis) {
        int removed = 0;
        if (homeIndex != null) {
            removed += homeIndex.expire(cutoffMillis);
        }
        if (keyIndex != null) {
            removed += keyIndex.expire(cutoffMillis);
            long cutoff = Math.max(0, cutoffMillis) / 1000;
            removed += filed.rewriteAll((key, value) -> IndexCodec.filed(value).insertedAtSecond() < cutoff ? null : value);
        }
        return removed;
    }
}
