package io.wirestream.dedup.coordinator;

import java.util.List;
import java.util.Objects;

/**
 * Sent back to the home of a probing article: one step towards its verdict. Answers are idempotent: the waiting
 * article counts PROBED answers per index partition and CHECKED answers per (index partition, candidate), so a
 * second delivery of the same answer changes nothing.
 *
 * @param articleId   the probing article
 * @param type        PROBED (an index partition served its probe) or CHECKED (a candidate's home answered a check)
 * @param partition   the index partition that served the probe (PROBED) or sent the check (CHECKED)
 * @param keysServed  for PROBED: how many index keys the probe carried
 * @param candidates  for PROBED: the candidates checked for it, one CHECKED answer each; for CHECKED: the one
 *                    candidate answered
 * @param findings    for CHECKED: the confirmed candidate and, when it is a known copy, its original; empty when
 *                    the candidate did not match or expired
 */
public record Answer(String articleId, Type type, int partition, int keysServed, List<String> candidates, List<Finding> findings) {

    public enum Type { PROBED, CHECKED }

    public Answer {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(type, "type");
        candidates = List.copyOf(candidates);
        findings = List.copyOf(findings);
        if (keysServed < 0) {
            throw new IllegalArgumentException("an answer counts keys from 0, got keysServed=" + keysServed + " for article " + articleId);
        }
        if (type == Type.CHECKED && candidates.size() != 1) {
            throw new IllegalArgumentException("a CHECKED answer names its one candidate, got " + candidates + " for article " + articleId);
        }
    }

    public static Answer probed(String articleId, int partition, int keysServed, List<String> candidates) {
        return new Answer(articleId, Type.PROBED, partition, keysServed, candidates, List.of());
    }

    public static Answer checked(Check check, List<Finding> findings) {
        return new Answer(check.probeId(), Type.CHECKED, check.partition(), 0, List.of(check.candidateId()), findings);
    }

    /** For CHECKED: the id of the check answered, as {@link Check#checkId()}. */
    public String checkId() {
        return partition + "/" + candidates.get(0);
    }
}
