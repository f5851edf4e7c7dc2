package io.wirestream.enrichment.eval;

import io.wirestream.enrichment.eval.GoldSet.Mention;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity tagging figures of one half of a set: micro precision, recall and F1 over the set of (type,
 * surface) pairs of each document, per type (PER, LOC, ORG), over all types ({@code ALL}), and on surfaces
 * alone ({@code ANY-TYPE}: the gap to {@code ALL} is typing disagreement). A document that did not come back
 * has no predicted pairs.
 */
public final class EntityScore {

    public static final List<String> ROWS = List.of("PER", "LOC", "ORG", "ALL", "ANY-TYPE");

    /** True positives, false positives and false negatives of one row. */
    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 0.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0.0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    private final Split split;
    private final int documents;
    private final int returned;
    private final Map<String, Counts> rows;

    private EntityScore(Split split, int documents, int returned, Map<String, Counts> rows) {
        this.split = split;
        this.documents = documents;
        this.returned = returned;
        this.rows = rows;
    }

    /** Scores {@code predicted} (by document id; absent = did not come back) against the documents of {@code split}. */
    public static EntityScore score(Map<String, Set<Mention>> gold, Map<String, Set<Mention>> predicted, Split split) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        ROWS.forEach(r -> counts.put(r, new int[3]));
        int documents = 0;
        int returned = 0;
        for (Map.Entry<String, Set<Mention>> e : gold.entrySet()) {
            if (!split.contains(e.getKey())) {
                continue;
            }
            documents++;
            Set<Mention> p = predicted.get(e.getKey());
            if (p != null) {
                returned++;
            } else {
                p = Set.of();
            }
            for (String row : ROWS) {
                Set<Object> g = new HashSet<>();
                Set<Object> q = new HashSet<>();
                for (Mention m : e.getValue()) {
                    add(g, m, row);
                }
                for (Mention m : p) {
                    add(q, m, row);
                }
                int tp = 0;
                for (Object x : q) {
                    if (g.contains(x)) {
                        tp++;
                    }
                }
                int[] c = counts.get(row);
                c[0] += tp;
                c[1] += q.size() - tp;
                c[2] += g.size() - tp;
            }
        }
        Map<String, Counts> rows = new LinkedHashMap<>();
        counts.forEach((r, c) -> rows.put(r, new Counts(c[0], c[1], c[2])));
        return new EntityScore(split, documents, returned, rows);
    }

    private static void add(Set<Object> set, Mention m, String row) {
        switch (row) {
            case "ALL" -> set.add(m);
            case "ANY-TYPE" -> set.add(m.surface());
            default -> {
                if (m.type().equals(row)) {
                    set.add(m);
                }
            }
        }
    }

    public Split split() {
        return split;
    }

    public int documents() {
        return documents;
    }

    public int returned() {
        return returned;
    }

    /** PER, LOC, ORG, ALL, ANY-TYPE in that order. */
    public Map<String, Counts> rows() {
        return rows;
    }

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "[%s] %d/%d documents came back%n", split.label(), returned, documents);
        rows.forEach((r, c) -> out.printf(Locale.ROOT, "  %-8s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)%n",
            r, c.precision(), c.recall(), c.f1(), c.tp(), c.fp(), c.fn()));
    }
}
