package io.wirestream.cli;

import io.wirestream.core.ConnectionOptions;
import io.wirestream.core.WirestreamConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** Decodes a topic from the beginning into JSON lines. */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = {"Print a topic from the beginning as JSON lines {\"topic\":…,\"key\":…,\"value\":{…}} (committed records only).",
        "Runs until Ctrl-C, or with --max-idle until that many seconds pass without a new record."})
final class TailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "Topics to print, e.g. news.enriched.")
    List<String> topics;

    @Option(names = "--max-idle", paramLabel = "SECONDS", description = "Exit after this long without a new record.")
    Double maxIdleSeconds;

    @Override
    public Integer call() {
        Map<String, String> settings = connection.resolve(System.getenv());
        TailConfig config = new TailConfig(settings);
        if (maxIdleSeconds != null && maxIdleSeconds <= 0) {
            throw new IllegalArgumentException("--max-idle must be positive, was " + maxIdleSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean stop = new AtomicBoolean();
        Thread hook = new Thread(() -> stop.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        try (TopicDump dump = new TopicDump(config.kafkaClientConfigs(), config.registryConfigs())) {
            dump.fromBeginning(topics, Duration.ofSeconds(30));
            dump.run(line -> {
                out.println(line.toString());
                out.flush();
            }, maxIdleSeconds == null ? null : Duration.ofMillis((long) (maxIdleSeconds * 1000)), stop::get);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: nothing to remove
            }
        }
        return Wirestream.EXIT_OK;
    }

    /** Only the shared keys: where Kafka and the registry are. */
    static final class TailConfig extends WirestreamConfig {
        TailConfig(Map<?, ?> originals) {
            super(commonDefinition(), originals);
        }
    }
}
