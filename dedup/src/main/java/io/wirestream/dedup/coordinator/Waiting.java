package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.ArticleRef;
import java.util.List;
import java.util.Objects;

/**
 * An article waiting at its home for its verdict: what it expects and what has arrived.
 *
 * @param article        the waiting article (id and publication time)
 * @param probesExpected how many index keys it probed
 * @param probesAnswered how many index keys the PROBED answers so far served
 * @param checksExpected the checks its probes announced so far
 * @param checksAnswered the CHECKED answers so far
 * @param startedAt      wall-clock millis at which it started waiting
 * @param findings       the confirmed matches so far, including those handed over by other waiting articles
 */
public record Waiting(ArticleRef article, int probesExpected, int probesAnswered, int checksExpected, int checksAnswered,
                      long startedAt, List<Finding> findings) {

    public Waiting {
        Objects.requireNonNull(article, "article");
        findings = List.copyOf(findings);
    }

    public static Waiting start(ArticleRef article, int probesExpected, long startedAt) {
        return new Waiting(article, probesExpected, 0, 0, 0, startedAt, List.of());
    }

    public String id() {
        return article.id();
    }

    /** Whether every probe and every announced check has answered. */
    public boolean complete() {
        return probesAnswered == probesExpected && checksAnswered == checksExpected;
    }

    Waiting probed(int keysServed, int checksSent) {
        return new Waiting(article, probesExpected, probesAnswered + keysServed, checksExpected + checksSent, checksAnswered,
                startedAt, findings);
    }

    Waiting checked(List<Finding> more) {
        return new Waiting(article, probesExpected, probesAnswered, checksExpected, checksAnswered + 1, startedAt,
                concat(findings, more));
    }

    Waiting handedOver(Finding finding) {
        return new Waiting(article, probesExpected, probesAnswered, checksExpected, checksAnswered, startedAt,
                concat(findings, List.of(finding)));
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
