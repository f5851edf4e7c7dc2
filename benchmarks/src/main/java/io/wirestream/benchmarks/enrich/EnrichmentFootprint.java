package io.wirestream.benchmarks.enrich;

import io.wirestream.benchmarks.Heap;
import io.wirestream.enrichment.Enricher;
import io.wirestream.enrichment.kb.EnglishGazetteer;
import io.wirestream.enrichment.language.DetectionLimits;
import io.wirestream.enrichment.language.LanguageIdentifier;
import io.wirestream.enrichment.language.LinguaLanguageIdentifier;
import io.wirestream.enrichment.language.NewsLanguages;
import io.wirestream.enrichment.language.OpenNlpLanguageIdentifier;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Heap retained by the enrichment models: used heap after full collections, before and after
 * loading each one, in a fresh JVM per model so they do not share classes or caches; also the time the load took
 * (a cold JVM: class loading included).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.enrich.EnrichmentFootprint enricher|gazetteer|opennlp|lingua|lingua-low</pre>
 */
public final class EnrichmentFootprint {

    private EnrichmentFootprint() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EnrichmentFootprint enricher|gazetteer|opennlp|lingua|lingua-low");
        }
        Supplier<Object> load = switch (args[0]) {
            case "enricher" -> () -> {
                Enricher e = Enricher.standard();
                e.enrich(SampleArticles.article("ru", 4096, 0));
                return e;
            };
            case "gazetteer" -> EnglishGazetteer::shared;
            case "opennlp" -> () -> warm(OpenNlpLanguageIdentifier.forNews());
            case "lingua" -> () -> warm(LinguaLanguageIdentifier.create(NewsLanguages.CODES, DetectionLimits.DEFAULT, false));
            case "lingua-low" -> () -> warm(LinguaLanguageIdentifier.create(NewsLanguages.CODES, DetectionLimits.DEFAULT, true));
            default -> throw new IllegalArgumentException("unknown model " + args[0]);
        };
        long before = Heap.usedAfterGc();
        long start = System.nanoTime();
        Object model = load.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = Heap.usedAfterGc();
        System.out.printf(Locale.ROOT, "%s retained heap: %.1f MB, loaded in %.2f s%n", args[0], (after - before) / 1e6, seconds);
        if (model.hashCode() == 42) {
            System.out.println();
        }
    }

    private static Object warm(LanguageIdentifier identifier) {
        identifier.identify(SampleArticles.article("en", 4096, 0));
        return identifier;
    }
}
