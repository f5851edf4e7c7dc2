package io.wirestream.dedup;

import java.util.List;
import java.util.Optional;

/**
 * What deduplication decided about one article, given the indexed articles it matched.
 *
 * @param article     the article decided on
 * @param status      UNIQUE (no match), ORIGINAL (it precedes every match) or COPY
 * @param original    for COPY: the match it copies (the earliest of all, by {@link ArticleRef#ORIGINAL_FIRST})
 * @param laterCopies for ORIGINAL: the matched articles it precedes, which consumers must now link to it
 */
public record Verdict(ArticleRef article, Status status, Optional<Match> original, List<Match> laterCopies) {

    public enum Status { UNIQUE, ORIGINAL, COPY }

    public Verdict {
        laterCopies = List.copyOf(laterCopies);
        if ((status == Status.COPY) != original.isPresent()) {
            throw new IllegalArgumentException("an original is given exactly for COPY verdicts, status was " + status);
        }
        if ((status == Status.ORIGINAL) == laterCopies.isEmpty()) {
            throw new IllegalArgumentException("later copies are listed exactly for ORIGINAL verdicts, status was "
                    + status + " with " + laterCopies.size() + " later copies");
        }
    }

    public boolean isCopy() {
        return status == Status.COPY;
    }
}
