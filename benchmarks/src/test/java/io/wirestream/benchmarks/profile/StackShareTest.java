package io.wirestream.benchmarks.profile;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackShareTest {
    /** Work inside the "stage" whose share is measured. */
    static final class Stage {
        static long spin(long untilNanos) {
            return Work.spin(untilNanos);
        }

        static long handOn(long untilNanos) {
            return Downstream.spin(untilNanos);
        }
    }

    /** Work the stage hands on to, called from inside it: excluded by {@code !} prefix. */
    static final class Downstream {
        static long spin(long untilNanos) {
            return Work.spin(untilNanos);
        }
    }

    /** Work outside it, also what the stage calls. */
    static final class Work {
        static long spin(long untilNanos) {
            // plain arithmetic between clock reads: a thread sampled inside the clock's native call is not an execution sample
            long x = 0;
            while (System.nanoTime() < untilNanos) {
                for (int i = 0; i < 100_000; i++) {
                    x = x * 6_364_136_223_846_793_005L + i;
                }
            }
            return x;
        }
    }

    @Test
    void shouldCountTheSamplesWhoseStackHoldsAFrameOfThePrefixOnTheChosenThreadsOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            Thread inStage = new Thread(() -> Stage.spin(until), "probe-stage-1");
            Thread outside = new Thread(() -> Work.spin(until), "probe-other-1");
            inStage.start();
            outside.start();
            inStage.join();
            outside.join();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        String stage = Stage.class.getName();

        StackShare.Share onlyStage = StackShare.share(events, Pattern.compile("probe-stage-\\d+"), "pipeline", List.of(stage));
        StackShare.Share onlyOther = StackShare.share(events, Pattern.compile("probe-other-\\d+"), "pipeline", List.of(stage));
        StackShare.Share both = StackShare.share(events, Pattern.compile("probe-.*"), "pipeline", List.of(stage));

        assertTrue(onlyStage.samples() > 0 && onlyOther.samples() > 0, "samples " + onlyStage + " " + onlyOther);
        // the stage's frame is under every sample of its thread, also those inside what it calls
        assertEquals(onlyStage.samples(), onlyStage.matching());
        assertEquals(0, onlyOther.matching());
        assertEquals(onlyStage.samples() + onlyOther.samples(), both.samples());
        assertEquals(onlyStage.samples(), both.matching());
        assertEquals(false, both.inRounds());
    }

    @Test
    void shouldNotCountTheSamplesThatAlsoHoldAFrameOfAnExcludedPrefix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            Thread own = new Thread(() -> Stage.spin(until), "probe-own-1");
            Thread handedOn = new Thread(() -> Stage.handOn(until), "probe-down-1");
            own.start();
            handedOn.start();
            own.join();
            handedOn.join();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
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
