package io.wirestream.ops.cli;

import io.wirestream.ops.lag.GroupLag;
import io.wirestream.ops.lag.LagMonitor;
import io.wirestream.ops.lag.LagMonitorConfig;
import io.wirestream.ops.lag.LagMonitorException;
import io.wirestream.ops.lag.LagReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lag}: consumer group lag as {@code kafka-consumer-groups --describe} shows it, plus time lag and a
 * status. Exit codes: 0 done, 1 the cluster could not be read (or the named group does not exist), 2 bad
 * arguments. In watch mode a failed poll after the first is reported and the watch goes on.
 */
@Command(name = "lag", mixinStandardHelpOptions = true,
    description = {"Show consumer group lag: committed and log-end offsets, lag, time lag and status per partition.",
        "Time lag and status need history: use --watch to let them build up over several polls."})
public final class LagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LagOptions options;

    @Option(names = "--watch", description = "Poll every --interval seconds until interrupted.")
    boolean watch;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
        description = "With --watch, stop after N polls (default: never).")
    int count;

    @Option(names = "--json", description = "One JSON object per partition and line instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        LagMonitorConfig config = options.toConfig();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LagMonitor monitor = LagMonitor.create(config)) {
            int polls = 0;
            while (true) {
                LagReport report;
                try {
                    report = monitor.poll();
                } catch (LagMonitorException e) {
                    err.println("Error: " + e.getMessage());
                    err.flush();
                    if (polls == 0) {
                        return 1;
                    }
                    report = null;
                }
                polls++;
                if (report != null) {
                    print(out, report);
                    Optional<String> missing = missingGroup(config, report);
                    if (missing.isPresent() && !watch) {
                        err.println("Error: " + missing.get());
                        err.flush();
                        return 1;
                    }
                }
                if (!watch || (count > 0 && polls >= count)) {
                    return 0;
                }
                Thread.sleep(config.intervalMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void print(PrintWriter out, LagReport report) {
        if (json) {
            LagReportFormatter.jsonLines(report).forEach(out::println);
        } else {
            out.print(LagReportFormatter.table(report));
            if (watch) {
                out.println();
            }
        }
        out.flush();
    }

    private static Optional<String> missingGroup(LagMonitorConfig config, LagReport report) {
        return config.group().flatMap(id -> {
            Optional<GroupLag> g = report.group(id);
            boolean absent = g.isEmpty() || (g.get().partitions().isEmpty() && g.get().state().equals("Dead"));
            return absent ? Optional.of("consumer group '" + id + "' does not exist") : Optional.empty();
        });
    }
}
