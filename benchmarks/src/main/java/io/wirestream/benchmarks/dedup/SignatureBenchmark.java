package io.wirestream.benchmarks.dedup;

import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.MinHasher;
import io.wirestream.dedup.Shingler;
import io.wirestream.dedup.SignatureFactory;
import io.wirestream.dedup.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The near-duplicate signature of one 4 KB article (UTF-8 bytes, as in the pipeline's bench) with the
 * production parameters, whole ({@code sign}: canonical URL, normalisation, fingerprint, shingles,
 * MinHash, bands) and by step ({@code normalize}, {@code shingles} of normalised text, {@code minHash} of
 * the shingles). The texts are {@link SyntheticTexts} in three scripts: as generated ({@code latin}), with
 * each letter replaced by a Cyrillic one ({@code cyrillic}), and with each letter replaced by a Han
 * character and no spaces inside a sentence ({@code han}, the path through dictionary word segmentation).
 * Each call takes the next of {@value #TEXTS} texts made before the trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 6, time = 3)
@State(Scope.Thread)
public class SignatureBenchmark {

    private static final int TEXTS = 256;
    private static final int TARGET_BYTES = 4096;
    private static final String CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя";
    private static final String HAN = "市政府宣布明年起地铁票价将上涨两元港口工人罢工进入第三天数百艘货船在海上等待";

    @Param({"latin", "cyrillic", "han"})
    String script;

    private final SignatureFactory factory = new SignatureFactory(DedupParameters.DEFAULTS);
    private final TextNormalizer normalizer = new TextNormalizer();
    private final Shingler shingler = new Shingler(DedupParameters.DEFAULTS.shingleSize());
    private final MinHasher minHasher = new MinHasher(DedupParameters.DEFAULTS.numHashes(), DedupParameters.DEFAULTS.seed());

    private final String[] bodies = new String[TEXTS];
    private final String[] normalized = new String[TEXTS];
    private final long[][] shingles = new long[TEXTS][];
    private int next;

    @Setup(Level.Trial)
    public void makeTexts() {
        SyntheticTexts texts = new SyntheticTexts(7);
        for (int i = 0; i < TEXTS; i++) {
            StringBuilder body = new StringBuilder();
            while (body.toString().getBytes(StandardCharsets.UTF_8).length < TARGET_BYTES) {
                body.append(inScript(texts.next())).append("\n\n");
            }
            bodies[i] = body.toString();
            normalized[i] = normalizer.normalize(bodies[i]);
            shingles[i] = shingler.shingles(normalized[i]);
        }
    }

    private String inScript(String text) {
        return switch (script) {
            case "latin" -> text;
            case "cyrillic" -> replaceLetters(text, CYRILLIC, false);
            case "han" -> replaceLetters(text, HAN, true);
            default -> throw new IllegalArgumentException("script must be latin, cyrillic or han, was " + script);
        };
    }

    private static String replaceLetters(String text, String alphabet, boolean dropSpaces) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(alphabet.charAt((c - 'a') % alphabet.length()));
            } else if (c != ' ' || !dropSpaces) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private int nextText() {
        int i = next;
        next = (i + 1) % TEXTS;
        return i;
    }

    @Benchmark
    public Object sign() {
        int i = nextText();
        return factory.sign("a" + i, "https://example.org/news/" + i, bodies[i], 0L);
    }

    @Benchmark
    public String normalize() {
        return normalizer.normalize(bodies[nextText()]);
    }

    @Benchmark
    public long[] shingles() {
        return shingler.shingles(normalized[nextText()]);
    }

    @Benchmark
    public Object minHash() {
        return minHasher.signature(shingles[nextText()]);
    }
}
