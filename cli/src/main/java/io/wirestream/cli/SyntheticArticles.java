package io.wirestream.cli;

import io.wirestream.avro.RawArticle;
import io.wirestream.core.synthetic.SentenceDraw;
import io.wirestream.ingest.ArticleParseException;
import io.wirestream.ingest.Articles;
import io.wirestream.ingest.file.DatedTextParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark input: distinct articles of a chosen size, each drawn word by word from the vocabulary of one
 * article of a corpus folder (dated text files), so each stays in one language and script and has the
 * capitalised names of its source, while no two share whole passages (they are all unique stories for
 * deduplication). Deterministic for a given seed.
 */
final class SyntheticArticles {
    private final List<List<String>> vocabularies = new ArrayList<>();
    private final Random random;
    private final int targetBytes;

    SyntheticArticles(Path corpus, int targetBytes, long seed) throws IOException {
        this.targetBytes = targetBytes;
        this.random = new Random(seed);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            try {
                RawArticle a = DatedTextParser.parse("bench", f.getFileName().toString(),
                    Files.readString(f, StandardCharsets.UTF_8), Instant.now());
                LinkedHashSet<String> words = new LinkedHashSet<>();
                for (String w : a.getBody().split("[\\s\\p{Punct}«»“”„—–]+")) {
                    if (w.length() > 1) {
                        words.add(w);
                    }
                }
                if (words.size() >= 50) {
                    vocabularies.add(List.copyOf(words));
                }
            } catch (ArticleParseException | IOException e) {
                // not an article of the corpus: skipped
            }
        }
        if (vocabularies.isEmpty()) {
            throw new IllegalArgumentException("corpus " + corpus + " has no dated text article of 50+ distinct words");
        }
    }

    RawArticle next(int n) {
        List<String> vocabulary = vocabularies.get(n % vocabularies.size());
        StringBuilder body = new StringBuilder(targetBytes + 200);
        SentenceDraw draw = new SentenceDraw(vocabulary, random);
        while (body.toString().getBytes(StandardCharsets.UTF_8).length < targetBytes) {
            for (int i = 0; i < 40; i++) {
                draw.appendWord(body);
            }
        }
        Instant now = Instant.now();
        return Articles.create("bench", "bench:" + n, "https://bench.example.org/article/" + n + "-" + random.nextLong(),
            "Synthetic article " + n, body.toString(), now, now, null, Map.of());
    }
}
