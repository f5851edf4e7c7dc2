package io.wirestream.benchmarks.enrich;

import io.wirestream.enrichment.Enricher;
import io.wirestream.enrichment.entity.LinkedEntity;
import io.wirestream.enrichment.eval.EntityScore;
import io.wirestream.enrichment.eval.GoldSet;
import io.wirestream.enrichment.eval.GoldSet.Mention;
import io.wirestream.enrichment.eval.Split;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Entity tagging on the entity sets of the public evaluation data without the pipeline: {@link Enricher#enrich}
 * on each article's text (after the {@code date} header), scored per half by {@link EntityScore}, the rules of
 * {@code wirestream eval --task ner}. With {@code --errors}, also lists the dev half's misses (in the gold, not
 * found) and false alarms (found, not in the gold) by type, each with the number of dev documents it occurs in;
 * a pair whose surface was found with another type is marked {@code [as TYPE]}. Errors of the test half are
 * never printed: it is held out.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.enrich.EntityEvalSets [--errors] \
 *     ../shared/eval-data/ner-ru ../shared/eval-data/ner-en ../shared/eval-data/ner-en-pud</pre>
 */
public final class EntityEvalSets {

    private static final Pattern HEADER = Pattern.compile("\\A\\uFEFF?\\s*date\\s+\\S+\\s+", Pattern.CASE_INSENSITIVE);

    private EntityEvalSets() {
    }

    public static void main(String[] args) throws IOException {
        boolean errors = false;
        List<Path> folders = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--errors")) {
                errors = true;
            } else {
                folders.add(Path.of(a));
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("usage: EntityEvalSets [--errors] DIR... (folders with gold.json and *.txt)");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Enricher enricher = Enricher.standard();
        for (Path folder : folders) {
            GoldSet gold = GoldSet.read(folder.resolve("gold.json"));
            if (gold.task() != GoldSet.Task.NER) {
                throw new IllegalArgumentException(folder + ": not an entity set");
            }
            Map<String, Set<Mention>> predicted = new LinkedHashMap<>();
            long start = System.nanoTime();
            for (String id : gold.documentIds()) {
                String raw = Files.readString(folder.resolve(id + ".txt"));
                predicted.put(id, mentions(enricher.enrich(HEADER.matcher(raw).replaceFirst("").strip()).entities()));
            }
            out.printf(Locale.ROOT, "== %s  (%.1f s)%n", folder.getFileName(), (System.nanoTime() - start) / 1e9);
            for (Split split : List.of(Split.DEV, Split.TEST)) {
                EntityScore.score(gold.mentions(), predicted, split).print(out);
            }
            if (errors) {
                printErrors(out, gold.mentions(), predicted);
            }
        }
    }

    private static Set<Mention> mentions(List<LinkedEntity> entities) {
        Set<Mention> set = new LinkedHashSet<>();
        for (LinkedEntity e : entities) {
            for (io.wirestream.enrichment.entity.Mention m : e.mentions()) {
                Mention pair = Mention.of(e.type().name(), m.text());
                if (pair != null) {
                    set.add(pair);
                }
            }
        }
        return set;
    }

    private static void printErrors(PrintWriter out, Map<String, Set<Mention>> gold, Map<String, Set<Mention>> predicted) {
        Map<String, Map<String, Integer>> misses = new TreeMap<>();
        Map<String, Map<String, Integer>> alarms = new TreeMap<>();
        gold.forEach((id, want) -> {
            if (!Split.DEV.contains(id)) {
                return;
            }
            Set<Mention> got = predicted.getOrDefault(id, Set.of());
            Map<String, String> wantType = new LinkedHashMap<>();
            Map<String, String> gotType = new LinkedHashMap<>();
            want.forEach(m -> wantType.put(m.surface(), m.type()));
            got.forEach(m -> gotType.put(m.surface(), m.type()));
            Set<Mention> fn = new HashSet<>(want);
            fn.removeAll(got);
            Set<Mention> fp = new HashSet<>(got);
            fp.removeAll(want);
            fn.forEach(m -> misses.computeIfAbsent(m.type(), k -> new TreeMap<>())
                .merge(label(m, gotType.get(m.surface())), 1, Integer::sum));
            fp.forEach(m -> alarms.computeIfAbsent(m.type(), k -> new TreeMap<>())
                .merge(label(m, wantType.get(m.surface())), 1, Integer::sum));
        });
        print(out, "dev misses (false negatives)", misses);
        print(out, "dev false alarms (false positives)", alarms);
    }

    private static String label(Mention m, String otherType) {
        return otherType == null || otherType.equals(m.type()) ? m.surface() : m.surface() + " [as " + otherType + "]";
    }

    private static void print(PrintWriter out, String title, Map<String, Map<String, Integer>> byType) {
        byType.forEach((type, surfaces) -> {
            out.printf(Locale.ROOT, "-- %s %s: %d%n", title, type, surfaces.values().stream().mapToInt(Integer::intValue).sum());
            surfaces.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf(Locale.ROOT, "   %3d  %s%n", e.getValue(), e.getKey()));
        });
    }
}
