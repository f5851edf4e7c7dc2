package io.wirestream.cli;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * One side of the bench: a running Kafka Streams application, its input topic and its output topics.
 *
 * <p>A round measures steady-state processing of a pre-filled input: the application is paused
 * ({@link KafkaStreams#pause()}: its threads keep their partitions and poll, but process nothing), the
 * round's records are produced and flushed, the application is resumed, and the round lasts from the resume
 * to the moment the last of the round's outputs is visible to a read_committed consumer. So the load
 * producer does not compete for the cores during the round, and nothing of start-up is in it.
 *
 * <p>When part of the application runs in another process ({@code pausable == false}), that part cannot be
 * paused: the round then runs from the first send, the fill included.
 */
final class BenchLeg implements AutoCloseable {
    /** What one round measured. {@code producerRetries}: batches the application's producers retried in it. */
    record Round(String leg, int round, long records, double seconds, long producerRetries) {
        double perSecond() {
            return records / seconds;
        }
    }

    private final String name;
    private final KafkaStreams streams;
    private final boolean pausable;
    private final String input;
    private final KafkaProducer<byte[], byte[]> producer;
    private final OutputCounter outputs;
    private long sent;

    BenchLeg(String name, KafkaStreams streams, boolean pausable, String bootstrapServers, String input, List<String> outputTopics) {
        this.name = name;
        this.streams = streams;
        this.pausable = pausable;
        this.input = input;
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
        this.outputs = new OutputCounter(bootstrapServers, outputTopics);
    }

    String name() {
        return name;
    }

    /** Produces {@code records} values of {@code values} and times their processing; see the class comment. */
    Round run(int round, int records, IntFunction<byte[]> values) {
        long retriesBefore = producerRetries();
        long outputsBefore = outputs.count;
        if (pausable) {
            streams.pause();
        }
        long start = System.nanoTime();
        produce(records, values, "r" + round + "-");
        if (pausable) {
            // the paused threads polled (and buffered) but processed nothing of the round: time from the resume
            streams.resume();
            start = System.nanoTime();
        }
        BenchRoundEvent event = new BenchRoundEvent();
        event.begin();
        outputs.awaitCount(outputsBefore + records, Duration.ofMinutes(10), r -> { });
        event.leg = name;
        event.round = round;
        event.records = records;
        event.commit();
        return new Round(name, round, records, (outputs.lastArrival - start) / 1e9, producerRetries() - retriesBefore);
    }

    /**
     * Produces {@code count} values at {@code rate} per second while the application runs, and returns the
     * latency of each output: the time a read_committed consumer saw it minus its record timestamp, which is the
     * load producer's send time carried through every stage (commit interval and transaction markers included).
     */
    org.HdrHistogram.Histogram latency(double rate, int count, IntFunction<byte[]> values) throws Exception {
        org.HdrHistogram.Histogram latency = new org.HdrHistogram.Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        long target = outputs.count + count;
        java.util.concurrent.CompletableFuture<Void> reading = java.util.concurrent.CompletableFuture.runAsync(() ->
            outputs.awaitCount(target, Duration.ofMinutes(10),
                r -> latency.recordValue(Math.max(0, System.currentTimeMillis() - r.timestamp()))));
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = t0 + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            producer.send(new ProducerRecord<>(input, ("l" + i).getBytes(), values.apply(i)));
        }
        producer.flush();
        reading.get(11, TimeUnit.MINUTES);
        return latency;
    }

    /** Records sent to the input so far, all rounds and the latency run included. */
    long sent() {
        return sent;
    }

    private void produce(int records, IntFunction<byte[]> values, String keyPrefix) {
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(input, (keyPrefix + i).getBytes(), values.apply(i)));
        }
        producer.flush();
        sent += records;
    }

    /** Batches the application's producers (in this process) retried so far, from their record-retry-total. */
    private long producerRetries() {
        return (long) streams.metrics().entrySet().stream()
            .filter(e -> e.getKey().group().equals("producer-metrics") && e.getKey().name().equals("record-retry-total"))
            .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
            .sum();
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(10));
        } finally {
            outputs.close();
        }
    }

    /** Counts committed records arriving on the output topics, from their end when it was created. */
    private static final class OutputCounter implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private volatile long count;
        private volatile long lastArrival;

        OutputCounter(String bootstrap, List<String> topics) {
            consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : topics) {
                consumer.partitionsFor(t, Duration.ofSeconds(30)).forEach(p -> parts.add(new TopicPartition(t, p.partition())));
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // resolve the end now, before anything is produced
        }

        synchronized void awaitCount(long target, Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> each) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count + " of " + target + " output records arrived within " + timeout);
                }
                var records = consumer.poll(Duration.ofMillis(20));
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
        public synchronized void close() {
            consumer.close();
        }
    }
}
