package io.wirestream.dedup.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled evaluation set in {@code src/test/resources/eval}: base articles written for the
 * project ({@code articles/<lang>-<name>.txt}), per-language page debris and extra paragraphs
 * ({@code extra/<lang>.txt}), and the labelled pairs ({@code pairs.tsv}).
 */
public final class EvalSet {

    /** A labelled pair. */
    public record Pair(EvalArticle left, EvalArticle right, boolean duplicate, String category, String spec) {
    }

    private final Map<String, EvalArticle> articles = new HashMap<>();
    private final Map<String, EvalVariants.Extras> extras = new HashMap<>();
    private final List<Pair> pairs = new ArrayList<>();

    private EvalSet() {
    }

    public static EvalSet load() {
        EvalSet set = new EvalSet();
        for (String line : lines("eval/pairs.tsv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 4 || !(cols[2].equals("duplicate") || cols[2].equals("distinct"))) {
                throw new IllegalStateException("bad line in pairs.tsv: " + line);
            }
            set.pairs.add(new Pair(set.resolve(cols[0], "left"), set.resolve(cols[1], "right"),
                    cols[2].equals("duplicate"), cols[3], cols[0] + " ~ " + cols[1]));
        }
        return set;
    }

    /**
     * The short-text pairs of {@code short-pairs.tsv}: headlines, one-sentence and three-sentence briefs
     * in several scripts, each text inline, categories prefixed {@code short/}.
     */
    public static EvalSet loadShortTexts() {
        EvalSet set = new EvalSet();
        int n = 0;
        for (String line : lines("eval/short-pairs.tsv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 5 || !(cols[1].equals("duplicate") || cols[1].equals("distinct"))) {
                throw new IllegalStateException("bad line in short-pairs.tsv: " + line);
            }
            String name = cols[0] + "-short-" + ++n;
            EvalArticle left = new EvalArticle(name, cols[0], "", List.of(cols[3]), "https://www.left-" + cols[0] + ".example/" + name);
            EvalArticle right = new EvalArticle(name, cols[0], "", List.of(cols[4]), "https://www.right-" + cols[0] + ".example/" + name);
            set.articles.put(name, left);
            set.pairs.add(new Pair(left, right, cols[1].equals("duplicate"), "short/" + cols[2], name + ": " + cols[3] + " ~ " + cols[4]));
        }
        return set;
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** @return the distinct base articles referenced by the pairs */
    public List<EvalArticle> baseArticles() {
        return articles.values().stream().sorted(java.util.Comparator.comparing(EvalArticle::name)).toList();
    }

    private EvalArticle resolve(String spec, String site) {
        String[] parts = spec.split("\\|");
        EvalArticle base = article(parts[0]);
        EvalArticle a = base.with(base.title(), base.paragraphs(),
                "https://www." + site + "-" + base.language() + ".example/news/" + base.name());
        if (parts.length > 1) {
            a = EvalVariants.apply(a, Arrays.asList(parts).subList(1, parts.length), extras(a.language()), spec);
        }
        return a;
    }

    private EvalArticle article(String name) {
        return articles.computeIfAbsent(name, n -> {
            List<String> lines = lines("eval/articles/" + n + ".txt");
            if (lines.isEmpty() || !lines.get(0).startsWith("title: ")) {
                throw new IllegalStateException("article " + n + " must start with a 'title: ' line");
            }
            List<String> paragraphs = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (!l.isBlank()) {
                    paragraphs.add(l.strip());
                }
            }
            return new EvalArticle(n, n.substring(0, 2), lines.get(0).substring(7), paragraphs, null);
        });
    }

    private EvalVariants.Extras extras(String language) {
        return extras.computeIfAbsent(language, l -> {
            List<String> debris = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            List<String> target = null;
            for (String line : lines("eval/extra/" + l + ".txt")) {
                if (line.equals("[debris]")) {
                    target = debris;
                } else if (line.equals("[paragraphs]")) {
                    target = paragraphs;
                } else if (!line.isBlank() && target != null) {
                    target.add(line.strip());
                }
            }
            return new EvalVariants.Extras(debris, paragraphs);
        });
    }

    private static List<String> lines(String resource) {
        try (InputStream in = EvalSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
