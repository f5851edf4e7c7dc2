package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.MatchKind;
import io.wirestream.dedup.MinHashSignature;
import java.util.Objects;

/**
 * Sent from an index partition to the home of a candidate found under a key the probing article shares with it:
 * does the candidate match?
 *
 * @param probeId          the probing article, to which the answer goes
 * @param probePublishedAt its publication time in epoch millis, or null for checks written before probes carried
 *                         it (the probing article then decides alone: no hand-over)
 * @param probeHome        the partition of the probing article's id, where the answer goes
 * @param partition        the index partition that sent the check: the probing article expects one answer per
 *                         (index partition, candidate)
 * @param candidateId      the article filed under the shared key before
 * @param kind             the strongest kind of key they share on that partition
 * @param sketch           the probing article's sketch, or null when it has no text
 */
public record Check(String probeId, Long probePublishedAt, int probeHome, int partition, String candidateId, MatchKind kind,
                    MinHashSignature sketch) {

    public Check {
        Objects.requireNonNull(probeId, "probeId");
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(kind, "kind");
    }

    /** How the probing article names this check among those it expects. */
    public String checkId() {
        return partition + "/" + candidateId;
    }
}
