package io.wirestream.processors;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry is stopped mid-stream for a minute and the processors are restarted meanwhile, so they hold no
 * schema in their cache: no good record is dead-lettered, failed stream threads are replaced with a growing
 * wait instead of at once (at most as many failures as the backoff settings allow in the time the outage
 * lasted), readiness says so while a thread waits, and once the registry is back every article comes out
 * exactly once and the instance is ready again.
 */
@Timeout(300)
class RegistryOutageIT {
    /** How long the registry stays down while the restarted processors run. */
    private static final Duration REGISTRY_OUTAGE = Duration.ofSeconds(60);
    private static final Duration READINESS_POLL = Duration.ofMillis(500);

    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @Test
    void shouldWaitForTheRegistryWithoutDeadLetteringGoodRecords(@TempDir Path state) throws Exception {
        ProcessorConfig config = new ProcessorConfig(stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "registry-outage-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, state.toString(),
            ProcessorConfig.TOPIC_PREFIX, "outage",
            ProcessorConfig.TOPIC_PARTITIONS, "2",
            ProcessorConfig.NUM_STREAM_THREADS, "1",
            ProcessorConfig.OPS_HTTP_PORT, "0",
            ProcessorConfig.OPS_HTTP_BIND, "127.0.0.1",
            // a shorter longest wait than the default 30 s, so the thread is back soon after the registry is;
            // the bound on failures below is derived from whatever these settings are
            ProcessorConfig.THREAD_REPLACE_BACKOFF_MAX_MS, "8000",
            // Kafka Streams members do not leave the group on close: the restarted instance gets the partitions
            // once the old member's session expired
            "kafka.session.timeout.ms", "6000")));
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                 new StringSerializer(), new ByteArraySerializer())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            String raw = topics.raw().name();
            var serializer = topics.raw().valueSerde().serializer();
            // serialised while the registry is up: a producer holds the schema id in its cache
            List<byte[]> values = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> serializer.serialize(raw, NewsPipelineTopologyTest.article("r" + i, story(i)))).toList();

            try (ProcessorApp app = new ProcessorApp(config)) {
                app.start();
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the application did not reach RUNNING");
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(raw, "r" + i, values.get(i))).get();
                }
                assertEquals(3, readEnriched(topics, 3, Duration.ofSeconds(60)).size());
            }

            stack.stopRegistry();
            long outageStart = System.nanoTime();
            double failedThreads;
            long failuresAllowed;
            List<HttpResponse<String>> notReady = new ArrayList<>();
            try (ProcessorApp restarted = new ProcessorApp(config)) {
                restarted.start();
                for (int i = 3; i < 12; i++) {
                    producer.send(new ProducerRecord<>(raw, "r" + i, values.get(i))).get();
                }
                while (System.nanoTime() - outageStart < REGISTRY_OUTAGE.toNanos()) {
                    HttpResponse<String> r = ready(restarted);
                    if (r.statusCode() != 200) {
                        notReady.add(r);
                    }
                    Thread.sleep(READINESS_POLL.toMillis());
                }
                failedThreads = failedStreamThreads(restarted.streams());
                failuresAllowed = failuresAllowedWithin(config, Duration.ofNanos(System.nanoTime() - outageStart));
                assertEquals(List.of(), readDeadLetters(topics, Duration.ofSeconds(1)).stream().map(ConsumerRecord::key).toList(),
                    "dead letters during the outage");
                stack.restartRegistry();

                List<ConsumerRecord<String, EnrichedArticle>> enriched = readEnriched(topics, 12, Duration.ofSeconds(120));
                Map<String, Long> copies = enriched.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
                assertEquals(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "r" + i).collect(Collectors.toMap(Function.identity(), k -> 1L)),
                    copies, "each article once on the enriched topic");
                assertEquals(List.of(), readDeadLetters(topics, Duration.ofSeconds(2)).stream().map(ConsumerRecord::key).toList(),
                    "dead letters after the outage");
                assertEquals(KafkaStreams.State.RUNNING, restarted.state());
                HttpResponse<String> readyAgain = ready(restarted);
                assertEquals(200, readyAgain.statusCode(), "readiness after the outage: " + readyAgain.body());
            }
            // a thread waiting to be replaced is listed as RUNNING by Kafka Streams; readiness must count it as gone
            assertTrue(notReady.stream().anyMatch(r -> r.body().contains("waiting to be replaced")),
                "readiness during the outage never named a thread waiting to be replaced; not-ready answers: "
                    + notReady.stream().map(r -> r.statusCode() + " " + r.body().strip()).distinct().toList());
            // replaced at once, a thread would fail on every attempt, about once a second
            assertTrue(failedThreads >= 1 && failedThreads <= failuresAllowed, "stream threads failed during a "
                + REGISTRY_OUTAGE.toSeconds() + " s outage: " + failedThreads + ", the backoff allows 1 to " + failuresAllowed);
        }
    }

    /**
     * The most stream-thread failures the replacement backoff lets happen within {@code window} on one stream
     * thread: the k-th failure comes at the earliest after the shortest waits of the k-1 before it, the n-th
     * wait being at least {@code (1 - JITTER) × min(initial × MULTIPLIER^(n-1), max)}; rejoining the group and
     * failing again only add to that. A quiet period resetting the backoff is longer than {@code 2 × max} and
     * so only spreads the failures further.
     */
    private static long failuresAllowedWithin(ProcessorConfig config, Duration window) {
        long initial = config.getLong(ProcessorConfig.THREAD_REPLACE_BACKOFF_MS);
        long max = config.getLong(ProcessorConfig.THREAD_REPLACE_BACKOFF_MAX_MS);
        double earliestNext = 0;
        long failures = 0;
        while (earliestNext <= window.toMillis()) {
            failures++;
            double nominal = Math.min(initial * Math.pow(ThreadReplacementBackoff.MULTIPLIER, failures - 1), max);
            // ExponentialBackoff truncates to whole milliseconds
            earliestNext += Math.max(0, Math.floor((1 - ThreadReplacementBackoff.JITTER) * nominal) - 1);
            if (failures > 10_000) {
                throw new AssertionError("no bound: thread.replace.backoff.ms=" + initial + ", max=" + max);
            }
        }
        return failures;
    }

    private static HttpResponse<String> ready(ProcessorApp app) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.opsServer().baseUri().resolve("/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static double failedStreamThreads(KafkaStreams streams) {
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
            if (m.getKey().name().equals("failed-stream-threads") && m.getKey().group().equals("stream-metrics")) {
                return ((Number) m.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no failed-stream-threads metric");
    }

    private static List<ConsumerRecord<String, EnrichedArticle>> readEnriched(Topics topics, int expected, Duration timeout) {
        return TopicReader.read(stack.bootstrapServers(), topics.enriched().name(), new StringDeserializer(),
            topics.enriched().valueSerde().deserializer(), expected, timeout, Duration.ofSeconds(2));
    }

    /** Read as bytes: the registry may be down. */
    private static List<ConsumerRecord<String, byte[]>> readDeadLetters(Topics topics, Duration settle) {
        return TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(), new StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(), 0, settle, settle);
    }

    private static String story(int i) {
        return List.of(
            "Fishermen in the bay reported the largest herring catch in twenty years on Monday.",
            "The orchestra announced a free concert in the central park for the first weekend of June.",
            "A new cycle bridge over the canal opened after two years of construction and a long dispute.",
            "Farmers warned that the dry spring could halve the wheat harvest in the southern provinces.",
            "The university library will stay open around the clock during the examination period.",
            "Firefighters rescued a family of ducks from a storm drain in the old town on Thursday.",
            "The airport expects record passenger numbers over the holidays and adds forty extra flights.",
            "A local startup built a robot that sorts recycling by colour and material at the depot.",
            "Volunteers planted three thousand oak saplings along the motorway embankment this weekend.",
            "The football club signed a young goalkeeper from the second division on a four-year contract.",
            "Glaciologists measured a retreat of sixty metres at the valley glacier since last autumn.",
            "The ferry company cancelled evening crossings because of strong winds along the coast.").get(i);
    }
}
