package io.wirestream.benchmarks.stories;

import io.wirestream.stories.ArticleEvidence;
import io.wirestream.stories.StoryLinker;
import io.wirestream.stories.StoryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per article of story linking with 10 thousand, 100 thousand and a million open stories.
 *
 * <p>The index is filled with {@code openStories} stories, each started by an article with one of 200 common
 * entities (countries, leaders: held by thousands of stories, too common to search by), two entities of its
 * own, a number and four headline terms from a 20,000-word vocabulary in one of five languages. Measured:
 * <ul>
 *   <li>{@code joinStory}: an article that shares its common entity, its own entities, the number and two terms with a
 *       random open story, and joins it;</li>
 *   <li>{@code newStory}: an article of a new event (common entities and terms, nothing of its own shared); the
 *       open limit is the fill size, so each one closes the longest-quiet story and the index stays the same size.</li>
 * </ul>
 * Each invocation handles {@value #BATCH} articles generated before the iteration.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@OperationsPerInvocation(StoryLinkerBenchmark.BATCH)
@State(Scope.Benchmark)
public class StoryLinkerBenchmark {
    static final int BATCH = 2_000;
    private static final long T0 = 1_760_000_000_000L;

    @Param({"10000", "100000", "1000000"})
    public int openStories;

    private StoryLinker linker;
    private Random random;
    private long now;
    private int next;
    private List<ArticleEvidence> joining;
    private List<ArticleEvidence> fresh;

    @Setup(Level.Trial)
    public void fill() {
        linker = new StoryLinker(StoryParameters.DEFAULTS.withLimits(openStories, 20, 10));
        random = new Random(42);
        now = T0;
        for (int i = 0; i < openStories; i++) {
            linker.link(article("fill" + i, i, false), now);
        }
        next = openStories;
        System.out.printf("%n%d open stories after filling%n", linker.openStories());
    }

    @Setup(Level.Iteration)
    public void batch() {
        joining = new ArrayList<>(BATCH);
        fresh = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            // a story still open: the newest fill (or later) stories are, whatever newStory closed
            int story = openStories / 2 + random.nextInt(openStories / 2);
            joining.add(article("join" + next + "-" + i, story, true));
            fresh.add(article("new" + next + "-" + i, next + i, false));
        }
        next += BATCH;
    }

    private ArticleEvidence article(String id, int n, boolean sameAsStory) {
        return SyntheticStories.article(id, n, sameAsStory, now);
    }

    @Benchmark
    public int joinStory() {
        int joined = 0;
        for (ArticleEvidence a : joining) {
            joined += linker.link(a, now).assignment().started() ? 0 : 1;
        }
        return joined;
    }

    @Benchmark
    public int newStory() {
        int open = 0;
        for (ArticleEvidence a : fresh) {
            open += linker.link(a, now).closed().size();
        }
        return open;
    }
}
