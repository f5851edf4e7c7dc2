package io.wirestream.benchmarks.enrich;

import io.wirestream.enrichment.language.DetectionLimits;
import io.wirestream.enrichment.language.LanguageGuess;
import io.wirestream.enrichment.language.LanguageIdentifier;
import io.wirestream.enrichment.language.LinguaLanguageIdentifier;
import io.wirestream.enrichment.language.NewsLanguages;
import io.wirestream.enrichment.language.OpenNlpLanguageIdentifier;
import io.wirestream.enrichment.language.ScriptAwareLanguageIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The language detectors compared for docs/enrichment.md, on the same 4 KB articles and the same
 * sampling limits (first 300 chars): the one in use (script gating plus OpenNLP over every model
 * language), OpenNLP alone, Lingua with all its models and Lingua with trigram models only (both on the
 * 39 news languages), and Lingua with every language it ships ({@code lingua-all}). Lingua's full models need a
 * heap of about 1 GB, hence -Xmx2g.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar LanguageDetectorBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class LanguageDetectorBenchmark {

    @Param({"wirestream", "opennlp", "lingua", "lingua-low", "lingua-all"})
    public String detector;

    @Param({"ru", "en"})
    public String language;

    private LanguageIdentifier identifier;
    private String[] articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        identifier = switch (detector) {
            case "wirestream" -> ScriptAwareLanguageIdentifier.forNews();
            case "opennlp" -> OpenNlpLanguageIdentifier.forNews();
            case "lingua" -> LinguaLanguageIdentifier.create(NewsLanguages.CODES, DetectionLimits.DEFAULT, false);
            case "lingua-low" -> LinguaLanguageIdentifier.create(NewsLanguages.CODES, DetectionLimits.DEFAULT, true);
            // every language Lingua ships, as the public-set comparison runs it (about 1 GB of heap)
            case "lingua-all" -> LinguaLanguageIdentifier.create(java.util.Arrays.stream(com.github.pemistahl.lingua.api.Language.values())
                .filter(l -> l != com.github.pemistahl.lingua.api.Language.UNKNOWN)
                .map(l -> l.getIsoCode639_1().toString()).toList(), DetectionLimits.DEFAULT, false);
            default -> throw new IllegalArgumentException("unknown detector " + detector);
        };
        articles = new String[8];
        for (int i = 0; i < articles.length; i++) {
            articles[i] = SampleArticles.article(language, 4096, i);
        }
    }

    @Benchmark
    public LanguageGuess identify() {
        next = (next + 1) & 7;
        return identifier.identify(articles[next]);
    }
}
