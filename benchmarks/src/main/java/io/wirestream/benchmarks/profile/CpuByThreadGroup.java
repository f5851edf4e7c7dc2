package io.wirestream.benchmarks.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whole-process CPU attribution of a {@code wirestream bench} run from a Java Flight Recorder file: every
 * thread of the process (broker, registry, stream threads, producers, readers) sorted into the groups of
 * {@link ThreadGroups}, once for the whole recording and once per bench leg (the windows the bench marks
 * with its {@value #ROUND_EVENT} events, measured rounds only, so start-up, article generation, filling the
 * input and warm-up rounds are left out).
 *
 * <p>Two measures per group, because neither sees everything:
 * <ul>
 *   <li>execution samples ({@code jdk.ExecutionSample}): a thread is sampled only while it runs Java code, so
 *       native work (zstd, RocksDB, the kernel's side of socket and file I/O) is missing;</li>
 *   <li>CPU time from {@code jdk.ThreadCPULoad} (user + system, per Java thread, every period of the
 *       recording setting: 10 s with the {@code profile} settings, 1 s if the recording asks for it), which
 *       includes native work. The process's total from {@code jdk.CPULoad} minus the Java threads' sum is
 *       the CPU of threads JFR does not name: garbage collection, the JIT compilers and other VM threads.</li>
 * </ul>
 * The machine's total load ({@code machineTotal}) is printed too: on a shared machine, the share it has
 * beyond the process's is other work competing for the same cores.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.profile.CpuByThreadGroup bench.jfr}
 */
public final class CpuByThreadGroup {
    /** The event the bench commits for each measured round; its field {@code leg} names the leg. */
    public static final String ROUND_EVENT = "io.wirestream.BenchRound";
    static final String VM_THREADS = "GC and other VM threads (process CPU minus Java threads)";
    /** Successive passes of the periodic ThreadCPULoad task are further apart than this; events of one pass closer. */
    private static final Duration PASS_GAP = Duration.ofMillis(200);

    private record Window(String leg, Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && !t.isAfter(end);
        }
    }

    /** Sums of one set of windows. */
    static final class Tally {
        final Map<String, Long> samples = new HashMap<>();
        final Map<String, Double> cpuSeconds = new HashMap<>();
        final Map<String, Long> otherThreadSamples = new TreeMap<>();
        double processCpuSeconds;
        double machineCpuSeconds;
        double seconds;
        long gcCount;
        Duration gcPauses = Duration.ZERO;
    }

    private final ThreadGroups groups;

    CpuByThreadGroup(ThreadGroups groups) {
        this.groups = groups;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CpuByThreadGroup <recording.jfr>");
            System.exit(2);
        }
        new CpuByThreadGroup(new ThreadGroups(ThreadGroups.BENCH)).report(Path.of(args[0]), System.out);
    }

    void report(Path recording, PrintStream out) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        int cpus = events.stream().filter(e -> e.getEventType().getName().equals("jdk.CPUInformation"))
            .mapToInt(e -> e.getInt("hwThreads")).findFirst().orElse(Runtime.getRuntime().availableProcessors());
        Map<String, List<Window>> legs = new LinkedHashMap<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (RecordedEvent e : events) {
            first = e.getStartTime().isBefore(first) ? e.getStartTime() : first;
            last = e.getEndTime().isAfter(last) ? e.getEndTime() : last;
            // warm-up rounds are numbered from 1 - warm-up count to 0: left out
            if (e.getEventType().getName().equals(ROUND_EVENT) && e.getInt("round") >= 1) {
                legs.computeIfAbsent(e.getString("leg"), k -> new ArrayList<>()).add(new Window(e.getString("leg"), e.getStartTime(), e.getEndTime()));
            }
        }
        out.printf("%s: %d events, %.1f s, %d hardware threads%n%n", recording.getFileName(), events.size(),
            Duration.between(first, last).toMillis() / 1e3, cpus);
        print("whole recording", tally(events, List.of(new Window("all", first, last)), cpus), out);
        for (Map.Entry<String, List<Window>> leg : legs.entrySet()) {
            print(leg.getKey() + " rounds (" + leg.getValue().size() + ")", tally(events, leg.getValue(), cpus), out);
        }
    }

    /**
     * The wall-clock interval each ThreadCPULoad event covers. JFR measures every Java thread once per period
     * and restarts each thread's wall clock at every pass, but emits an event only for a thread that used at
     * least 1 ms of CPU since its last event (the CPU time carries over, the wall clock does not): so an event
     * covers the time since the previous pass over all threads, not since that thread's previous event.
     */
    static Map<Instant, Double> passIntervals(List<Instant> times) {
        List<Instant> sorted = times.stream().sorted().toList();
        Map<Instant, Double> covered = new HashMap<>();
        Instant passStart = null;
        Instant previousPassStart = null;
        Instant previous = null;
        for (Instant t : sorted) {
            if (previous == null || Duration.between(previous, t).compareTo(PASS_GAP) > 0) {
                previousPassStart = passStart;
                passStart = t;
            }
            if (previousPassStart != null) {
                covered.put(t, seconds(previousPassStart, passStart));
            }
            previous = t;
        }
        return covered;
    }

    Tally tally(List<RecordedEvent> events, List<Window> windows, int cpus) {
        Tally t = new Tally();
        windows.forEach(w -> t.seconds += Duration.between(w.start(), w.end()).toMillis() / 1e3);
        Map<Instant, Double> threadLoadIntervals = passIntervals(events.stream()
            .filter(e -> e.getEventType().getName().equals("jdk.ThreadCPULoad")).map(RecordedEvent::getEndTime).toList());
        Instant previousProcessLoad = null;
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            Instant at = e.getEndTime();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (inAny(windows, at)) {
                        String name = threadName(e.getThread("sampledThread"));
                        String group = groups.groupOf(name);
                        t.samples.merge(group, 1L, Long::sum);
                        if (group.equals(ThreadGroups.OTHER)) {
                            t.otherThreadSamples.merge(String.valueOf(name), 1L, Long::sum);
                        }
                    }
                }
                case "jdk.ThreadCPULoad" -> {
                    Double covered = threadLoadIntervals.get(at);
                    if (covered != null && inAny(windows, at)) {
                        double load = e.getFloat("user") + e.getFloat("system");
                        t.cpuSeconds.merge(groups.groupOf(threadName(e.getThread("eventThread"))), load * cpus * covered, Double::sum);
                    }
                }
                case "jdk.CPULoad" -> {
                    if (previousProcessLoad != null && inAny(windows, at)) {
                        double dt = seconds(previousProcessLoad, at);
                        t.processCpuSeconds += (e.getFloat("jvmUser") + e.getFloat("jvmSystem")) * cpus * dt;
                        t.machineCpuSeconds += e.getFloat("machineTotal") * cpus * dt;
                    }
                    previousProcessLoad = at;
                }
                case "jdk.GarbageCollection" -> {
                    if (inAny(windows, at)) {
                        t.gcCount++;
                        t.gcPauses = t.gcPauses.plus(e.getDuration("sumOfPauses"));
                    }
                }
                default -> { }
            }
        }
        return t;
    }

    private void print(String title, Tally t, PrintStream out) {
        long samples = t.samples.values().stream().mapToLong(Long::longValue).sum();
        double javaCpu = t.cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        double vmCpu = Math.max(0, t.processCpuSeconds - javaCpu);
        double cpuTotal = Math.max(t.processCpuSeconds, javaCpu);
        out.printf("### %s: %.1f s; process CPU %.2f cores on average, machine %.2f; %d GCs, pauses %d ms%n%n",
            title, t.seconds, t.processCpuSeconds / Math.max(1e-9, t.seconds), t.machineCpuSeconds / Math.max(1e-9, t.seconds),
            t.gcCount, t.gcPauses.toMillis());
        out.println("| thread group | execution samples | share of samples | CPU, core-seconds | share of the process's CPU |");
        out.println("|---|---:|---:|---:|---:|");
        List<String> rows = new ArrayList<>(groups.groups());
        rows.add(VM_THREADS);
        rows.sort((a, b) -> Double.compare(cpu(t, b, vmCpu), cpu(t, a, vmCpu)));
        for (String group : rows) {
            long n = t.samples.getOrDefault(group, 0L);
            double cpu = cpu(t, group, vmCpu);
            if (n == 0 && cpu < 0.005) {
                continue;
            }
            out.printf("| %s | %,d | %.1f %% | %.1f | %.1f %% |%n", group, n, 100.0 * n / Math.max(1, samples), cpu,
                100.0 * cpu / Math.max(1e-9, cpuTotal));
        }
        out.printf("| total | %,d | | %.1f | |%n%n", samples, cpuTotal);
        if (!t.otherThreadSamples.isEmpty()) {
            out.println("threads in \"" + ThreadGroups.OTHER + "\" (execution samples): " + t.otherThreadSamples);
            out.println();
        }
    }

    private static double cpu(Tally t, String group, double vmCpu) {
        return group.equals(VM_THREADS) ? vmCpu : t.cpuSeconds.getOrDefault(group, 0.0);
    }

    private static boolean inAny(List<Window> windows, Instant t) {
        for (Window w : windows) {
            if (w.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String threadName(RecordedThread thread) {
        if (thread == null) {
            return null;
        }
        return thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    }
}
