package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.Match;
import java.util.Objects;

/**
 * A confirmed match as the waiting article receives it.
 *
 * @param match      the matched article, how and how similar
 * @param noticeOwed whether this article must write a notice for the matched one if it turns out to be its
 *                   original: true only when the matched article had been passed on downstream. False when it
 *                   is a copy with a notice of its own, or when it was still waiting and was handed this
 *                   article as a match (its own verdict then accounts for the pair).
 */
public record Finding(Match match, boolean noticeOwed) {

    public Finding {
        Objects.requireNonNull(match, "match");
    }
}
