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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry is stopped mid-stream (here for 20 s) and the processors are restarted meanwhile, so they hold
 * no schema in their cache: no good record is dead-lettered, failed stream threads are replaced with a
 * growing wait instead of at once, and once the registry is back every article comes out exactly once.
 */
@Timeout(300)
class RegistryOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @Test
    void shouldWaitForTheRegistryWithoutDeadLetteringGoodRecords(@TempDir Path state) throws Exception {
        ProcessorConfig config = new ProcessorConfig(stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "registry-outage-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, state.toString(),
            ProcessorConfig.TOPIC_PREFIX, "outage",
            ProcessorConfig.TOPIC_PARTITIONS, "2",
            ProcessorConfig.OPS_HTTP_PORT, "-1",
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
            double failedThreads;
            try (ProcessorApp restarted = new ProcessorApp(config)) {
                restarted.start();
                for (int i = 3; i < 12; i++) {
                    producer.send(new ProducerRecord<>(raw, "r" + i, values.get(i))).get();
                }
                Thread.sleep(OUTAGE.toMillis());
                failedThreads = failedStreamThreads(restarted.streams());
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
            }
            // replaced at once, a thread fails about every second of the outage; with the backoff (1 s, 2 s, 4 s,
            // 8 s, ...) at most 5 in 20 s
            assertTrue(failedThreads >= 1 && failedThreads <= 5,
                "stream threads failed during a " + OUTAGE.toSeconds() + " s outage: " + failedThreads);
        }
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
