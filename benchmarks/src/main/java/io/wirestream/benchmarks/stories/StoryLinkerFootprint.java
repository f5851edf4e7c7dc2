package io.wirestream.benchmarks.stories;

import io.wirestream.benchmarks.Heap;
import io.wirestream.stories.StoryLinker;
import io.wirestream.stories.StoryParameters;
import java.util.Locale;

/**
 * Heap retained per open story: used heap after full collections before and after filling a linker with
 * {@code openStories} stories of {@link SyntheticStories} (as {@link StoryLinkerBenchmark} fills it), divided by
 * their number.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.stories.StoryLinkerFootprint 1000000</pre>
 */
public final class StoryLinkerFootprint {
    private static final long T0 = 1_760_000_000_000L;

    private StoryLinkerFootprint() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StoryLinkerFootprint <open stories>");
        }
        int openStories = Integer.parseInt(args[0]);
        long before = Heap.usedAfterGc();
        StoryLinker linker = new StoryLinker(StoryParameters.DEFAULTS.withLimits(openStories, 20, 10));
        for (int i = 0; i < openStories; i++) {
            linker.link(SyntheticStories.article("fill" + i, i, false, T0), T0);
        }
        long after = Heap.usedAfterGc();
        System.out.printf(Locale.ROOT, "%d open stories: %.1f MB retained, %.0f bytes per open story (max heap %.1f GB)%n",
                linker.openStories(), (after - before) / 1e6, (after - before) / (double) linker.openStories(),
                Runtime.getRuntime().maxMemory() / 1e9);
    }
}
