package io.wirestream.dedup.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Programmatic syndication edits of a base article. Each is deterministic: the random choices are
 * seeded by the pair's text, so every run evaluates the same texts.
 *
 * <ul>
 *   <li>{@code edit:f}: each word is, with probability f, deleted, replaced by another word of the
 *       article, or followed by an inserted one (a sub-editor's touch)</li>
 *   <li>{@code headline}: a different headline</li>
 *   <li>{@code drop:i}: paragraph i removed</li>
 *   <li>{@code add:i}: extra paragraph i of the language appended</li>
 *   <li>{@code reorder}: paragraphs shuffled</li>
 *   <li>{@code debris:n}: n lines of page debris before and after the text</li>
 *   <li>{@code refetch}: the same text with typographic quotes, dashes, no-break spaces and hard
 *       line wraps, fetched through a mobile/tracking variant of the same URL</li>
 * </ul>
 */
final class EvalVariants {

    record Extras(List<String> debris, List<String> paragraphs) {
    }

    private EvalVariants() {
    }

    static EvalArticle apply(EvalArticle a, List<String> ops, Extras extras, String seedText) {
        Random random = new Random(seedText.hashCode());
        for (String op : ops) {
            String[] nameArg = op.split(":", 2);
            String arg = nameArg.length > 1 ? nameArg[1] : "";
            a = switch (nameArg[0]) {
                case "edit" -> edit(a, Double.parseDouble(arg), random);
                case "headline" -> headline(a, random);
                case "drop" -> drop(a, Integer.parseInt(arg));
                case "add" -> add(a, extras.paragraphs().get(Integer.parseInt(arg)));
                case "reorder" -> reorder(a, random);
                case "debris" -> debris(a, Integer.parseInt(arg), extras.debris(), random);
                case "refetch" -> refetch(a);
                default -> throw new IllegalArgumentException("unknown edit '" + op + "' in " + seedText);
            };
        }
        return a;
    }

    private static EvalArticle edit(EvalArticle a, double fraction, Random random) {
        List<String> vocabulary = new ArrayList<>();
        for (String p : a.paragraphs()) {
            vocabulary.addAll(Arrays.asList(p.split(" ")));
        }
        List<String> out = new ArrayList<>();
        for (String p : a.paragraphs()) {
            List<String> words = new ArrayList<>();
            for (String w : p.split(" ")) {
                if (random.nextDouble() >= fraction) {
                    words.add(w);
                    continue;
                }
                switch (random.nextInt(3)) {
                    case 0 -> { }
                    case 1 -> words.add(vocabulary.get(random.nextInt(vocabulary.size())));
                    default -> {
                        words.add(w);
                        words.add(vocabulary.get(random.nextInt(vocabulary.size())));
                    }
                }
            }
            out.add(String.join(" ", words));
        }
        return a.with(a.title(), out, a.url());
    }

    private static EvalArticle headline(EvalArticle a, Random random) {
        List<String> words = new ArrayList<>(Arrays.asList(a.title().split(" ")));
        Collections.shuffle(words, random);
        return a.with(String.join(" ", words.subList(0, Math.max(1, words.size() - 2))), a.paragraphs(), a.url());
    }

    private static EvalArticle drop(EvalArticle a, int index) {
        List<String> out = new ArrayList<>(a.paragraphs());
        out.remove(Math.min(index, out.size() - 1));
        return a.with(a.title(), out, a.url());
    }

    private static EvalArticle add(EvalArticle a, String paragraph) {
        List<String> out = new ArrayList<>(a.paragraphs());
        out.add(paragraph);
        return a.with(a.title(), out, a.url());
    }

    private static EvalArticle reorder(EvalArticle a, Random random) {
        List<String> out = new ArrayList<>(a.paragraphs());
        List<String> before = List.copyOf(out);
        while (out.equals(before) && out.size() > 1) {
            Collections.shuffle(out, random);
        }
        return a.with(a.title(), out, a.url());
    }

    private static EvalArticle debris(EvalArticle a, int lines, List<String> pool, Random random) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        List<String> out = new ArrayList<>(shuffled.subList(0, lines / 2));
        out.addAll(a.paragraphs());
        out.addAll(shuffled.subList(lines / 2, lines));
        return a.with(a.title(), out, a.url());
    }

    private static EvalArticle refetch(EvalArticle a) {
        List<String> out = new ArrayList<>();
        for (String p : a.paragraphs()) {
            String typographic = p.replace("\"", "\u201c").replace("'", "\u2019").replace(" - ", " \u2013 ")
                    .replace(", ", ",\u00a0");
            StringBuilder wrapped = new StringBuilder();
            int lineLength = 0;
            for (String w : typographic.split(" ")) {
                if (lineLength > 60) {
                    wrapped.append('\n');
                    lineLength = 0;
                } else if (wrapped.length() > 0) {
                    wrapped.append(' ');
                }
                wrapped.append(w);
                lineLength += w.length() + 1;
            }
            out.add(wrapped.toString());
        }
        // the same page as the left article, reached through its mobile host and a tracking link
        String url = a.url().replace("https://www.right-", "http://m.left-") + "?utm_source=rss&utm_medium=feed#comments";
        return a.with(a.title().toUpperCase(java.util.Locale.ROOT), out, url);
    }
}
