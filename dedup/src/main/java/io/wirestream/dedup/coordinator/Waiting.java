package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.ArticleRef;
import io.wirestream.dedup.MinHashSignature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An article waiting at its home for its verdict: what it expects and what has arrived. Answers are counted as sets
 * (index partitions, checks by index partition and candidate), so a batch delivered twice counts once.
 *
 * @param article             the waiting article (id and publication time)
 * @param batch               the batch it was probed in
 * @param eventTime           its event time, by which its index entries expire
 * @param indexKeys           its index keys until its probes are sent ({@link DedupCoordinator#flush}), empty after
 * @param sketch              its sketch until its probes are sent, null after (and for an article without text)
 * @param sent                whether its probes have gone out
 * @param partitionsExpected  the index partitions its keys live on
 * @param partitionsAnswered  those whose PROBED answer arrived
 * @param keysExpected        how many index keys it probed
 * @param keysAnswered        how many keys the PROBED answers so far served
 * @param checksExpected      the checks announced so far, as {@link Check#checkId()}
 * @param checksAnswered      the CHECKED answers so far, likewise
 * @param startedAt           wall-clock millis at which it started waiting
 * @param findings            the confirmed matches so far, including those handed over by other waiting articles
 * @param payload             the article as the caller parked it (opaque), or null; a store that keeps payloads apart
 *                            may give it as null here ({@link WaitingArticles#payload})
 */
public record Waiting(ArticleRef article, long batch, long eventTime, List<byte[]> indexKeys, MinHashSignature sketch, boolean sent,
                      Set<Integer> partitionsExpected, Set<Integer> partitionsAnswered, int keysExpected, int keysAnswered,
                      Set<String> checksExpected, Set<String> checksAnswered, long startedAt, List<Finding> findings, byte[] payload) {

    public Waiting {
        Objects.requireNonNull(article, "article");
        indexKeys = List.copyOf(indexKeys);
        partitionsExpected = Set.copyOf(new TreeSet<>(partitionsExpected));
        partitionsAnswered = Set.copyOf(new TreeSet<>(partitionsAnswered));
        checksExpected = Set.copyOf(new LinkedHashSet<>(checksExpected));
        checksAnswered = Set.copyOf(new LinkedHashSet<>(checksAnswered));
        findings = List.copyOf(findings);
    }

    static Waiting start(ArticleRef article, long batch, long eventTime, List<byte[]> indexKeys, MinHashSignature sketch,
                         Set<Integer> partitions, long startedAt, byte[] payload) {
        return new Waiting(article, batch, eventTime, indexKeys, sketch, false, partitions, Set.of(), indexKeys.size(), 0,
                Set.of(), Set.of(), startedAt, List.of(), payload);
    }

    public String id() {
        return article.id();
    }

    /** Whether every index partition and every announced check has answered. */
    public boolean complete() {
        return sent && partitionsAnswered.containsAll(partitionsExpected) && checksAnswered.containsAll(checksExpected);
    }

    Waiting markSent() {
        return new Waiting(article, batch, eventTime, List.of(), null, true, partitionsExpected, partitionsAnswered, keysExpected,
                keysAnswered, checksExpected, checksAnswered, startedAt, findings, payload);
    }

    /** A PROBED answer; the same partition's answer again changes nothing. */
    Waiting probed(int partition, int keysServed, List<String> checkIds) {
        if (partitionsAnswered.contains(partition)) {
            return this;
        }
        Set<Integer> answered = new TreeSet<>(partitionsAnswered);
        answered.add(partition);
        Set<String> expected = new LinkedHashSet<>(checksExpected);
        expected.addAll(checkIds);
        return new Waiting(article, batch, eventTime, indexKeys, sketch, sent, partitionsExpected, answered, keysExpected,
                keysAnswered + keysServed, expected, checksAnswered, startedAt, findings, payload);
    }

    /**
     * A CHECKED answer. The same check's answer again adds only findings not known yet: one that says the candidate
     * has this article in view (no notice owed) outweighs one that says otherwise ({@code decide} treats a candidate
     * as informed when any of its findings owes no notice), so the hand-over of the first delivery is kept.
     */
    Waiting checked(String checkId, List<Finding> more) {
        if (checksAnswered.contains(checkId)) {
            List<Finding> merged = merge(findings, more);
            return merged.size() == findings.size() ? this : new Waiting(article, batch, eventTime, indexKeys, sketch, sent,
                    partitionsExpected, partitionsAnswered, keysExpected, keysAnswered, checksExpected, checksAnswered, startedAt,
                    merged, payload);
        }
        Set<String> answered = new LinkedHashSet<>(checksAnswered);
        answered.add(checkId);
        return new Waiting(article, batch, eventTime, indexKeys, sketch, sent, partitionsExpected, partitionsAnswered, keysExpected,
                keysAnswered, checksExpected, answered, startedAt, merge(findings, more), payload);
    }

    /** A finding handed over by another waiting article; the same finding again changes nothing. */
    Waiting handedOver(Finding finding) {
        return new Waiting(article, batch, eventTime, indexKeys, sketch, sent, partitionsExpected, partitionsAnswered, keysExpected,
                keysAnswered, checksExpected, checksAnswered, startedAt, merge(findings, List.of(finding)), payload);
    }

    private static List<Finding> merge(List<Finding> a, List<Finding> b) {
        List<Finding> out = new ArrayList<>(a);
        for (Finding f : b) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Identity: the record holds arrays (keys, payload), whose value equality a record would not give anyway. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
