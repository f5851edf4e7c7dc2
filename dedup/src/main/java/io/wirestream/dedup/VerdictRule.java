package io.wirestream.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original-choosing rule: among an article and everything it matched, the earliest publication
 * time wins, then the lowest id. Pure and order-independent: the same set of matches gives the
 * same verdict whichever order they arrived in.
 */
public final class VerdictRule {

    private VerdictRule() {
    }

    public static Verdict decide(ArticleRef self, Collection<Match> matches) {
        Map<String, Match> byCandidate = new LinkedHashMap<>();
        for (Match m : matches) {
            if (m.candidate().id().equals(self.id())) {
                continue;
            }
            byCandidate.merge(m.candidate().id(), m, VerdictRule::stronger);
        }
        if (byCandidate.isEmpty()) {
            return new Verdict(self, Verdict.Status.UNIQUE, java.util.Optional.empty(), List.of());
        }
        List<Match> merged = new ArrayList<>(byCandidate.values());
        merged.sort(Comparator.comparing(Match::candidate));
        Match earliest = merged.get(0);
        if (self.compareTo(earliest.candidate()) < 0) {
            return new Verdict(self, Verdict.Status.ORIGINAL, java.util.Optional.empty(), merged);
        }
        return new Verdict(self, Verdict.Status.COPY, java.util.Optional.of(earliest), List.of());
    }

    /** Stronger kind first (URL, text, near), then higher similarity; keeps the earlier-known ref. */
    private static Match stronger(Match a, Match b) {
        MatchKind kind = a.kind().compareTo(b.kind()) <= 0 ? a.kind() : b.kind();
        double similarity = Math.max(a.similarity(), b.similarity());
        return new Match(a.candidate(), kind, similarity);
    }
}
