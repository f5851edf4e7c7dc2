package io.wirestream.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deduplication index: exact keys (canonical URL, text fingerprint) and LSH band keys, each
 * listing the articles filed under it, plus one {@link StoredSignature} per article. Data live in two
 * {@link ByteStore}s in the {@link IndexCodec} layout.
 *
 * <p>The four steps are separate methods because the streaming stage runs them on different
 * partitions: {@link #register} and {@link #decide} where the article's id lives, {@link #probe}
 * where the index key lives, {@link #verify} where the candidate's id lives. {@link #check} runs all
 * four in one process, in the same order, and is what the evaluation and the benchmark measure.
 *
 * <p>Limits: at most {@value #MAX_ENTRIES_PER_KEY} articles per key (the oldest insertion is
 * dropped first; only keys shared by that many articles, such as boilerplate-only texts, reach it).
 * Not thread-safe.
 */
public final class NearDuplicateIndex {

    public static final int MAX_ENTRIES_PER_KEY = 32;

    private final DedupParameters parameters;
    private final ByteStore keys;
    private final ByteStore signatures;

    /**
     * @param keys       store of index keys to entry lists
     * @param signatures store of article ids to stored signatures
     */
    public NearDuplicateIndex(DedupParameters parameters, ByteStore keys, ByteStore signatures) {
        this.parameters = java.util.Objects.requireNonNull(parameters, "parameters");
        this.keys = keys;
        this.signatures = signatures;
    }

    /** The part of the index at an article's home: {@link #register}, {@link #verify}, {@link #decide}. */
    public static NearDuplicateIndex signaturesOnly(DedupParameters parameters, ByteStore signatures) {
        return new NearDuplicateIndex(parameters, null, java.util.Objects.requireNonNull(signatures, "signatures"));
    }

    /** The part of the index at a key's home: {@link #probe}. */
    public static NearDuplicateIndex keysOnly(DedupParameters parameters, ByteStore keys) {
        return new NearDuplicateIndex(parameters, java.util.Objects.requireNonNull(keys, "keys"), null);
    }

    private ByteStore keys() {
        if (keys == null) {
            throw new IllegalStateException("this part of the index holds no key store: probe where the key lives");
        }
        return keys;
    }

    private ByteStore signatures() {
        if (signatures == null) {
            throw new IllegalStateException("this part of the index holds no signature store: use it where the article id lives");
        }
        return signatures;
    }

    public DedupParameters parameters() {
        return parameters;
    }

    /** Whether an article with this id is indexed (inside the window): a record with its id is a re-delivery. */
    public boolean isRegistered(String articleId) {
        return signatures().get(IndexCodec.id(articleId)) != null;
    }

    /**
     * Step 1, at the article's home: records its signature.
     *
     * @return false when the id is already indexed (a re-delivery: its first verdict stands)
     */
    public boolean register(ArticleSignature article, long eventTimeMillis) {
        byte[] id = IndexCodec.id(article.ref().id());
        if (signatures().get(id) != null) {
            return false;
        }
        StoredSignature stored = new StoredSignature(article.ref(), seconds(eventTimeMillis),
                article.minHash().orElse(null), null);
        signatures().put(id, IndexCodec.signature(stored));
        return true;
    }

    /**
     * Step 2, at the key's home: files the article under the key.
     *
     * @return the ids of the other articles filed under it before, oldest insertion first
     */
    public List<String> probe(byte[] indexKey, String articleId, long eventTimeMillis) {
        List<IndexEntry> entries = IndexCodec.entries(keys().get(indexKey));
        List<String> others = new ArrayList<>(entries.size());
        boolean present = false;
        for (IndexEntry e : entries) {
            if (e.articleId().equals(articleId)) {
                present = true;
            } else {
                others.add(e.articleId());
            }
        }
        if (!present) {
            if (entries.size() >= MAX_ENTRIES_PER_KEY) {
                entries.remove(0);
            }
            entries.add(new IndexEntry(articleId, seconds(eventTimeMillis)));
            keys().put(indexKey, IndexCodec.entries(entries));
        }
        return others;
    }

    /**
     * Step 3, at the candidate's home: confirms a candidate found under a key of the given kind.
     * A band candidate must reach the similarity threshold for the shorter of the two texts
     * ({@link DedupParameters#thresholdFor}); an exact key is proof by itself.
     *
     * @param probeSketch the probing article's sketch, or null when it has no text
     * @return the match with the candidate and, when the candidate is itself a known copy, a match with
     * its original too (same kind and similarity); empty when the candidate expired or is not similar
     */
    public List<Match> verify(String candidateId, MatchKind kind, MinHashSignature probeSketch) {
        byte[] stored = signatures().get(IndexCodec.id(candidateId));
        if (stored == null) {
            return List.of();
        }
        StoredSignature candidate = IndexCodec.signature(candidateId, stored);
        double similarity;
        if (kind == MatchKind.NEAR) {
            if (probeSketch == null || candidate.minHash() == null) {
                return List.of();
            }
            similarity = probeSketch.estimateSimilarity(candidate.minHash());
            double shorter = Math.min(probeSketch.estimatedShingles(), candidate.minHash().estimatedShingles());
            if (similarity < parameters.thresholdFor(shorter)) {
                return List.of();
            }
        } else {
            similarity = 1.0;
        }
        Match direct = new Match(candidate.ref(), kind, similarity);
        return candidate.originalRef()
                .map(original -> List.of(direct, new Match(original, kind, similarity)))
                .orElse(List.of(direct));
    }

    /**
     * Step 4, at the article's home once every probe and verification has answered: applies
     * {@link VerdictRule} and, for a copy, records its original so that later matches through it
     * reach the original directly.
     */
    public Verdict decide(ArticleRef article, List<Match> matches) {
        Verdict verdict = VerdictRule.decide(article, matches);
        verdict.original().ifPresent(original -> {
            byte[] id = IndexCodec.id(article.id());
            byte[] stored = signatures().get(id);
            if (stored != null) {
                StoredSignature updated = IndexCodec.signature(article.id(), stored).withOriginal(original.candidate());
                signatures().put(id, IndexCodec.signature(updated));
            }
        });
        return verdict;
    }

    /**
     * All four steps in one process.
     *
     * @return the verdict, or empty for a re-delivery of an indexed id
     */
    public Optional<Verdict> check(ArticleSignature article, long eventTimeMillis) {
        if (!register(article, eventTimeMillis)) {
            return Optional.empty();
        }
        MinHashSignature sketch = article.minHash().orElse(null);
        List<Match> matches = new ArrayList<>();
        for (byte[] key : IndexCodec.indexKeys(article)) {
            MatchKind kind = IndexCodec.kindOf(key);
            for (String candidate : probe(key, article.ref().id(), eventTimeMillis)) {
                matches.addAll(verify(candidate, kind, sketch));
            }
        }
        return Optional.of(decide(article.ref(), matches));
    }

    /**
     * Removes every entry and signature inserted before {@code cutoffMillis} (event time), in the
     * stores this part of the index holds.
     *
     * @return the number of keys rewritten or deleted in both stores
     */
    public int expire(long cutoffMillis) {
        long cutoff = seconds(Math.max(0, cutoffMillis));
        int changed = keys == null ? 0 : keys.rewriteAll((key, value) -> {
            List<IndexEntry> entries = IndexCodec.entries(value);
            List<IndexEntry> kept = new ArrayList<>(entries.size());
            for (IndexEntry e : entries) {
                if (e.insertedAtSecond() >= cutoff) {
                    kept.add(e);
                }
            }
            if (kept.size() == entries.size()) {
                return value;
            }
            return kept.isEmpty() ? null : IndexCodec.entries(kept);
        });
        if (signatures != null) {
            changed += signatures.rewriteAll((key, value) ->
                    IndexCodec.signature(IndexCodec.id(key), value).insertedAtSecond() < cutoff ? null : value);
        }
        return changed;
    }

    private static long seconds(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("event time must not be before 1970, was " + millis + " ms");
        }
        return millis / 1000;
    }
}
