package io.wirestream.benchmarks.profile;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samples a recording of probe threads that spin inside known classes. Only samples inside a measured round
 * count, and the round is opened once every probe thread has reached its innermost frame and closed before any
 * leaves it, so a sample taken while a thread starts or ends (outside the stage's frames) cannot make the exact
 * counts below differ from run to run.
 */
class StackShareTest {
    /** The bench's round marker, by the name {@link CpuByThreadGroup#ROUND_EVENT} that StackShare looks for. */
    @Name(CpuByThreadGroup.ROUND_EVENT)
    static final class Round extends Event {
        String leg;
        int round;
    }

    /** Spins until told to stop; counts {@code inside} down once it is in the frames it reports for. */
    static final class Probe {
        final CountDownLatch inside;
        volatile boolean stop;

        Probe(int threads) {
            inside = new CountDownLatch(threads);
        }
    }

    /** Work inside the "stage" whose share is measured. */
    static final class Stage {
        static long spin(Probe probe) {
            probe.inside.countDown();
            return Work.spin(probe);
        }

        static long handOn(Probe probe) {
            return Downstream.spin(probe);
        }
    }

    /** Work the stage hands on to, called from inside it: excluded by {@code !} prefix. */
    static final class Downstream {
        static long spin(Probe probe) {
            probe.inside.countDown();
            return Work.spin(probe);
        }
    }

    /** Work of another thread, outside the stage. */
    static final class Outside {
        static long spin(Probe probe) {
            probe.inside.countDown();
            return Work.spin(probe);
        }
    }

    /** Work outside it, also what the stage calls. */
    static final class Work {
        static long spin(Probe probe) {
            // plain arithmetic between flag reads: a thread sampled inside a native call is not an execution sample
            long x = 0;
            while (!probe.stop) {
                for (int i = 0; i < 100_000; i++) {
                    x = x * 6_364_136_223_846_793_005L + i;
                }
            }
            return x;
        }
    }

    /** Runs the probe threads, with one measured round of leg "pipeline" while all are inside their frames. */
    private static List<RecordedEvent> record(Path dir, List<String> names, List<Consumer<Probe>> bodies) throws Exception {
        Path file = dir.resolve("tiny.jfr");
        Probe probe = new Probe(bodies.size());
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable(Round.class);
            recording.start();
            Thread[] threads = new Thread[bodies.size()];
            for (int i = 0; i < threads.length; i++) {
                Consumer<Probe> body = bodies.get(i);
                threads[i] = new Thread(() -> body.accept(probe), names.get(i));
                threads[i].start();
            }
            try {
                assertTrue(probe.inside.await(30, TimeUnit.SECONDS), "probe threads did not start");
                Thread.sleep(100);
                Round round = new Round();
                round.leg = "pipeline";
                round.round = 1;
                round.begin();
                Thread.sleep(1200);
                round.end();
                round.commit();
                Thread.sleep(100);
            } finally {
                probe.stop = true;
                for (Thread t : threads) {
                    t.join();
                }
            }
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file);
    }

    @Test
    void shouldCountTheSamplesWhoseStackHoldsAFrameOfThePrefixOnTheChosenThreadsOnly(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events = record(dir, List.of("probe-stage-1", "probe-other-1"),
            List.of(Stage::spin, Outside::spin));
        List<String> stage = List.of(Stage.class.getName());

        StackShare.Share onlyStage = StackShare.share(events, Pattern.compile("probe-stage-\\d+"), "pipeline", stage);
        StackShare.Share onlyOther = StackShare.share(events, Pattern.compile("probe-other-\\d+"), "pipeline", stage);
        StackShare.Share both = StackShare.share(events, Pattern.compile("probe-.*"), "pipeline", stage);

        assertTrue(onlyStage.samples() > 0 && onlyOther.samples() > 0, "samples " + onlyStage + " " + onlyOther);
        // the stage's frame is under every sample of its thread, also those inside what it calls
        assertEquals(onlyStage.samples(), onlyStage.matching());
        assertEquals(0, onlyOther.matching());
        assertEquals(onlyStage.samples() + onlyOther.samples(), both.samples());
        assertEquals(onlyStage.samples(), both.matching());
        assertTrue(both.inRounds());

        // without round markers the whole recording counts: the samples before and after the round too
        List<RecordedEvent> noRounds = events.stream()
            .filter(e -> !e.getEventType().getName().equals(CpuByThreadGroup.ROUND_EVENT)).toList();
        StackShare.Share whole = StackShare.share(noRounds, Pattern.compile("probe-.*"), "pipeline", stage);
        assertFalse(whole.inRounds());
        assertTrue(whole.samples() > both.samples(), "whole " + whole + " rounds " + both);
        // another leg's rounds are not this one's: with none of its own, a leg counts the whole recording
        StackShare.Share otherLeg = StackShare.share(events, Pattern.compile("probe-.*"), "other-leg", stage);
        assertFalse(otherLeg.inRounds());
        assertEquals(whole.samples(), otherLeg.samples());
    }

    @Test
    void shouldNotCountTheSamplesThatAlsoHoldAFrameOfAnExcludedPrefix(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events = record(dir, List.of("probe-own-1", "probe-down-1"),
            List.of(Stage::spin, Stage::handOn));
        List<String> stage = List.of(Stage.class.getName());
        List<String> downstream = List.of(Downstream.class.getName());

        StackShare.Share all = StackShare.share(events, Pattern.compile("probe-(own|down)-\\d+"), "pipeline", stage);
        StackShare.Share own = StackShare.share(events, Pattern.compile("probe-(own|down)-\\d+"), "pipeline", stage, downstream);
        StackShare.Share ownThread = StackShare.share(events, Pattern.compile("probe-own-\\d+"), "pipeline", stage);

        assertTrue(ownThread.samples() > 0 && all.samples() > ownThread.samples(), "samples " + all + " " + ownThread);
        assertEquals(all.samples(), all.matching());
        assertEquals(all.samples(), own.samples());
        assertEquals(ownThread.matching(), own.matching());
    }
}
