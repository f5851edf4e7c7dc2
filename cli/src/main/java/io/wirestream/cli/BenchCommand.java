package io.wirestream.cli;

import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.TopicNames;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * End-to-end benchmark on the embedded broker: the whole pipeline against the same broker's raw
 * pass-through (a Kafka Streams application copying bytes, exactly-once, same compression and commit
 * interval), in one run, with the ratio of the two.
 *
 * <p>Method. Throughput: N distinct articles are produced as fast as the producer goes while the
 * application runs; throughput is N over the time from the first send to the last output record read
 * (committed, read_committed). Latency: then a second batch is produced at a fixed rate well under the
 * measured throughput, and each output record's latency is the time it was read (by a read_committed
 * consumer polling all along) minus its timestamp, which is the producer's send time carried through every
 * stage by Kafka Streams. So latency includes the exactly-once commit interval (100 ms) and the wait for
 * the transaction marker, as a downstream consumer sees it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure end-to-end throughput and latency of the pipeline and of a raw Streams pass-through on the embedded broker."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--articles", defaultValue = "20000", description = "Articles in the throughput run (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--article-bytes", defaultValue = "4096", description = "Body size of each article in bytes (default ${DEFAULT-VALUE}).")
    int articleBytes;

    @Option(names = "--latency-seconds", defaultValue = "15", description = "Length of the paced latency run (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--latency-load", defaultValue = "0.5",
        description = "Rate of the latency run as a fraction of the measured throughput (default ${DEFAULT-VALUE}).")
    double latencyLoad;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the input and output topics (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--stream-threads", defaultValue = "1",
        description = "Kafka Streams threads of the pipeline and the pass-through (default ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Dated text articles whose vocabularies the synthetic articles use (default: the bundled samples).")
    Path corpus;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path words = corpus != null ? corpus : Path.of(System.getProperty(DemoCommand.HOME_PROPERTY, "."), "samples", "articles");
        SyntheticArticles generator = new SyntheticArticles(words, articleBytes, 42);
        try (LocalStack stack = LocalStack.start(null, 0, 0)) {
            err.println("bench: embedded broker " + stack.bootstrapServers() + ", registry " + stack.registryUrl());
            Result pass = runPassThrough(stack, generator);
            out.println(pass.describe("pass-through"));
            out.flush();
            Result pipeline = runPipeline(stack, generator);
            out.println(pipeline.describe("pipeline"));
            out.printf("ratio pipeline/pass-through: throughput %.2f%n", pipeline.perSecond / pass.perSecond);
            out.print(internalTraffic);
            out.flush();
        }
        return Wirestream.EXIT_OK;
    }

    /** What the pipeline run wrote to its internal topics, per input article; set by {@link #runPipeline}. */
    private String internalTraffic = "";

    private Result runPipeline(LocalStack stack, SyntheticArticles generator) throws Exception {
        Path state = Files.createTempDirectory("wirestream-bench-");
        Map<String, Object> c = new HashMap<>();
        c.put(WirestreamConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        c.put(WirestreamConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        c.put(WirestreamConfig.TOPIC_PREFIX, "bench");
        c.put(WirestreamConfig.TOPIC_PARTITIONS, String.valueOf(partitions));
        c.put(ProcessorConfig.APPLICATION_ID, "wirestream-bench-" + UUID.randomUUID());
        c.put(ProcessorConfig.STATE_DIR, state.toString());
        c.put(ProcessorConfig.OPS_HTTP_PORT, "-1");
        c.put(ProcessorConfig.NUM_STREAM_THREADS, String.valueOf(streamThreads));
        ProcessorConfig config = new ProcessorConfig(c);
        TopicNames names = config.topicNames();
        try (ProcessorApp app = new ProcessorApp(config);
             SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            app.start();
            if (!app.awaitRunning(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the pipeline did not reach RUNNING within 60 s");
            }
            Serializer<RawArticle> serializer = serdes.forValues(RawArticle.class).serializer();
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                batch.add(serializer.serialize(names.raw(), generator.next(i)));
            }
            List<byte[]> paced = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                paced.add(serializer.serialize(names.raw(), generator.next(articles + i)));
            }
            Result result = measure(stack, names.raw(), List.of(names.enriched(), names.duplicates(), names.deadLetters()), batch, paced);
            internalTraffic = internalTraffic(stack, config.applicationId(), names.raw());
            return result;
        }
    }

    /**
     * Offsets the application's repartition and changelog topics advanced by, per record of the input topic:
     * records written plus transaction markers (one per partition per transaction), so it counts what the
     * broker stored for the application's internal traffic.
     */
    private static String internalTraffic(LocalStack stack, String applicationId, String input) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            List<String> topics = new ArrayList<>(admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(applicationId + "-") || t.equals(input)).sorted().toList());
            Map<String, Long> ends = new java.util.TreeMap<>();
            var described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new HashMap<>();
            described.forEach((name, d) -> d.partitions().forEach(p ->
                request.put(new TopicPartition(name, p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest())));
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
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
            return String.format("internal topics, offsets per input article (records and transaction markers): "
                + "%.1f repartition, %.1f changelog%n", repartition, changelog) + b;
        }
    }

    private Result runPassThrough(LocalStack stack, SyntheticArticles generator) throws Exception {
        String in = "passthrough.in";
        String outTopic = "passthrough.out";
        createTopics(stack, List.of(in, outTopic));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
            .to(outTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "passthrough-" + UUID.randomUUID());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("wirestream-bench-pt-").toString());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        List<byte[]> batch = new ArrayList<>();
        List<byte[]> paced = new ArrayList<>();
        try (SerdeFactory serdes = new SerdeFactory(Map.of(WirestreamConfig.SCHEMA_REGISTRY_URL, stack.registryUrl()))) {
            Serializer<RawArticle> serializer = serdes.forValues(RawArticle.class).serializer();
            for (int i = 0; i < articles; i++) {
                batch.add(serializer.serialize(in, generator.next(i)));
                paced.add(serializer.serialize(in, generator.next(articles + i)));
            }
        }
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the pass-through did not reach RUNNING within 60 s");
            }
            return measure(stack, in, List.of(outTopic), batch, paced);
        }
    }

    private void createTopics(LocalStack stack, List<String> topics) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(topics.stream().map(t -> new org.apache.kafka.clients.admin.NewTopic(t, partitions, (short) 1)).toList())
                .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topics + ": " + e.getMessage(), e);
        }
    }

    /** Throughput run with {@code batch}, then a paced latency run with {@code paced}. */
    private Result measure(LocalStack stack, String input, List<String> outputs, List<byte[]> batch, List<byte[]> paced) throws Exception {
        long bytes = batch.stream().mapToLong(b -> b.length).sum();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(stack), new ByteArraySerializer(), new ByteArraySerializer());
             OutputCounter counter = new OutputCounter(stack.bootstrapServers(), outputs)) {
            long start = System.nanoTime();
            for (int i = 0; i < batch.size(); i++) {
                producer.send(new ProducerRecord<>(input, ("k" + i).getBytes(), batch.get(i)));
            }
            producer.flush();
            counter.awaitCount(batch.size(), Duration.ofMinutes(10), r -> { });
            double seconds = (counter.lastArrival - start) / 1e9;
            double perSecond = batch.size() / seconds;

            double rate = Math.max(1, perSecond * latencyLoad);
            int count = (int) Math.min(paced.size(), rate * latencySeconds);
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
            // outputs are read while the paced batch is sent, so each is timed when it becomes visible
            java.util.concurrent.CompletableFuture<Void> reading = java.util.concurrent.CompletableFuture.runAsync(() ->
                counter.awaitCount(batch.size() + count, Duration.ofMinutes(5),
                    r -> latency.recordValue(Math.max(0, System.currentTimeMillis() - r.timestamp()))));
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(input, ("p" + i).getBytes(), paced.get(i)));
            }
            producer.flush();
            reading.get(6, TimeUnit.MINUTES);
            return new Result(batch.size(), seconds, perSecond, bytes / seconds / 1e6, rate,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getTotalCount());
        }
    }

    private static Map<String, Object> producerConfig(LocalStack stack) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }

    record Result(int records, double seconds, double perSecond, double megabytesPerSecond, double pacedRate,
                  long p50Millis, long p99Millis, long latencySamples) {
        String describe(String what) {
            return String.format("%-12s throughput %,d records in %.1f s = %,.0f records/s, %.1f MB/s; latency at %,.0f records/s: p50 %d ms, p99 %d ms (%d samples)",
                what + ":", records, seconds, perSecond, megabytesPerSecond, pacedRate, p50Millis, p99Millis, latencySamples);
        }
    }

    /** Counts committed records arriving on the output topics. */
    private static final class OutputCounter implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private long count;
        long lastArrival;

        OutputCounter(String bootstrap, List<String> topics) {
            consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : topics) {
                consumer.partitionsFor(t).forEach(p -> parts.add(new TopicPartition(t, p.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
        }

        void awaitCount(long target, Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> each) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count + " of " + target + " records arrived within " + timeout);
                }
                var records = consumer.poll(Duration.ofMillis(50));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    count++;
                    each.accept(r);
                }
                if (!records.isEmpty()) {
                    lastArrival = System.nanoTime();
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
