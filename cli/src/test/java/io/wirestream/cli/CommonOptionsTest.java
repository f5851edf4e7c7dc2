package io.wirestream.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every command that talks to Kafka or the registry takes the same connection options. */
class CommonOptionsTest {
    /** The commands that connect to a broker or a registry given to them. */
    private static final Set<String> CONNECTING = Set.of("ingest", "process", "tail", "lag", "monitor", "kb-load");
    /** The commands that start their own embedded broker, or connect to nothing. */
    private static final Set<String> SELF_CONTAINED = Set.of("demo", "eval", "broker", "bench", "asyncapi", "help");
    private static final List<String> COMMON = List.of("--bootstrap=HOST:PORT", "--registry=URL", "--config=FILE", "-D=KEY=VALUE");

    @Test
    void shouldClassifyEveryCommandAsConnectingOrSelfContained() {
        Set<String> unclassified = new TreeSet<>(Wirestream.commandLine().getSubcommands().keySet());
        unclassified.removeAll(CONNECTING);
        unclassified.removeAll(SELF_CONTAINED);
        assertEquals(Set.of(), unclassified, "a new command must say whether it takes the connection options");
    }

    @Test
    void shouldListTheCommonOptionsInTheHelpOfEveryConnectingCommand() {
        Map<String, List<String>> missing = new TreeMap<>();
        for (String command : CONNECTING) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Wirestream.run(new String[] {command, "--help"}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(0, code, command + " --help: " + err);
            List<String> absent = COMMON.stream().filter(option -> !out.toString().contains(option)).toList();
            if (!absent.isEmpty()) {
                missing.put(command, absent);
            }
        }
        assertEquals(Map.of(), missing, "options missing from --help");
    }

    @Test
    void shouldAcceptTheRegistryAndAConfigFileOnTheLagCommands() {
        for (String command : List.of("lag", "monitor")) {
            CommandLine.ParseResult parsed = Wirestream.commandLine().parseArgs(command, "--bootstrap", "k:9092",
                "--registry", "http://r:8081", "--config", "client.properties", "-D", "kafka.client.id=x");
            assertEquals(command, parsed.subcommand().commandSpec().name());
        }
    }
}
