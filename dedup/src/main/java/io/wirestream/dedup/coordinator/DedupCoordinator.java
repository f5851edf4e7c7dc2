package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.ArticleRef;
import io.wirestream.dedup.ArticleSignature;
import io.wirestream.dedup.ByteStore;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.FiledArticle;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deduplication protocol, independent of where its messages travel: scatter/gather over index keys, so
 * that an article meets its copies where their keys live, whichever home (partition, instance) each id has.
 * Messages travel in batches across articles: one {@link ProbeBatch} per (home, batch, index partition), one
 * {@link HomeBatch} per (sender, home partition) for each batch served or received.
 *
 * <pre>
 * home of the article     {@link #arrive}  registers its signature, starts waiting in the open batch
 *                         {@link #flush}   sends the batch: one {@link ProbeBatch} per index partition owning some
 *                                          of its articles' keys
 * partition of the keys   {@link #serve}   files the batch's articles under their keys (one filed record per batch);
 *                                          a {@link Check} per candidate found there, and a PROBED {@link Answer} per
 *                                          article, grouped by home partition
 * home of a candidate     {@link #receive} checks: confirms or rejects the candidate; CHECKED answers, grouped by
 *                                          the probing articles' homes
 * home of the article     {@link #receive} answers: counted; once all are in, the {@link Decision}
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
 *   <li><b>Every batch may be delivered twice.</b> Serving a probe batch again files nothing new and answers again
 *       (possibly naming more candidates: those filed since); a waiting article counts PROBED answers per index
 *       partition and CHECKED answers per (index partition, candidate), and a hand-over already made is not made
 *       again. The streaming stage delivers each batch once (exactly-once processing); the rule keeps the
 *       protocol safe if a batch ever comes again.</li>
 * </ul>
 *
 * <p>State: the signatures and the waiting articles live at article homes, the index keys at their partitions
 * (a lookup from key to articles, and per batch the keys its articles are filed under, from which the lookup is
 * rebuilt) ({@link #atHome}, {@link #atIndex}); one coordinator with all three serves a single process. Messages
 * may be delivered in any order. Not thread-safe.
 */
public final class DedupCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(DedupCoordinator.class);

    private final DedupParameters parameters;
    private final SignatureFactory factory;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final IndexRouting routing;
    private final IdRouting homes;
    private final NearDuplicateIndex homeIndex;
    private final NearDuplicateIndex keyIndex;
    private final ByteStore lookup;
    private final ByteStore filed;
    private final WaitingArticles waiting;

    /**
     * @param routing    which partition owns an index key
     * @param homes      which partition owns an article id
     * @param signatures article ids to stored signatures (at homes), or null where no article lives
     * @param keys       index keys to filed articles (at key partitions), or null where no key lives: a lookup
     *                   that {@link #rebuildIndex} rebuilds from {@code filed}, so it needs no durability of its own
     * @param filed      the keys the articles of each probe batch are filed under on this partition: the durable
     *                   form of the index, one record per batch; null exactly when {@code keys} is
     * @param waiting    the articles waiting for their verdicts (at homes), or null where no article lives
     */
    public DedupCoordinator(DedupParameters parameters, IndexRouting routing, IdRouting homes, ByteStore signatures, ByteStore keys,
                            ByteStore filed, WaitingArticles waiting) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.factory = new SignatureFactory(parameters);
        this.routing = Objects.requireNonNull(routing, "routing");
        this.homes = Objects.requireNonNull(homes, "homes");
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

    /** The part that runs where article ids live: {@link #arrive}, {@link #flush}, {@link #receive}, {@link #overdue}. */
    public static DedupCoordinator atHome(DedupParameters parameters, IndexRouting routing, ByteStore signatures,
                                          WaitingArticles waiting) {
        return new DedupCoordinator(parameters, routing, id -> {
            throw new IllegalStateException("the home part of the coordinator does not route checks");
        }, Objects.requireNonNull(signatures, "signatures"), null, null, Objects.requireNonNull(waiting, "waiting"));
    }

    /** The part that runs where index keys live: {@link #serve}, {@link #rebuildIndex}. */
    public static DedupCoordinator atIndex(DedupParameters parameters, IdRouting homes, ByteStore keys, ByteStore filed) {
        return new DedupCoordinator(parameters, key -> {
            throw new IllegalStateException("the index part of the coordinator does not route probes");
        }, homes, null, Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(filed, "filed"), null);
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

    /** {@link #arrive(String, String, String, long, long, long, long, Function)} in batch 0, without payload. */
    public Arrival arrive(String id, String url, String body, long publishedAt, long eventTime, long wallClock) {
        return arrive(id, url, body, publishedAt, eventTime, wallClock, 0L, arrival -> null);
    }

    /** {@link #arrive(String, String, String, long, long, long, long, Function)} with a payload known beforehand. */
    public Arrival arrive(String id, String url, String body, long publishedAt, long eventTime, long wallClock, long batch,
                          byte[] payload) {
        return arrive(id, url, body, publishedAt, eventTime, wallClock, batch, arrival -> payload);
    }

    /**
     * An article arrives at its home: a re-delivery gets its notice; any other article is registered and waits in
     * batch {@code batch} until the next {@link #flush} sends its probes.
     *
     * @param publishedAt publication time in epoch millis (fetch time when unknown)
     * @param eventTime   the record's event time, by which its signature and index entries expire
     * @param wallClock   now, by which its wait is timed
     * @param batch       the batch it joins: an id never used before by this home for another set of articles (the
     *                    stage uses the input offset of the batch's first article)
     * @param payload     given the arrival (its canonical URL and fingerprint), the article as the caller wants it
     *                    back with its {@link Decision}, or null; not called for a re-delivery
     * @throws IllegalArgumentException when the article has neither a usable URL nor any text
     */
    public Arrival arrive(String id, String url, String body, long publishedAt, long eventTime, long wallClock, long batch,
                          Function<Arrival, byte[]> payload) {
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
        MinHashSignature sketch = signature.minHash().orElse(null);
        Map<Integer, List<byte[]>> groups = group(keys);
        List<Probe> probes = new ArrayList<>(groups.size());
        groups.forEach((partition, group) -> probes.add(new Probe(id, group, sketch, signature.ref().publishedAt(), eventTime)));
        Arrival arrival = new Arrival(null, signature.canonicalUrl().orElse(null), signature.textFingerprint().orElse(null), probes);
        waiting.put(Waiting.start(signature.ref(), batch, eventTime, keys, sketch, groups.keySet(), wallClock, payload.apply(arrival)));
        return arrival;
    }

    private Map<Integer, List<byte[]>> group(List<byte[]> keys) {
        Map<Integer, List<byte[]>> groups = new LinkedHashMap<>();
        for (byte[] key : keys) {
            groups.computeIfAbsent(routing.partitionOf(key), p -> new ArrayList<>()).add(key);
        }
        return groups;
    }

    /**
     * Sends the probes of every waiting article not sent yet, whatever its batch: one batch per (batch, index
     * partition), the probes in arrival order. The articles are marked sent in the same step, so what is flushed and
     * what is recorded as flushed commit together. This goes through every waiting article: it is for the first flush
     * after a start, when articles committed unsent before may wait in any batch; after that, {@link #flush(int, long)}.
     *
     * @param homePartition the partition of this home, where the answers must come back
     */
    public List<ProbeBatch> flush(int homePartition) {
        return send(homePartition, waiting.unsent());
    }

    /**
     * Sends the probes of the articles of batch {@code batch} not sent yet, as {@link #flush(int)} does, reading
     * that batch only. Articles of other batches not sent yet stay unsent: the caller flushes one batch at a time only
     * while every article that arrived since its last flush of all batches joined this one.
     *
     * @param homePartition the partition of this home, where the answers must come back
     * @param batch         the batch to send (the open one)
     */
    public List<ProbeBatch> flush(int homePartition, long batch) {
        return send(homePartition, waiting.unsent(batch));
    }

    private List<ProbeBatch> send(int homePartition, List<Waiting> unsent) {
        Map<Long, Map<Integer, List<Probe>>> byBatch = new TreeMap<>();
        for (Waiting w : unsent) {
            Map<Integer, List<Probe>> byPartition = byBatch.computeIfAbsent(w.batch(), b -> new TreeMap<>());
            group(w.indexKeys()).forEach((partition, keys) -> byPartition.computeIfAbsent(partition, p -> new ArrayList<>())
                    .add(new Probe(w.id(), keys, w.sketch(), w.article().publishedAt(), w.eventTime())));
            waiting.put(w.markSent());
        }
        List<ProbeBatch> out = new ArrayList<>();
        byBatch.forEach((batch, byPartition) -> byPartition.forEach((partition, probes) ->
                out.add(new ProbeBatch(homePartition, batch, partition, probes))));
        return out;
    }

    /**
     * A probe batch arrives where its keys live: files its articles under their keys (one filed record for the
     * batch) and finds the articles filed there before, one check per distinct candidate with the strongest kind of
     * key they share, and one PROBED answer per article. The filed record keeps the candidates found, so a batch
     * served again gets exactly the same checks and answers (not the articles filed since: a probing article that
     * decided already must not be handed to a candidate).
     *
     * @return one batch per home partition with something to receive: the answers go to the batch's home, each check
     * to its candidate's
     */
    public List<HomeBatch> serve(ProbeBatch batch) {
        NearDuplicateIndex index = keys();
        byte[] filedKey = IndexCodec.filedBatchKey(batch.home(), batch.batch(), batch.partition());
        byte[] before = filed.get(filedKey);
        Map<String, FiledArticle> filing = before == null ? new LinkedHashMap<>() : IndexCodec.filedBatch(before);
        boolean changed = false;
        Map<Integer, List<Check>> checks = new TreeMap<>();
        List<Answer> answers = new ArrayList<>(batch.probes().size());
        for (Probe probe : batch.probes()) {
            FiledArticle article = filing.get(probe.articleId());
            if (article == null) { // else served before: the same candidates as then, not those filed since
                Map<String, MatchKind> candidates = new LinkedHashMap<>();
                for (byte[] key : probe.indexKeys()) {
                    MatchKind kind = IndexCodec.kindOf(key);
                    for (String candidate : index.probe(key, probe.articleId(), probe.eventTime())) {
                        candidates.merge(candidate, kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                }
                article = new FiledArticle(new FiledKeys(Math.max(0, probe.eventTime()) / 1000, probe.indexKeys()), candidates);
                filing.put(probe.articleId(), article);
                changed = true;
            }
            article.candidates().forEach((candidate, kind) -> checks.computeIfAbsent(homes.homeOf(candidate), h -> new ArrayList<>())
                    .add(new Check(probe.articleId(), probe.publishedAt(), batch.home(), batch.partition(), candidate, kind, probe.sketch())));
            answers.add(Answer.probed(probe.articleId(), batch.partition(), probe.indexKeys().size(),
                    List.copyOf(article.candidates().keySet())));
        }
        if (changed) {
            filed.put(filedKey, IndexCodec.filedBatch(filing));
        }
        Map<Integer, HomeBatch> out = new TreeMap<>();
        checks.forEach((home, list) -> out.put(home, new HomeBatch(home, list, List.of())));
        HomeBatch own = out.get(batch.home());
        out.put(batch.home(), new HomeBatch(batch.home(), own == null ? List.of() : own.checks(), answers));
        return List.copyOf(out.values());
    }

    /**
     * Rebuilds the key lookup from the filed keys: clears it, then files every article again in the order of its
     * filing time (then id). To be called where the lookup may not match the durable filed keys: after state was
     * restored, or at every start, since the lookup keeps no changelog. Reads batch records and the per-article
     * records written before probes were batched.
     *
     * @return the number of articles filed again
     */
    public int rebuildIndex() {
        NearDuplicateIndex index = keys();
        lookup.rewriteAll((key, value) -> null);
        List<Map.Entry<String, FiledKeys>> all = new ArrayList<>();
        filed.rewriteAll((key, value) -> {
            if (IndexCodec.isFiledBatchKey(key)) {
                IndexCodec.filedBatch(value).forEach((id, article) -> all.add(Map.entry(id, article.keys())));
            } else {
                all.add(Map.entry(IndexCodec.id(key), IndexCodec.filed(value)));
            }
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
     * A batch arrives at a home: its checks are answered (candidates living here), its answers counted (probing
     * articles waiting here). Checks come first, so that a candidate waiting here gets the probing articles handed
     * over before its own answers in the same batch complete it.
     */
    public Received receive(HomeBatch batch) {
        Map<Integer, List<Answer>> replies = new TreeMap<>();
        for (Check c : batch.checks()) {
            replies.computeIfAbsent(c.probeHome(), h -> new ArrayList<>()).add(check(c));
        }
        List<Decision> decisions = new ArrayList<>();
        for (Answer a : batch.answers()) {
            answer(a).ifPresent(decisions::add);
        }
        List<HomeBatch> out = new ArrayList<>(replies.size());
        replies.forEach((home, answers) -> out.add(new HomeBatch(home, List.of(), answers)));
        return new Received(out, decisions);
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
        return Answer.checked(check, findings);
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
     * @return the decision once every index partition and check has answered; empty while answers are missing, for
     * an answer counted before (a batch delivered again), and for an answer to an article that no longer waits
     * (given up, or decided), which is ignored
     */
    public Optional<Decision> answer(Answer answer) {
        Waiting w = waiting.get(answer.articleId());
        if (w == null) {
            LOG.warn("deduplication answer for article {}, which is not waiting for one: ignored", answer.articleId());
            return Optional.empty();
        }
        Waiting updated = answer.type() == Answer.Type.PROBED
                ? w.probed(answer.partition(), answer.keysServed(),
                        answer.candidates().stream().map(c -> answer.partition() + "/" + c).toList())
                : w.checked(answer.checkId(), answer.findings());
        if (updated == w) {
            return Optional.empty(); // counted before
        }
        if (!updated.complete()) {
            waiting.put(updated);
            return Optional.empty();
        }
        Decision decision = decide(updated, waiting.payload(updated));
        waiting.remove(updated.id());
        return Optional.of(decision);
    }

    private Decision decide(Waiting w, byte[] payload) {
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
            case UNIQUE -> new Decision(w.id(), Decision.Status.UNIQUE, List.of(), null, payload);
            case COPY -> {
                Match original = verdict.original().orElseThrow();
                yield new Decision(w.id(), Decision.Status.COPY, List.of(new Notice(w.id(), original.candidate().id(),
                        original.kind(), original.similarity(), true)), null, payload);
            }
            case ORIGINAL -> {
                List<Notice> notices = new ArrayList<>();
                for (Match later : verdict.laterCopies()) {
                    if (!informed.contains(later.candidate().id())) {
                        notices.add(new Notice(later.candidate().id(), w.id(), later.kind(), later.similarity(), false));
                    }
                }
                yield new Decision(w.id(), Decision.Status.ORIGINAL, notices, null, payload);
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
            byte[] payload = waiting.payload(w);
            waiting.remove(w.id());
            String reason = "no deduplication verdict within dedup.answer.timeout.ms=" + timeoutMs + " ms: "
                    + w.keysAnswered() + " of " + w.keysExpected() + " index keys and "
                    + w.checksAnswered().size() + " of " + w.checksExpected().size()
                    + " checks answered (a deduplication message was dead-lettered or lost); passed on unchecked";
            out.add(new Decision(w.id(), Decision.Status.NOT_CHECKED, List.of(), reason, payload));
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
            removed += filed.rewriteAll((key, value) -> {
                if (!IndexCodec.isFiledBatchKey(key)) {
                    return IndexCodec.filed(value).insertedAtSecond() < cutoff ? null : value;
                }
                Map<String, FiledArticle> articles = IndexCodec.filedBatch(value);
                if (!articles.values().removeIf(f -> f.keys().insertedAtSecond() < cutoff)) {
                    return value;
                }
                return articles.isEmpty() ? null : IndexCodec.filedBatch(articles);
            });
        }
        return removed;
    }
}
