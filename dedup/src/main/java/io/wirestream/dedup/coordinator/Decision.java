package io.wirestream.dedup.coordinator;

import java.util.List;
import java.util.Objects;

/**
 * What happens to an article once its verdict is in (or given up).
 *
 * @param articleId the article
 * @param status    UNIQUE, ORIGINAL and NOT_CHECKED articles are passed on; a COPY is not
 * @param notices   the notices to publish: the copy's own for COPY, one per re-pointed earlier-passed copy for
 *                  ORIGINAL, none otherwise
 * @param reason    for NOT_CHECKED: why the verdict was given up; null otherwise
 */
public record Decision(String articleId, Status status, List<Notice> notices, String reason) {

    public enum Status { UNIQUE, ORIGINAL, COPY, NOT_CHECKED }

    public Decision {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(status, "status");
        notices = List.copyOf(notices);
        if ((status == Status.NOT_CHECKED) != (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly for NOT_CHECKED decisions, status was " + status);
        }
    }

    /** Whether the article goes on downstream. */
    public boolean passesOn() {
        return status != Status.COPY;
    }
}
