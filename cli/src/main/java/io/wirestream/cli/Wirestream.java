package io.wirestream.cli;

import io.wirestream.ops.cli.LagCommand;
import io.wirestream.ops.cli.MonitorCommand;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code wirestream} launcher. Exit codes: 0 success; 1 failure (the message says what failed);
 * 2 bad arguments or configuration (the message names the key or flag); 3 finished, but some inputs were
 * invalid and went to the dead-letter topic.
 */
@Command(name = "wirestream", mixinStandardHelpOptions = true, versionProvider = Wirestream.Version.class,
    description = "Streaming news ingestion pipeline on Apache Kafka.",
    subcommands = {DemoCommand.class, EvalCommand.class, BrokerCommand.class, IngestCommand.class, ProcessCommand.class,
        TailCommand.class, LagCommand.class, MonitorCommand.class, KbLoadCommand.class, BenchCommand.class, AsyncApiCommand.class,
        CommandLine.HelpCommand.class})
public final class Wirestream {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INVALID_INPUT = 3;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; output goes to {@code out}, messages and errors to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Wirestream());
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                err.println("wirestream " + commandLine.getCommandName() + ": configuration error: " + e.getMessage());
                return EXIT_USAGE;
            }
            err.println("wirestream " + commandLine.getCommandName() + ": " + describe(e));
            return EXIT_FAILURE;
        });
        cmd.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILURE);
        return cmd;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null && sb.indexOf(c.getMessage()) < 0) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Wirestream.class.getPackage().getImplementationVersion();
            return new String[] {"wirestream " + (v == null ? "dev" : v)};
        }
    }
}
