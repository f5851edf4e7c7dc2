package io.wirestream.enrichment.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The language evaluation set: sentences per language, and paragraphs built from them. */
public final class LanguageSamples {

    /** One text and the language it is written in. */
    public record Sample(String language, String text) {
    }

    public static final int PARAGRAPH_CHARS = 200;
    private static final String RESOURCE = "/eval/language-sentences.tsv";

    private final Map<String, List<String>> sentencesByLanguage;

    private LanguageSamples(Map<String, List<String>> sentencesByLanguage) {
        this.sentencesByLanguage = sentencesByLanguage;
    }

    public static LanguageSamples load() {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        try (InputStream in = LanguageSamples.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab != 2 && tab != 3) {
                    throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
                byLanguage.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LanguageSamples(byLanguage);
    }

    public List<String> languages() {
        return List.copyOf(sentencesByLanguage.keySet());
    }

    public List<Sample> sentences() {
        List<Sample> out = new ArrayList<>();
        sentencesByLanguage.forEach((lang, list) -> list.forEach(s -> out.add(new Sample(lang, s))));
        return out;
    }

    /**
     * One paragraph per sentence of each language: starting at that sentence, the following ones
     * (wrapping round) are appended until the paragraph reaches {@value #PARAGRAPH_CHARS} chars or
     * every sentence of the language is in it. Chinese and Japanese sentences are short, so their
     * paragraphs (all six sentences) stay under 200 chars.
     */
    public List<Sample> paragraphs() {
        List<Sample> out = new ArrayList<>();
        sentencesByLanguage.forEach((lang, list) -> {
            for (int start = 0; start < list.size(); start++) {
                StringBuilder p = new StringBuilder();
                for (int k = 0; k < list.size() && p.length() < PARAGRAPH_CHARS; k++) {
                    if (p.length() > 0) {
                        p.append(' ');
                    }
                    p.append(list.get((start + k) % list.size()));
                }
                out.add(new Sample(lang, p.toString()));
            }
        });
        return out;
    }
}
