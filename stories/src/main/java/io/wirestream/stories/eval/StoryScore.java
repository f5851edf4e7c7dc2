package io.wirestream.stories.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Scores a story assignment against gold stories, by pairwise and B-cubed precision, recall and F1, in three views:
 * <ul>
 *   <li>{@link View#WITHIN}: documents compared only with documents of their own language;</li>
 *   <li>{@link View#RU_EN}: Russian documents compared only with English ones and English only with Russian;</li>
 *   <li>{@link View#ALL}: every document with every other.</li>
 * </ul>
 * B-cubed: for each document, precision is the share of its predicted story (within the view's comparison set)
 * that is in its gold story, recall the share of its gold story that is in its predicted story; both averaged
 * over documents. In WITHIN and ALL the document itself is part of the comparison set; in RU_EN it is not (only
 * the other language counts), and a document without any predicted (gold) partner in the other language is left
 * out of the precision (recall) average. Pairwise: precision and recall of the set of document pairs put in one
 * story, over the pairs the view compares. A document that did not come back from the pipeline is a story of its own.
 */
public final class StoryScore {

    public enum View { WITHIN, RU_EN, ALL }

    /** A gold document: its story label and language. */
    public record Gold(String story, String language) {
        public Gold {
            Objects.requireNonNull(story, "story");
            Objects.requireNonNull(language, "language");
        }
    }

    /** Precision, recall and F1, with how many items (documents or pairs) each average is over. */
    public record Prf(double precision, double recall, int precisionItems, int recallItems) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    public record Result(View view, int documents, Prf pairwise, Prf bcubed) {
    }

    private StoryScore() {
    }

    /**
     * @param gold      every document of the set
     * @param predicted the story id of each document that came back
     * @param include   which documents count (a half of the set)
     */
    public static Result score(Map<String, Gold> gold, Map<String, String> predicted, Predicate<String> include, View view) {
        List<String> docs = gold.keySet().stream().filter(include).sorted().toList();
        Map<String, String> story = new HashMap<>();
        for (String d : docs) {
            story.put(d, predicted.getOrDefault(d, "missing:" + d));
        }
        double pSum = 0;
        double rSum = 0;
        int pItems = 0;
        int rItems = 0;
        long tp = 0;
        long predictedPairs = 0;
        long goldPairs = 0;
        List<String> counted = new ArrayList<>();
        for (String d : docs) {
            if (view == View.RU_EN && !isRuOrEn(gold.get(d).language())) {
                continue;
            }
            counted.add(d);
            int inPredicted = 0;
            int inGold = 0;
            int inBoth = 0;
            for (String o : docs) {
                if (!compared(view, gold.get(d), gold.get(o), d.equals(o))) {
                    continue;
                }
                boolean samePredicted = story.get(d).equals(story.get(o));
                boolean sameGold = gold.get(d).story().equals(gold.get(o).story());
                inPredicted += samePredicted ? 1 : 0;
                inGold += sameGold ? 1 : 0;
                inBoth += samePredicted && sameGold ? 1 : 0;
                if (!d.equals(o) && d.compareTo(o) < 0) {
                    predictedPairs += samePredicted ? 1 : 0;
                    goldPairs += sameGold ? 1 : 0;
                    tp += samePredicted && sameGold ? 1 : 0;
                }
            }
            if (inPredicted > 0) {
                pSum += inBoth / (double) inPredicted;
                pItems++;
            }
            if (inGold > 0) {
                rSum += inBoth / (double) inGold;
                rItems++;
            }
        }
        Prf pairwise = new Prf(predictedPairs == 0 ? 1 : tp / (double) predictedPairs, goldPairs == 0 ? 1 : tp / (double) goldPairs,
                (int) predictedPairs, (int) goldPairs);
        Prf bcubed = new Prf(pItems == 0 ? 1 : pSum / pItems, rItems == 0 ? 1 : rSum / rItems, pItems, rItems);
        return new Result(view, counted.size(), pairwise, bcubed);
    }

    private static boolean isRuOrEn(String language) {
        return language.equals("ru") || language.equals("en");
    }

    private static boolean compared(View view, Gold d, Gold o, boolean self) {
        return switch (view) {
            case ALL -> true;
            case WITHIN -> d.language().equals(o.language());
            case RU_EN -> !self && isRuOrEn(o.language()) && !d.language().equals(o.language());
        };
    }

    /** All three views. */
    public static Map<View, Result> scoreAll(Map<String, Gold> gold, Map<String, String> predicted, Predicate<String> include) {
        Map<View, Result> out = new LinkedHashMap<>();
        for (View v : View.values()) {
            out.put(v, score(gold, predicted, include, v));
        }
        return out;
    }

    /** One line per view: documents, pairwise P/R/F1, B-cubed P/R/F1. */
    public static void print(PrintWriter out, String label, Map<View, Result> results) {
        out.printf(Locale.ROOT, "[%s]%n", label);
        for (Result r : results.values()) {
            out.printf(Locale.ROOT, "  %-7s %3d docs  pairwise P %.3f R %.3f F1 %.3f (%d/%d pairs)  B-cubed P %.3f R %.3f F1 %.3f%n",
                    r.view().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.documents(),
                    r.pairwise().precision(), r.pairwise().recall(), r.pairwise().f1(), r.pairwise().precisionItems(), r.pairwise().recallItems(),
                    r.bcubed().precision(), r.bcubed().recall(), r.bcubed().f1());
        }
    }
}
