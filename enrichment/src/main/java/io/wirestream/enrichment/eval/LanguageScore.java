package io.wirestream.enrichment.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Language identification figures of one half of a set: accuracy overall and per language, the
 * confusion pairs (gold, predicted), and accuracy by confidence band. A document with no prediction
 * (it did not come back) or an empty one is a miss, called {@value #NONE}. Codes are compared as
 * {@link #normalise} leaves them.
 */
public final class LanguageScore {

    public static final String NONE = "<none>";
    /** Lower bounds of the confidence bands, highest first. */
    public static final double[] BANDS = {0.95, 0.8, 0.5, 0.2, 0.0};

    /** A predicted language with its confidence (NaN when unknown). */
    public record Prediction(String code, double confidence) {
    }

    /** Counts of one group: documents and how many were right. */
    public record Tally(int documents, int correct) {
        public double accuracy() {
            return documents == 0 ? 0.0 : correct / (double) documents;
        }

        Tally plus(boolean right) {
            return new Tally(documents + 1, correct + (right ? 1 : 0));
        }
    }

    private final Split split;
    private final int returned;
    private final Tally overall;
    private final Map<String, Tally> byLanguage;
    private final Map<String, Map<String, Integer>> misses;
    private final Map<Double, Tally> byBand;
    private final List<String> wrongDocuments;

    private LanguageScore(Split split, int returned, Tally overall, Map<String, Tally> byLanguage,
                          Map<String, Map<String, Integer>> misses, Map<Double, Tally> byBand, List<String> wrongDocuments) {
        this.split = split;
        this.returned = returned;
        this.overall = overall;
        this.byLanguage = byLanguage;
        this.misses = misses;
        this.byBand = byBand;
        this.wrongDocuments = wrongDocuments;
    }

    /** Scores {@code predicted} (by document id; absent = did not come back) against the documents of {@code split}. */
    public static LanguageScore score(Map<String, String> gold, Map<String, Prediction> predicted, Split split) {
        int returned = 0;
        Tally overall = new Tally(0, 0);
        Map<String, Tally> byLanguage = new TreeMap<>();
        Map<String, Map<String, Integer>> misses = new TreeMap<>();
        Map<Double, Tally> byBand = new LinkedHashMap<>();
        for (double b : BANDS) {
            byBand.put(b, new Tally(0, 0));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : gold.entrySet()) {
            if (!split.contains(e.getKey())) {
                continue;
            }
            String want = normalise(e.getValue());
            Prediction p = predicted.get(e.getKey());
            if (p != null) {
                returned++;
            }
            String got = p == null ? NONE : normalise(p.code());
            boolean right = got.equals(want);
            overall = overall.plus(right);
            byLanguage.merge(want, new Tally(1, right ? 1 : 0), (a, b) -> new Tally(a.documents + b.documents, a.correct + b.correct));
            if (!right) {
                misses.computeIfAbsent(want, k -> new TreeMap<>()).merge(got, 1, Integer::sum);
                wrong.add(e.getKey());
            }
            if (p != null && !Double.isNaN(p.confidence())) {
                for (double b : BANDS) {
                    if (p.confidence() >= b) {
                        byBand.put(b, byBand.get(b).plus(right));
                        break;
                    }
                }
            }
        }
        return new LanguageScore(split, returned, overall, byLanguage, misses, byBand, wrong);
    }

    /**
     * A code as compared: lower case, region or script subtag dropped ({@code zh-Hant} is {@code zh}),
     * ISO 639-2/3 mapped to 639-1 ({@code rus} is {@code ru}); blank is {@value #NONE}.
     */
    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        String c = code.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (c.length() == 3) {
            for (String two : Locale.getISOLanguages()) {
                Locale l = Locale.forLanguageTag(two);
                if (l.getISO3Language().equals(c)) {
                    return two;
                }
            }
            return switch (c) {
                case "ger" -> "de";
                case "fre" -> "fr";
                case "chi", "cmn" -> "zh";
                case "per", "pes" -> "fa";
                case "dut" -> "nl";
                case "cze" -> "cs";
                case "gre" -> "el";
                case "rum" -> "ro";
                case "arb" -> "ar";
                case "azj" -> "az";
                default -> c;
            };
        }
        return c.equals("iw") ? "he" : c;
    }

    public Split split() {
        return split;
    }

    public Tally overall() {
        return overall;
    }

    public int returned() {
        return returned;
    }

    public Map<String, Tally> byLanguage() {
        return byLanguage;
    }

    /** Gold language to (predicted, count) for the misses. */
    public Map<String, Map<String, Integer>> misses() {
        return misses;
    }

    /** Lower bound of each confidence band to its tally (documents that came back with a confidence). */
    public Map<Double, Tally> byBand() {
        return byBand;
    }

    /** Ids of the wrong documents, in gold order. */
    public List<String> wrongDocuments() {
        return wrongDocuments;
    }

    /** Confusion pairs "gold -> predicted" with their counts, most frequent first. */
    public List<Map.Entry<String, Integer>> confusions() {
        List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
        misses.forEach((gold, got) -> got.forEach((p, n) -> pairs.add(Map.entry(gold + " -> " + p, n))));
        pairs.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return pairs;
    }

    /** The figures for a person: overall, per language (worst first), confusions, confidence bands. */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "[%s] accuracy %.1f %% (%d/%d); %d/%d came back%n", split.label(), 100 * overall.accuracy(),
            overall.correct, overall.documents, returned, overall.documents);
        List<Map.Entry<String, Tally>> langs = new ArrayList<>(byLanguage.entrySet());
        langs.sort(Comparator.comparingDouble((Map.Entry<String, Tally> e) -> e.getValue().accuracy()).thenComparing(Map.Entry::getKey));
        StringBuilder sb = new StringBuilder("  per language:");
        for (Map.Entry<String, Tally> e : langs) {
            sb.append(String.format(Locale.ROOT, " %s %d/%d", e.getKey(), e.getValue().correct, e.getValue().documents));
        }
        out.println(sb);
        List<Map.Entry<String, Integer>> confusions = confusions();
        if (!confusions.isEmpty()) {
            StringBuilder c = new StringBuilder("  confusions:");
            confusions.forEach(e -> c.append(' ').append(e.getKey()).append(" (").append(e.getValue()).append(')'));
            out.println(c);
        }
        StringBuilder b = new StringBuilder("  by confidence:");
        double upper = 1.0;
        for (Map.Entry<Double, Tally> e : byBand.entrySet()) {
            Tally t = e.getValue();
            b.append(String.format(Locale.ROOT, " [%.2f,%s %d docs %s", e.getKey(), upper == 1.0 ? "1.00]" : String.format(Locale.ROOT, "%.2f)", upper),
                t.documents, t.documents == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * t.accuracy())));
            b.append(';');
            upper = e.getKey();
        }
        out.println(b.substring(0, b.length() - 1));
    }
}
