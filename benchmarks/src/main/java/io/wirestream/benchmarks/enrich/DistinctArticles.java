package io.wirestream.benchmarks.enrich;

import io.wirestream.core.synthetic.SentenceDraw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Distinct articles drawn the way {@code bin/wirestream bench} draws its input: word by word, at random,
 * from the vocabulary of one bundled sample article ({@code samples/articles}) of the chosen language, the
 * first word of each sentence capitalised. Unlike {@link SampleArticles}, no two articles repeat a
 * passage, so capitalised runs, n-grams and the word caches meet new combinations as in the pipeline.
 * Deterministic for a seed.
 */
final class DistinctArticles {

    /** The bundled samples, relative to the repository root (the directory the benchmark is run from). */
    static final Path SAMPLES = Path.of("samples", "articles");
    private static final Pattern HEADER = Pattern.compile("\\A\\uFEFF?\\s*date\\s+\\S+\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}«»“”„—–]+");

    private DistinctArticles() {
    }

    /** {@code count} articles of at least {@code chars} chars in "ru" or "en". */
    static String[] generate(String language, int chars, int count, long seed) {
        List<List<String>> vocabularies = vocabularies(language);
        Random random = new Random(seed);
        String[] articles = new String[count];
        for (int n = 0; n < count; n++) {
            articles[n] = article(vocabularies.get(n % vocabularies.size()), chars, random);
        }
        return articles;
    }

    private static String article(List<String> vocabulary, int chars, Random random) {
        StringBuilder body = new StringBuilder(chars + 200);
        SentenceDraw draw = new SentenceDraw(vocabulary, random);
        while (body.length() < chars) {
            draw.appendWord(body);
        }
        return body.toString();
    }

    /** The distinct words (two chars or more) of each sample article of the language, in order of appearance. */
    private static List<List<String>> vocabularies(String language) {
        if (!Files.isDirectory(SAMPLES)) {
            throw new IllegalStateException("no " + SAMPLES + " here: run the benchmark from the repository root");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.list(SAMPLES)) {
            files = walk.filter(p -> p.getFileName().toString().matches("\\d+-" + language + "-.*\\.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> vocabularies = new ArrayList<>();
        for (Path f : files) {
            String body;
            try {
                body = HEADER.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceFirst("");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LinkedHashSet<String> words = new LinkedHashSet<>();
            for (String w : SEPARATORS.split(body)) {
                if (w.length() > 1) {
                    words.add(w);
                }
            }
            vocabularies.add(List.copyOf(words));
        }
        if (vocabularies.isEmpty()) {
            throw new IllegalArgumentException("no sample article in '" + language + "' under " + SAMPLES);
        }
        return vocabularies;
    }
}
