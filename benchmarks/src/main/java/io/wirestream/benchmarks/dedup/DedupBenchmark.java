package io.wirestream.benchmarks.dedup;

import io.wirestream.dedup.ArticleSignature;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.InMemoryByteStore;
import io.wirestream.dedup.NearDuplicateIndex;
import io.wirestream.dedup.SignatureFactory;
import io.wirestream.dedup.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of deduplication per article with the production parameters and the production index
 * layout on RocksDB (configured like a Kafka Streams store):
 * <ul>
 *   <li>{@code signAndCheck}: signature (normalise, shingle, MinHash, bands) plus all index work
 *       (register, probe every key, verify candidates, decide) for a new article, with the index
 *       pre-filled with {@code indexedArticles} articles;</li>
 *   <li>{@code signOnly}: the signature alone, to split the cost.</li>
 * </ul>
 * Each invocation handles a batch of {@value #BATCH} fresh articles generated before the iteration
 * (not timed); the score is per article. Before filling, the same code runs on a throw-away in-memory
 * index so that the JIT has compiled it for every size. The index grows by the articles checked during
 * warm-up and measurement ({@value #BATCH} per iteration: 11,500 in all). After filling and at the end the setup prints the
 * index bytes per article: the payload (key and value bytes, what the changelog topics carry) and
 * the RocksDB SST files after a flush and full compaction.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 20)
@OperationsPerInvocation(DedupBenchmark.BATCH)
public class DedupBenchmark {

    static final int BATCH = 500;
    private static final int WARM_UP_ARTICLES = 30_000;
    private static final long T0 = 1_760_000_000_000L;

    /** The index, filled once per trial. */
    @State(Scope.Benchmark)
    public static class IndexState {

        @Param({"10000", "100000", "1000000"})
        int indexedArticles;

        final SignatureFactory factory = new SignatureFactory(DedupParameters.DEFAULTS);
        Path dir;
        RocksDbByteStore keys;
        RocksDbByteStore signatures;
        NearDuplicateIndex index;
        long next;

        @Setup(Level.Trial)
        public void fill() throws IOException {
            dir = Files.createTempDirectory("dedup-bench");
            keys = new RocksDbByteStore(dir.resolve("keys"));
            signatures = new RocksDbByteStore(dir.resolve("signatures"));
            index = new NearDuplicateIndex(DedupParameters.DEFAULTS, keys, signatures);
            warmUp();
            SyntheticTexts texts = new SyntheticTexts(1);
            long start = System.nanoTime();
            for (int i = 0; i < indexedArticles; i++) {
                check(texts.next());
            }
            System.out.printf(Locale.ROOT, "%nfilled %d articles in %.1f s%n", indexedArticles, (System.nanoTime() - start) / 1e9);
            printSize("after fill");
        }

        /**
         * Runs the same code on a throw-away in-memory index first, so that every index size is
         * measured with compiled code (a 10k fill alone is too short to warm the JIT).
         */
        private void warmUp() {
            NearDuplicateIndex scratch = new NearDuplicateIndex(DedupParameters.DEFAULTS, new InMemoryByteStore(), new InMemoryByteStore());
            SyntheticTexts texts = new SyntheticTexts(3);
            for (int i = 0; i < WARM_UP_ARTICLES; i++) {
                long time = T0 + i * 1000L;
                scratch.check(factory.sign(id(-1 - i), "https://warm.example/" + i, texts.next(), time), time);
            }
        }

        Verdict check(String body) {
            long n = next++;
            long time = T0 + n * 1000;
            ArticleSignature signature = factory.sign(id(n), "https://site" + (n % 50) + ".example/news/" + n, body, time);
            return index.check(signature, time).orElseThrow();
        }

        void printSize(String when) {
            long[] k = keys.keysAndPayloadBytes();
            long[] s = signatures.keysAndPayloadBytes();
            long disk = keys.compactedDiskBytes() + signatures.compactedDiskBytes();
            System.out.printf(Locale.ROOT, "index size %s: %d articles, %d keys, payload %.1f B/article (keys %.1f + signatures %.1f), "
                            + "RocksDB SST %.1f B/article%n", when, next, k[0] + s[0], (double) (k[1] + s[1]) / next,
                    (double) k[1] / next, (double) s[1] / next, (double) disk / next);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            printSize("at the end");
            keys.close();
            signatures.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** A fresh batch of texts per iteration. */
    @State(Scope.Thread)
    public static class Batch {
        private final SyntheticTexts texts = new SyntheticTexts(2);
        final String[] bodies = new String[BATCH];

        @Setup(Level.Iteration)
        public void generate() {
            for (int i = 0; i < BATCH; i++) {
                bodies[i] = texts.next();
            }
        }
    }

    @Benchmark
    public int signAndCheck(IndexState state, Batch batch) {
        int copies = 0;
        for (String body : batch.bodies) {
            if (state.check(body).isCopy()) {
                copies++;
            }
        }
        return copies;
    }

    /** Compiled code for {@code signOnly}, as for the index benchmarks. */
    @State(Scope.Benchmark)
    public static class SignState {
        final SignatureFactory factory = new SignatureFactory(DedupParameters.DEFAULTS);

        @Setup(Level.Trial)
        public void warmUp() {
            SyntheticTexts texts = new SyntheticTexts(3);
            for (int i = 0; i < WARM_UP_ARTICLES; i++) {
                factory.sign(id(i), "https://warm.example/" + i, texts.next(), T0);
            }
        }
    }

    @Benchmark
    public long signOnly(SignState state, Batch batch) {
        SignatureFactory factory = state.factory;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += factory.sign(id(i), "https://site.example/news/" + i, batch.bodies[i], T0).bandKeys()[0];
        }
        return sum;
    }

    /** A 32-hex-char id like those ingest assigns (SHA-256 prefix), derived from a counter. */
    static String id(long n) {
        long a = n * 0x9e3779b97f4a7c15L;
        long b = Long.rotateLeft(a, 31) ^ 0xc2b2ae3d27d4eb4fL * (n + 1);
        return String.format("%016x%016x", a ^ (a >>> 29), b ^ (b >>> 32));
    }
}
