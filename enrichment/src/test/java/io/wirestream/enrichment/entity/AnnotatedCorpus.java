package io.wirestream.enrichment.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The annotated entity evaluation sets: {@code eval/entities.txt} (the first set) and
 * {@code eval/entities-hard.txt} (texts aimed at datelines, German nouns, Russian place names in
 * oblique cases, organisation names with person-like words): plain texts and their gold mentions.
 */
final class AnnotatedCorpus {

    /** A gold mention; {@code id} is null for names the knowledge base does not know. */
    record Gold(int start, int end, EntityType type, String id, String text) {
    }

    record Document(String language, String name, String text, List<Gold> gold) {
    }

    private static final Pattern MARK = Pattern.compile("\\[([^\\[\\]|]+)\\|(PERSON|LOCATION|ORGANIZATION)(?:\\|([^\\]]+))?]");

    private AnnotatedCorpus() {
    }

    static final String FIRST = "/eval/entities.txt";
    static final String HARD = "/eval/entities-hard.txt";

    /** Both sets. */
    static List<Document> load() {
        List<Document> all = new ArrayList<>(load(FIRST));
        all.addAll(load(HARD));
        return List.copyOf(all);
    }

    static List<Document> load(String resource) {
        String all;
        try (InputStream in = AnnotatedCorpus.class.getResourceAsStream(resource)) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Document> docs = new ArrayList<>();
        all = all.replaceAll("(?m)^#(?!#).*\\R", "");
        String[] parts = all.split("(?m)^## ");
        for (int p = 1; p < parts.length; p++) {
            String part = parts[p];
            int nl = part.indexOf('\n');
            String[] header = part.substring(0, nl).trim().split(" ", 2);
            String marked = part.substring(nl + 1).strip();
            StringBuilder text = new StringBuilder();
            List<Gold> gold = new ArrayList<>();
            Matcher m = MARK.matcher(marked);
            int last = 0;
            while (m.find()) {
                text.append(marked, last, m.start());
                int start = text.length();
                text.append(m.group(1));
                gold.add(new Gold(start, text.length(), EntityType.valueOf(m.group(2)), m.group(3), m.group(1)));
                last = m.end();
            }
            text.append(marked.substring(last));
            if (text.indexOf("[") >= 0 || text.indexOf("]") >= 0) {
                throw new IllegalStateException("malformed mark in document " + header[1] + ": " + text);
            }
            docs.add(new Document(header[0], header[1], text.toString(), List.copyOf(gold)));
        }
        return docs;
    }
}
