package io.wirestream.benchmarks.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sorts the threads of a {@code wirestream bench} process (broker, registry, the two Kafka Streams
 * applications, the load producer and the output readers all in one JVM) into the groups of the CPU table,
 * by thread name. The names are those Kafka 4.3 and the JDK give their threads; a thread no rule matches
 * counts as {@link #OTHER}, so a renamed thread shows up there instead of vanishing.
 *
 * <p>Rules are checked in order, first match wins: a Streams producer's network thread
 * ({@code kafka-producer-network-thread | <app>-StreamThread-1-producer}) counts as a producer, not as the
 * stream thread whose name it carries.
 */
public final class ThreadGroups {
    public static final String OTHER = "other threads";

    /** A group and the thread names it takes. */
    public record Rule(String group, Pattern names) {
        public Rule {
            if (group == null || group.isBlank()) {
                throw new IllegalArgumentException("a rule needs a group name");
            }
        }

        static Rule of(String group, String regex) {
            return new Rule(group, Pattern.compile(regex));
        }
    }

    /** The groups of the bench process; the pipeline's application id starts with {@code wirestream-bench}. */
    public static final List<Rule> BENCH = List.of(
        Rule.of("Streams producers (pipeline and pass-through, network threads)",
            "kafka-producer-network-thread \\| .*-StreamThread-\\d+-producer"),
        Rule.of("pipeline stream threads (clean, dedup, language, entities, serdes)", "wirestream-bench.*-StreamThread-\\d+"),
        Rule.of("pass-through stream threads", "passthrough-.*-StreamThread-\\d+"),
        Rule.of("Streams state updater, global and cleanup threads",
            ".*-(StateUpdater-\\d+|GlobalStreamThread|CleanupThread)"),
        Rule.of("broker request handlers (produce, fetch, log append)", "(data-plane-kafka-request-handler-\\d+|executor-Fetch)"),
        Rule.of("broker network threads", "data-plane-kafka-(network-thread|socket-acceptor).*"),
        Rule.of("broker transaction coordinator and markers",
            "(TxnMarkerSenderThread-\\d+|AddPartitionsToTxnSenderThread-\\d+|transaction-log-manager-\\d+|.*[Tt]ransaction.*)"),
        Rule.of("broker group and share coordinators", "(group-coordinator|share-coordinator).*"),
        Rule.of("broker log housekeeping (scheduler, cleaner, purgatories)",
            "(kafka-scheduler-\\d+|kafka-log-cleaner.*|ExpirationReaper-.*|LogDirFailureHandler|log-closing-.*|.*-log-.*)"),
        Rule.of("KRaft controller and metadata",
            "(quorum-controller.*|kafka-\\d+-raft.*|raft-.*|controller-\\d+-.*|broker-\\d+-.*|.*-metadata-loader.*|.*NodeToControllerChannelManager.*)"),
        Rule.of("bench load producer and output readers (main thread, plain clients)",
            "(main|kafka-producer-network-thread \\| producer-\\d+|kafka-admin-client-thread.*|consumer_background_thread.*)"),
        Rule.of("Streams consumers' heartbeat threads", "kafka-coordinator-heartbeat-thread \\| .*"),
        Rule.of("schema registry (server, its store's producer, HTTP clients)",
            "(wirestream-registry.*|kafka-producer-network-thread \\| wirestream-registry.*|HttpClient-\\d+-.*)"),
        Rule.of("pipeline metrics (Micrometer)", "(micrometer-.*|metrics-meter-tick-thread.*)"),
        Rule.of("JIT compilers", "C[12] CompilerThread\\d+"),
        Rule.of("JDK and JFR housekeeping", "(JFR .*|Attach Listener|Signal Dispatcher|Finalizer|Reference Handler|Common-Cleaner|process reaper|ForkJoinPool.*)"));

    private final List<Rule> rules;

    public ThreadGroups(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The group of a thread called {@code threadName}; {@link #OTHER} when no rule matches or the name is unknown. */
    public String groupOf(String threadName) {
        if (threadName == null) {
            return OTHER;
        }
        for (Rule rule : rules) {
            if (rule.names().matcher(threadName).matches()) {
                return rule.group();
            }
        }
        return OTHER;
    }

    /** Every group in rule order, {@link #OTHER} last. */
    public List<String> groups() {
        return java.util.stream.Stream.concat(rules.stream().map(Rule::group).distinct(), java.util.stream.Stream.of(OTHER)).toList();
    }
}
