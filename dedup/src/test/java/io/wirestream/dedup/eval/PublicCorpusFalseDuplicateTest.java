package io.wirestream.dedup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.InMemoryByteStore;
import io.wirestream.dedup.NearDuplicateIndex;
import io.wirestream.dedup.SignatureFactory;
import io.wirestream.dedup.TextNormalizer;
import io.wirestream.dedup.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * False copies on public text the project did not write: the language-identification development
 * sets ({@code eval-data/lang/lang_1}, single sentences, and {@code lang_3}, three-sentence
 * paragraphs; 930 distinct texts each in 31 languages, from Universal Dependencies treebanks). The
 * sets are read where they lie, beside the checkout ({@code ../shared/eval-data}, or the folder named
 * by the system property {@code wirestream.evalData}); they are never copied into the repository.
 *
 * <p>All 1,860 texts go through one production index ({@link DedupParameters#DEFAULTS}) in file order,
 * as the pipeline would see them, each with its own id and URL. Every text is distinct, so every COPY
 * verdict is a false near-duplicate notice, except where two files hold the same sentence (the
 * treebanks repeat a few short ones) or one text contains the other: those are real copies, printed
 * and counted separately. The data is present wherever the build
 * runs beside the shared evaluation data; without it the test is skipped with a message saying where it
 * looked.
 */
class PublicCorpusFalseDuplicateTest {

    private static final Pattern DATED = Pattern.compile("^\\s*date (\\d{4})-(\\d{2})-(\\d{2})\\s+(.*)$", Pattern.DOTALL);
    private static final long T0 = 1_577_836_800_000L;
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    record Text(String id, String set, String name, String body) {
    }

    /** @param contained the two texts are the same after normalisation, or one contains the other */
    record FalsePair(Text copy, Text original, String kind, double similarity, boolean contained) {
    }

    private static Optional<Path> root;
    private static List<Text> texts;
    private static List<FalsePair> falsePairs;

    @BeforeAll
    static void evaluate() {
        root = locate();
        if (root.isEmpty()) {
            return;
        }
        texts = new ArrayList<>();
        for (String set : List.of("lang_1", "lang_3")) {
            texts.addAll(read(root.get().resolve(set), set));
        }
        falsePairs = run(texts, DedupParameters.DEFAULTS);
        System.out.println(report(texts, falsePairs));
    }

    @Test
    void shouldJudgeNoDistinctPublicTextACopy() {
        assumeTrue(root.isPresent(), "public evaluation data not found: set -Dwirestream.evalData=<eval-data/lang folder>"
                + " or place the shared eval-data beside the checkout");
        assertEquals(1860, texts.size(), "texts read from " + root.get());
        List<String> falseCopies = falsePairs.stream().filter(p -> !p.contained()).map(PublicCorpusFalseDuplicateTest::describe).toList();
        assertEquals(List.of(), falseCopies);
    }

    static List<FalsePair> run(List<Text> texts, DedupParameters parameters) {
        SignatureFactory factory = new SignatureFactory(parameters);
        NearDuplicateIndex index = new NearDuplicateIndex(parameters, new InMemoryByteStore(), new InMemoryByteStore());
        Map<String, Text> byId = new TreeMap<>();
        List<FalsePair> out = new ArrayList<>();
        long time = T0;
        for (Text t : texts) {
            byId.put(t.id(), t);
            time += 1000;
            Verdict v = index.check(factory.sign(t.id(), "https://example.org/" + t.set() + "/" + t.name(), t.body(), time), time)
                    .orElseThrow();
            if (v.isCopy()) {
                var m = v.original().orElseThrow();
                Text original = byId.get(m.candidate().id());
                boolean contained = NORMALIZER.normalize(t.body()).equals(NORMALIZER.normalize(original.body()))
                        || contains(original, t) || contains(t, original);
                out.add(new FalsePair(t, original, m.kind().name(), m.similarity(), contained));
            }
        }
        return out;
    }

    private static boolean contains(Text longer, Text shorter) {
        String a = squash(longer.body());
        String b = squash(shorter.body());
        return a.length() > b.length() && a.contains(b);
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static String report(List<Text> texts, List<FalsePair> pairs) {
        StringBuilder sb = new StringBuilder();
        long contained = pairs.stream().filter(FalsePair::contained).count();
        sb.append(String.format("public-corpus texts=%d falseCopies=%d sameOrContained=%d parameters=%s%n",
                texts.size(), pairs.size() - contained, contained, DedupParameters.DEFAULTS));
        pairs.forEach(p -> sb.append("  ").append(describe(p)).append('\n'));
        return sb.toString();
    }

    private static String describe(FalsePair p) {
        return String.format("%s%s/%s copy of %s/%s (%s, %.3f): %s | %s", p.contained() ? "[same or contained] " : "",
                p.copy().set(), p.copy().name(), p.original().set(), p.original().name(), p.kind(), p.similarity(),
                abbreviate(p.copy().body()), abbreviate(p.original().body()));
    }

    private static String abbreviate(String s) {
        String one = squash(s);
        return one.length() <= 60 ? one : one.substring(0, 60) + "...";
    }

    /** Reads the {@code .txt} files of a set in name order, taking the text after {@code " date YYYY-MM-DD "}. */
    static List<Text> read(Path folder, String set) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            List<Text> out = new ArrayList<>(sorted.size());
            for (Path p : sorted) {
                String content = Files.readString(p, StandardCharsets.UTF_8);
                Matcher m = DATED.matcher(content);
                if (!m.matches()) {
                    throw new IllegalStateException(p + ": expected ' date YYYY-MM-DD <text>'");
                }
                String name = p.getFileName().toString();
                String id = String.format("%032x", (long) (set + "/" + name).hashCode() & 0xffffffffL);
                out.add(new Text(id, set, name, m.group(4)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder holding lang_1 and lang_3: the system property, else eval-data/lang beside a parent of the working directory. */
    static Optional<Path> locate() {
        String configured = System.getProperty("wirestream.evalData");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("eval-data").resolve("lang");
            if (Files.isDirectory(candidate.resolve("lang_1")) && Files.isDirectory(candidate.resolve("lang_3"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
