package io.wirestream.dedup.coordinator;

import java.util.List;
import java.util.Objects;

/**
 * Sent back to the home of a probing article: one step towards its verdict.
 *
 * @param articleId  the probing article
 * @param type       PROBED (an index partition served a probe) or CHECKED (a candidate's home answered a check)
 * @param keysServed for PROBED: how many index keys the probe carried (the article counts keys, not messages)
 * @param checksSent for PROBED: how many CHECKED answers the probe will produce
 * @param findings   for CHECKED: the confirmed candidate and, when it is a known copy, its original; empty when
 *                   the candidate did not match or expired
 */
public record Answer(String articleId, Type type, int keysServed, int checksSent, List<Finding> findings) {

    public enum Type { PROBED, CHECKED }

    public Answer {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(type, "type");
        findings = List.copyOf(findings);
        if (keysServed < 0 || checksSent < 0) {
            throw new IllegalArgumentException("an answer counts keys and checks from 0, got keysServed=" + keysServed
                    + " checksSent=" + checksSent + " for article " + articleId);
        }
    }

    public static Answer probed(String articleId, int keysServed, int checksSent) {
        return new Answer(articleId, Type.PROBED, keysServed, checksSent, List.of());
    }

    public static Answer checked(String articleId, List<Finding> findings) {
        return new Answer(articleId, Type.CHECKED, 0, 0, findings);
    }
}
