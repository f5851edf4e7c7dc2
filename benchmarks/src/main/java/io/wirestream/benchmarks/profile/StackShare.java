package io.wirestream.benchmarks.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The share of a stage in a thread's work, from the execution samples of a Java Flight Recorder file: of the
 * {@code jdk.ExecutionSample} events of the threads whose name matches a pattern, the share whose stack holds
 * at least one frame of a class whose name starts with one of the given prefixes (a package, or a class). A
 * sample counts once however many such frames it holds, so the share includes everything the stage calls
 * (stores, serdes, collections) and nothing of the rest.
 *
 * <p>When the recording holds {@value CpuByThreadGroup#ROUND_EVENT} events of the given leg (a
 * {@code wirestream bench} run), only samples inside that leg's measured rounds count, so start-up, warm-up and
 * the other leg are left out; otherwise the whole recording counts.
 *
 * <p>Execution samples see Java code only: the stage's time in native code (RocksDB, compression) and the
 * garbage collection it causes are not in the share. The stack depth of the recording bounds what is seen: a
 * stage called deeper than it (default 64 frames) is missed, so record with
 * {@code -XX:FlightRecorderOptions=stackdepth=256} to be safe.
 *
 * <p>A prefix written {@code !prefix} excludes: a sample whose stack also holds a frame of that prefix does not
 * count for the stage. For the last stage of the pipeline this takes out the work downstream of it, which runs in
 * its forwarding call ({@code !org.apache.kafka.streams.kstream.internals.KStreamMapValues}: the pipeline's copies
 * after the stage, its sink and the routes, all reached through {@code mapValues} nodes).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.profile.StackShare
 * bench.jfr <thread name regex> <leg> <class prefix>... [!<excluded class prefix>...]}
 */
public final class StackShare {
    /** How many samples were counted and how many of them had a frame of the prefixes. */
    record Share(long samples, long matching, boolean inRounds) {
        double fraction() {
            return samples == 0 ? 0 : matching / (double) samples;
        }
    }

    private record Window(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && !t.isAfter(end);
        }
    }

    private StackShare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: StackShare <recording.jfr> <thread name regex> <bench leg> <class prefix>...");
            System.exit(2);
        }
        List<String> prefixes = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String a : List.of(args).subList(3, args.length)) {
            if (a.startsWith("!")) {
                excluded.add(a.substring(1));
            } else {
                prefixes.add(a);
            }
        }
        Share share = share(RecordingFile.readAllEvents(Path.of(args[0])), Pattern.compile(args[1]), args[2], prefixes, excluded);
        print(share, args[1], args[2], prefixes, excluded, System.out);
    }

    static void print(Share share, String threads, String leg, List<String> prefixes, List<String> excluded, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %,d of %,d execution samples of threads %s (%s) have a frame of %s%s%n",
            String.format(Locale.ROOT, "%.1f %%", 100 * share.fraction()), share.matching(), share.samples(), threads,
            share.inRounds() ? "measured rounds of leg " + leg : "whole recording", String.join(", ", prefixes),
            excluded.isEmpty() ? "" : " and none of " + String.join(", ", excluded));
    }

    static Share share(List<RecordedEvent> events, Pattern threads, String leg, List<String> prefixes) {
        return share(events, threads, leg, prefixes, List.of());
    }

    /** The share of samples with a frame of {@code prefixes} and none of {@code excluded}. */
    static Share share(List<RecordedEvent> events, Pattern threads, String leg, List<String> prefixes, List<String> excluded) {
        List<Window> rounds = new ArrayList<>();
        for (RecordedEvent e : events) {
            // warm-up rounds are numbered from 1 - warm-up count to 0: left out
            if (e.getEventType().getName().equals(CpuByThreadGroup.ROUND_EVENT) && leg.equals(e.getString("leg")) && e.getInt("round") >= 1) {
                rounds.add(new Window(e.getStartTime(), e.getEndTime()));
            }
        }
        long samples = 0;
        long matching = 0;
        for (RecordedEvent e : events) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedThread thread = e.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !threads.matcher(thread.getJavaName()).matches()) {
                continue;
            }
            if (!rounds.isEmpty() && rounds.stream().noneMatch(w -> w.contains(e.getStartTime()))) {
                continue;
            }
            samples++;
            if (hasFrame(e.getStackTrace(), prefixes) && (excluded.isEmpty() || !hasFrame(e.getStackTrace(), excluded))) {
                matching++;
            }
        }
        return new Share(samples, matching, !rounds.isEmpty());
    }

    static boolean hasFrame(RecordedStackTrace stack, List<String> prefixes) {
        if (stack == null) {
            return false;
        }
        for (RecordedFrame f : stack.getFrames()) {
            if (f.getMethod() == null || f.getMethod().getType() == null) {
                continue;
            }
            String type = f.getMethod().getType().getName();
            for (String prefix : prefixes) {
                if (type.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
