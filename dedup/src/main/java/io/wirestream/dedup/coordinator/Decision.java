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
 * @param payload   the article as the caller parked it with {@link DedupCoordinator#arrive} (opaque), or null;
 *                  not part of equality
 */
public record Decision(String articleId, Status status, List<Notice> notices, String reason, byte[] payload) {

    public enum Status { UNIQUE, ORIGINAL, COPY, NOT_CHECKED }

    public Decision {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(status, "status");
        notices = List.copyOf(notices);
        if ((status == Status.NOT_CHECKED) != (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly for NOT_CHECKED decisions, status was " + status);
        }
    }

    public Decision(String articleId, Status status, List<Notice> notices, String reason) {
        this(articleId, status, notices, reason, null);
    }

    /** Whether the article goes on downstream. */
    public boolean passesOn() {
        return status != Status.COPY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && articleId.equals(d.articleId) && status == d.status && notices.equals(d.notices)
                && Objects.equals(reason, d.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(articleId, status, notices, reason);
    }
}
