package io.wirestream.dedup.coordinator;

import java.util.List;

/**
 * What a home partition produced from one {@link HomeBatch}.
 *
 * @param replies   the CHECKED answers to the checks, one batch per home of the probing articles
 * @param decisions the verdicts that completed
 */
public record Received(List<HomeBatch> replies, List<Decision> decisions) {

    public Received {
        replies = List.copyOf(replies);
        decisions = List.copyOf(decisions);
    }
}
