package io.wirestream.benchmarks.enrich;

import io.wirestream.enrichment.Enricher;
import io.wirestream.enrichment.Enrichment;
import io.wirestream.enrichment.entity.LinkedEntity;
import io.wirestream.enrichment.language.LanguageGuess;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Language identification plus entity linking per article, one thread (so the score is per core).
 * Articles are 4 KB by default, Russian or English. {@code articles=eight}: eight variants of the same
 * sentences cycled, so the JIT cannot specialise on one text, but every word cache is warm;
 * {@code articles=distinct}: {@value #DISTINCT} distinct articles drawn as the pipeline bench draws its
 * input ({@link DistinctArticles}; run from the repository root), new word combinations in every article.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EnrichmentBenchmark -p articles=distinct</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class EnrichmentBenchmark {

    @Param({"ru", "en"})
    public String language;

    @Param({"4096"})
    public int chars;

    @Param({"eight", "distinct"})
    public String articles;

    static final int DISTINCT = 4096;

    private Enricher enricher;
    private String[] texts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        enricher = Enricher.standard();
        texts = switch (articles) {
            case "eight" -> {
                String[] eight = new String[8];
                for (int i = 0; i < eight.length; i++) {
                    eight[i] = SampleArticles.article(language, chars, i);
                }
                yield eight;
            }
            case "distinct" -> DistinctArticles.generate(language, chars, DISTINCT, 20261203L);
            default -> throw new IllegalArgumentException("articles is 'eight' or 'distinct', not '" + articles + "'");
        };
    }

    /** The texts in turn; their counts are powers of two. */
    private String nextArticle() {
        next = (next + 1) & (texts.length - 1);
        return texts[next];
    }

    @Benchmark
    public Enrichment languageAndEntities() {
        return enricher.enrich(nextArticle());
    }

    @Benchmark
    public LanguageGuess languageOnly() {
        return enricher.languages().identify(nextArticle());
    }

    @Benchmark
    public List<LinkedEntity> entitiesOnly() {
        return enricher.linker().link(nextArticle());
    }
}
