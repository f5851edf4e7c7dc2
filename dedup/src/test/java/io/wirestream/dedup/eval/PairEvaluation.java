package io.wirestream.dedup.eval;

import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.InMemoryByteStore;
import io.wirestream.dedup.NearDuplicateIndex;
import io.wirestream.dedup.SignatureFactory;
import io.wirestream.dedup.Verdict;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the production detector on each labelled pair: a fresh {@link NearDuplicateIndex}, the left
 * article checked first (published an hour earlier), then the right one; the pair is predicted a
 * duplicate when the right article's verdict is COPY.
 */
public final class PairEvaluation {

    private static final long T0 = 1_760_000_000_000L;
    private static final long HOUR = 3_600_000L;

    /** Counts over a set of pairs. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public Counts plusPublic(boolean duplicate, boolean predicted) {
            return plus(duplicate, predicted);
        }

        Counts plus(boolean duplicate, boolean predicted) {
            return new Counts(truePositives + (duplicate && predicted ? 1 : 0), falsePositives + (!duplicate && predicted ? 1 : 0),
                    falseNegatives + (duplicate && !predicted ? 1 : 0), trueNegatives + (!duplicate && !predicted ? 1 : 0));
        }
    }

    /** The outcome on the whole set: totals, per category, and the pairs that were wrong. */
    public record Result(Counts total, Map<String, Counts> byCategory, List<String> errors) {
    }

    private PairEvaluation() {
    }

    public static Result run(EvalSet set, DedupParameters parameters) {
        SignatureFactory signatures = new SignatureFactory(parameters);
        Counts total = new Counts(0, 0, 0, 0);
        Map<String, Counts> byCategory = new TreeMap<>();
        List<String> errors = new java.util.ArrayList<>();
        for (EvalSet.Pair pair : set.pairs()) {
            boolean predicted = predict(pair, signatures, parameters);
            total = total.plus(pair.duplicate(), predicted);
            byCategory.merge(pair.category(), new Counts(0, 0, 0, 0).plus(pair.duplicate(), predicted),
                    (a, b) -> a.plus(pair.duplicate(), predicted));
            if (predicted != pair.duplicate()) {
                errors.add((predicted ? "false positive: " : "false negative: ") + pair.spec() + " [" + pair.category() + "]");
            }
        }
        return new Result(total, byCategory, errors);
    }

    private static boolean predict(EvalSet.Pair pair, SignatureFactory signatures, DedupParameters parameters) {
        NearDuplicateIndex index = new NearDuplicateIndex(parameters, new InMemoryByteStore(), new InMemoryByteStore());
        EvalArticle l = pair.left();
        EvalArticle r = pair.right();
        index.check(signatures.sign("left", l.url(), l.body(), T0), T0);
        Verdict verdict = index.check(signatures.sign("right", r.url(), r.body(), T0 + HOUR), T0 + HOUR).orElseThrow();
        return verdict.isCopy();
    }
}
