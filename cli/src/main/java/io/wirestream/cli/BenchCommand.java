package io.wirestream.cli;

import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.TopicNames;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import org.HdrHistogram.Histogram;
import io.wirestream.core.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end benchmark on the embedded broker: the whole pipeline against the same broker's raw
 * pass-through (a Kafka Streams application copying bytes, exactly-once, same compression and commit
 * interval), in one run, with the ratio of the two.
 *
 * <p>Method. Both applications run side by side on one broker, their topics created and their leaders
 * in place before anything is produced. Throughput is measured in rounds, the two legs alternated (pass-through,
 * pipeline, pass-through, ...), after warm-up rounds that are not counted; each round is a pre-filled input
 * processed in steady state ({@link BenchLeg}). Each leg's figure is the median of its rounds, with their
 * range; the ratio is that of the medians. Latency: a paced run through the pipeline afterwards, each
 * output's latency being the time a read_committed consumer sees it minus the load producer's send time.
 *
 * <p>Why pre-filled. With transactions v2, a commit returns before the transaction markers are written; the
 * next transaction's first batches then meet the previous one still completing (CONCURRENT_TRANSACTIONS)
 * and the batches pipelined behind them are rejected as out of sequence ("Expected sequence 0 for
 * transactions v2 idempotent producer with no existing state"), then retried with backoff. That happens
 * when the broker is slow to write markers: on a cold JVM, and while a load producer floods the same
 * 2 cores. Producing during the timed window therefore measured the load producer's disturbance as much as
 * the pass-through; the rounds now print the retries of the applications' producers, so a disturbed round
 * shows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure end-to-end throughput (alternated rounds, median and range) and latency of the pipeline and of a raw Streams pass-through on the embedded broker."})
final class BenchCommand implements Callable<Integer> {
    static final String PASS_THROUGH = "pass-through";
    static final String PIPELINE = "pipeline";

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", defaultValue = "5000", description = "Articles per pipeline round (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--pass-through-records", defaultValue = "40000",
        description = "Records per pass-through round (default ${DEFAULT-VALUE}; it is about ten times faster than the pipeline).")
    int passThroughRecords;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds per leg, the legs alternated (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warm-up-rounds", defaultValue = "2", description = "Rounds per leg run first and not counted (default ${DEFAULT-VALUE}).")
    int warmUpRounds;

    @Option(names = "--article-bytes", defaultValue = "4096", description = "Body size of each article in bytes (default ${DEFAULT-VALUE}).")
    int articleBytes;

    @Option(names = "--latency-seconds", defaultValue = "15", description = "Length of the paced latency run; 0 skips it (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--latency-rate", paramLabel = "ARTICLES_PER_S",
        description = "Articles per second of a latency run; repeat for several runs (default: one run at --latency-load times the pipeline's median).")
    List<Double> latencyRates = new ArrayList<>();

    @Option(names = "--latency-load", defaultValue = "0.5",
        description = "Rate of the latency run as a fraction of the pipeline's median throughput, unless --latency-rate is given (default ${DEFAULT-VALUE}).")
    double latencyLoad;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the input and output topics (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--stream-threads", defaultValue = "1",
        description = "Kafka Streams threads of the pipeline and the pass-through (default ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--instances", defaultValue = "1",
        description = "Pipeline instances: 1 in this process; 2 adds one in its own JVM sharing the partitions (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--instance-java-options", defaultValue = "-Xmx1g",
        description = "JVM options of the second instance's process (default ${DEFAULT-VALUE}).")
    String instanceJavaOptions;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Dated text articles whose vocabularies the synthetic articles use (default: the bundled samples).")
    Path corpus;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path words = corpus != null ? corpus : Path.of(System.getProperty(DemoCommand.HOME_PROPERTY, "."), "samples", "articles");
        SyntheticArticles generator = new SyntheticArticles(words, articleBytes, 42);
        try (LocalStack stack = LocalStack.start(null, 0, 0)) {
            err.println("bench: embedded broker " + stack.bootstrapServers() + ", registry " + stack.registryUrl());
            ProcessorConfig config = pipelineConfig(stack);
            TopicNames names = config.topicNames();
            try (ProcessorApp app = new ProcessorApp(config);
                 SerdeFactory serdes = new SerdeFactory(config.registryConfigs());
                 KafkaStreams passThrough = passThrough(stack.bootstrapServers(), streamThreads, PASS_IN, PASS_OUT);
                 SecondInstance second = instances == 2 ? new SecondInstance(stack, config, instanceJavaOptions) : null) {
                Serializer<RawArticle> serializer = serdes.forValues(RawArticle.class).serializer();
                createTopics(stack, List.of(PASS_IN, PASS_OUT));
                app.start();
                start(passThrough, PASS_THROUGH);
                awaitRunning(app);
                if (second != null) {
                    second.start();
                    second.awaitGroupMembers(2, Duration.ofMinutes(2));
                    awaitRunning(app);
                }

                // the pass-through copies the same 2,000 articles over and over: it does not look inside them
                List<byte[]> pool = new ArrayList<>();
                for (int i = 0; i < Math.min(2000, passThroughRecords); i++) {
                    pool.add(serializer.serialize(PASS_IN, generator.next(1_000_000_000 + i)));
                }
                Map<String, List<BenchLeg.Round>> measured = new TreeMap<>();
                int nextArticle = 0;
                try (BenchLeg pt = new BenchLeg(PASS_THROUGH, passThrough, true, stack.bootstrapServers(), PASS_IN, List.of(PASS_OUT));
                     BenchLeg pipeline = new BenchLeg(PIPELINE, app.streams(), second == null, stack.bootstrapServers(), names.raw(),
                         List.of(names.enriched(), names.duplicates(), names.deadLetters()))) {
                    for (int round = 1 - warmUpRounds; round <= rounds; round++) {
                        BenchLeg.Round p = pt.run(round, passThroughRecords, i -> pool.get(i % pool.size()));
                        report(out, p, measured);
                        List<byte[]> batch = articles(serializer, names.raw(), generator, nextArticle, articles);
                        nextArticle += articles;
                        BenchLeg.Round q = pipeline.run(round, articles, batch::get);
                        report(out, q, measured);
                    }
                    Spread ptSpread = Spread.of(measured.get(PASS_THROUGH).stream().map(BenchLeg.Round::perSecond).toList());
                    Spread plSpread = Spread.of(measured.get(PIPELINE).stream().map(BenchLeg.Round::perSecond).toList());
                    StringBuilder latency = new StringBuilder();
                    List<Double> rates = latencyRates.isEmpty() ? List.of(Math.max(1, plSpread.median() * latencyLoad)) : latencyRates;
                    for (double rate : latencySeconds > 0 ? rates : List.<Double>of()) {
                        int count = (int) Math.max(1, rate * latencySeconds);
                        List<byte[]> paced = articles(serializer, names.raw(), generator, nextArticle, count);
                        nextArticle += count;
                        Histogram h = pipeline.latency(rate, count, paced::get);
                        latency.append(String.format("pipeline latency at %,.0f articles/s for %d s: p50 %,d ms, p99 %,d ms, max %,d ms (%,d outputs)%n",
                            rate, latencySeconds, h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue(), h.getTotalCount()));
                        out.print(latency.substring(latency.lastIndexOf("pipeline latency")));
                        out.flush();
                    }
                    out.print(summary(measured, ptSpread, plSpread, latency.toString(), internalTraffic(stack, config.applicationId(), names.raw())));
                    out.flush();
                }
            }
        }
        return Wirestream.EXIT_OK;
    }

    static final String PASS_IN = "passthrough.in";
    static final String PASS_OUT = "passthrough.out";

    private void validate() {
        if (rounds < 1 || warmUpRounds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1 and --warm-up-rounds at least 0");
        }
        if (instances < 1 || instances > 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--instances must be 1 or 2, was " + instances);
        }
        if (latencyRates.stream().anyMatch(r -> !(r > 0))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--latency-rate must be above 0, was " + latencyRates);
        }
        if (articles < 1 || passThroughRecords < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--articles and --pass-through-records must be at least 1");
        }
    }

    private void report(PrintWriter out, BenchLeg.Round r, Map<String, List<BenchLeg.Round>> measured) {
        boolean counted = r.round() >= 1;
        if (counted) {
            measured.computeIfAbsent(r.leg(), k -> new ArrayList<>()).add(r);
        }
        String unit = r.leg().equals(PIPELINE) ? "articles" : "records";
        out.printf("%-12s %s %d: %,d %s in %.1f s = %,.0f %s/s; producer retries %d%n", r.leg(),
            counted ? "round" : "warm-up", counted ? r.round() : r.round() + warmUpRounds, r.records(), unit, r.seconds(), r.perSecond(),
            unit, r.producerRetries());
        out.flush();
    }

    private String summary(Map<String, List<BenchLeg.Round>> measured, Spread pt, Spread pl, String latency, String internal) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n== bench summary: %d rounds per leg after %d warm-up, alternated; %,d-byte articles, %d partitions, "
                + "%d stream thread(s), %d pipeline instance(s) ==%n", rounds, warmUpRounds, articleBytes, partitions, streamThreads, instances));
        b.append(String.format("pass-through  median %,7.0f records/s   range %,.0f-%,.0f (%.0f %% of the median)   rounds %s%n",
            pt.median(), pt.min(), pt.max(), 100 * pt.relativeRange(), rounds(pt)));
        b.append(String.format("pipeline      median %,7.0f articles/s  range %,.0f-%,.0f (%.0f %% of the median)   rounds %s%n",
            pl.median(), pl.min(), pl.max(), 100 * pl.relativeRange(), rounds(pl)));
        b.append(String.format("ratio of the medians, pipeline / pass-through: %.3f%n", pl.median() / pt.median()));
        long ptRetries = measured.get(PASS_THROUGH).stream().mapToLong(BenchLeg.Round::producerRetries).sum();
        long plRetries = measured.get(PIPELINE).stream().mapToLong(BenchLeg.Round::producerRetries).sum();
        b.append(String.format("producer retries in the measured rounds: pass-through %d, pipeline %d%s%n", ptRetries, plRetries,
            instances == 2 ? " (this process's instance only)" : ""));
        b.append(latency);
        b.append(internal);
        return b.toString();
    }

    private static String rounds(Spread s) {
        return s.values().stream().map(v -> String.format("%,.0f", v)).toList().toString();
    }

    private ProcessorConfig pipelineConfig(LocalStack stack) throws java.io.IOException {
        Map<String, Object> c = new HashMap<>();
        c.put(WirestreamConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        c.put(WirestreamConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        c.put(WirestreamConfig.TOPIC_PREFIX, "bench");
        c.put(WirestreamConfig.TOPIC_PARTITIONS, String.valueOf(partitions));
        c.put(ProcessorConfig.APPLICATION_ID, "wirestream-bench-" + UUID.randomUUID());
        c.put(ProcessorConfig.STATE_DIR, Files.createTempDirectory("wirestream-bench-").toString());
        c.put(ProcessorConfig.OPS_HTTP_PORT, "-1");
        c.put(ProcessorConfig.NUM_STREAM_THREADS, String.valueOf(streamThreads));
        return new ProcessorConfig(c);
    }

    /** The denominator: bytes copied from {@code in} to {@code out} with the pipeline's guarantee, compression and commit interval. */
    static KafkaStreams passThrough(String bootstrapServers, int streamThreads, String in, String out) throws java.io.IOException {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
            .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "passthrough-" + UUID.randomUUID());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("wirestream-bench-pt-").toString());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return new KafkaStreams(builder.build(), p);
    }

    static void start(KafkaStreams streams, String what) {
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        try {
            if (!running.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the " + what + " did not reach RUNNING within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the " + what, e);
        }
    }

    private static void awaitRunning(ProcessorApp app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (app.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not reach RUNNING within 120 s (state " + app.state() + ")");
            }
            Thread.sleep(100);
        }
    }

    private static List<byte[]> articles(Serializer<RawArticle> serializer, String topic, SyntheticArticles generator, int first, int count) {
        List<byte[]> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(serializer.serialize(topic, generator.next(first + i)));
        }
        return batch;
    }

    /** Creates the pass-through's topics; returns once every partition has a leader (TopicProvisioner's contract). */
    private void createTopics(LocalStack stack, List<String> topics) {
        TopicProvisioner.ensure(Map.of("bootstrap.servers", stack.bootstrapServers()),
            topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList(), Duration.ofSeconds(60));
    }

    /**
     * Offsets the application's repartition and changelog topics advanced by, per record of the input topic:
     * records written plus transaction markers (one per partition per transaction), so it counts what the
     * broker stored for the application's internal traffic.
     */
    private static String internalTraffic(LocalStack stack, String applicationId, String input) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            List<String> topics = new ArrayList<>(admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-") || t.equals(input)).sorted().toList());
            Map<String, Long> ends = new TreeMap<>();
            var described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.forEach((name, d) -> d.partitions().forEach(p ->
                request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
            // the input topic is not transactional (the load producer is only idempotent): its end offset is the article count
            double inputs = Math.max(1, ends.getOrDefault(input, 0L));
            StringBuilder b = new StringBuilder();
            double repartition = 0;
            double changelog = 0;
            for (Map.Entry<String, Long> e : ends.entrySet()) {
                if (e.getKey().equals(input)) {
                    continue;
                }
                double perArticle = e.getValue() / inputs;
                if (e.getKey().endsWith("-repartition")) {
                    repartition += perArticle;
                } else {
                    changelog += perArticle;
                }
                b.append(String.format("  %-44s %6.2f per article%n", e.getKey().substring(applicationId.length() + 1), perArticle));
            }
            return String.format("internal records per input article (sum of internal topics' end offsets / %,.0f articles, "
                + "transaction markers included): %.1f = %.1f repartition + %.1f changelog%n", inputs, repartition + changelog,
                repartition, changelog) + b;
        }
    }

    /** A second pipeline instance in its own JVM ({@code wirestream process}, same application id), sharing the partitions. */
    private static final class SecondInstance implements AutoCloseable {
        private final LocalStack stack;
        private final ProcessorConfig config;
        private final String javaOptions;
        private Process process;

        SecondInstance(LocalStack stack, ProcessorConfig config, String javaOptions) {
            this.stack = stack;
            this.config = config;
            this.javaOptions = javaOptions;
        }

        void start() throws java.io.IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Wirestream.class.getName(), "process",
                "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl(),
                "-D", WirestreamConfig.TOPIC_PREFIX + "=" + config.getString(WirestreamConfig.TOPIC_PREFIX),
                "-D", WirestreamConfig.TOPIC_PARTITIONS + "=" + config.getInt(WirestreamConfig.TOPIC_PARTITIONS),
                "-D", ProcessorConfig.APPLICATION_ID + "=" + config.applicationId(),
                "-D", ProcessorConfig.STATE_DIR + "=" + Files.createTempDirectory("wirestream-bench-2-"),
                "-D", ProcessorConfig.OPS_HTTP_PORT + "=-1",
                "-D", ProcessorConfig.NUM_STREAM_THREADS + "=" + config.getInt(ProcessorConfig.NUM_STREAM_THREADS)));
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        }

        void awaitGroupMembers(int members, Duration timeout) throws Exception {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (true) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the second instance exited with " + process.exitValue());
                    }
                    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(config.applicationId()))
                        .describedGroups().get(config.applicationId()).get(30, TimeUnit.SECONDS);
                    if (group.members().size() >= members && group.groupState() == org.apache.kafka.common.GroupState.STABLE) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the pipeline's group has " + group.members().size() + " members, not "
                            + members + ", after " + timeout.toSeconds() + " s");
                    }
                    Thread.sleep(250);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
