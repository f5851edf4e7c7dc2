package io.wirestream.benchmarks.enrich;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.wirestream.enrichment.eval.GoldSet;
import io.wirestream.enrichment.eval.LanguageScore;
import io.wirestream.enrichment.eval.LanguageScore.Prediction;
import io.wirestream.enrichment.eval.Split;
import io.wirestream.enrichment.language.LanguageGuess;
import io.wirestream.enrichment.language.ScriptAwareLanguageIdentifier;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Our language identifier and Lingua (every language, full accuracy, as it ships) side by side on the
 * language sets of the public evaluation data, on the same texts in the same run: accuracy on the dev and
 * test halves, and time per text (the second of two passes, one thread). Reads the article files directly
 * (the text after the {@code date} header), so it measures the identifiers alone; {@code wirestream eval}
 * measures the pipeline.
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.enrich.LanguageEvalSets \
 *     ../shared/eval-data/lang/lang_1 ../shared/eval-data/lang/lang_3</pre>
 */
public final class LanguageEvalSets {

    private static final Pattern HEADER = Pattern.compile("\\A\\uFEFF?\\s*date\\s+\\S+\\s+", Pattern.CASE_INSENSITIVE);

    private LanguageEvalSets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: LanguageEvalSets DIR... (folders with gold.json and lang_*.txt)");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        ScriptAwareLanguageIdentifier ours = ScriptAwareLanguageIdentifier.forNews();
        LanguageDetector lingua = LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels().build();
        Function<String, Prediction> oursFn = text -> {
            LanguageGuess g = ours.identify(text);
            return new Prediction(g.code(), g.confidence());
        };
        Function<String, Prediction> linguaFn = text -> {
            SortedMap<Language, Double> values = lingua.computeLanguageConfidenceValues(text);
            Language best = values.isEmpty() ? Language.UNKNOWN : values.firstKey();
            return new Prediction(best == Language.UNKNOWN ? "und" : best.getIsoCode639_1().toString(),
                values.isEmpty() ? 0.0 : values.get(best));
        };
        for (String dir : args) {
            Path folder = Path.of(dir);
            GoldSet gold = GoldSet.read(folder.resolve("gold.json"));
            Map<String, String> texts = new LinkedHashMap<>();
            for (String id : gold.documentIds()) {
                String raw = Files.readString(folder.resolve(id + ".txt"));
                texts.put(id, HEADER.matcher(raw).replaceFirst("").strip());
            }
            for (Map.Entry<String, Function<String, Prediction>> detector
                    : Map.of("wirestream", oursFn, "lingua", linguaFn).entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
                Map<String, Prediction> predicted = new LinkedHashMap<>();
                texts.forEach((id, text) -> predicted.put(id, detector.getValue().apply(text)));
                long start = System.nanoTime();
                texts.forEach((id, text) -> predicted.put(id, detector.getValue().apply(text)));
                double microsPerText = (System.nanoTime() - start) / 1000.0 / texts.size();
                out.printf(Locale.ROOT, "== %s  %s  (%.0f µs per text, second pass)%n", folder.getFileName(), detector.getKey(), microsPerText);
                for (Split split : Split.values()) {
                    LanguageScore.score(gold.languages(), predicted, split).print(out);
                }
            }
        }
    }
}
