package io.wirestream.processors.dedup;

import static io.wirestream.processors.dedup.DedupSamples.NEAR_COPY;
import static io.wirestream.processors.dedup.DedupSamples.OTHER_STORY;
import static io.wirestream.processors.dedup.DedupSamples.PUBLISHED;
import static io.wirestream.processors.dedup.DedupSamples.STORY;
import static io.wirestream.processors.dedup.DedupSamples.TRANSLATION;
import static io.wirestream.processors.dedup.DedupSamples.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.processors.NewsPipeline;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.processors.StageContext;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the processors application with the deduplication stage on a real broker, topics
 * of 6 partitions. Every copy is keyed so that it lands on another partition than its original; one
 * instance is stopped and restarted on its state directory half-way.
 */
@Timeout(400)
class DeduplicationIT {

    private static final int PARTITIONS = 6;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @TempDir
    Path stateOne;

    @TempDir
    Path stateTwo;

    @Test
    void shouldLinkCopiesOnOtherPartitionsAndInstancesToTheirOriginalAcrossARestart() throws Exception {
        Map<String, Object> settings = stack.config(Map.of(
                ProcessorConfig.APPLICATION_ID, "dedup-it-" + UUID.randomUUID(),
                ProcessorConfig.TOPIC_PREFIX, "dedupit",
                ProcessorConfig.TOPIC_PARTITIONS, String.valueOf(PARTITIONS),
                ProcessorConfig.OPS_HTTP_PORT, "-1"));
        ProcessorConfig configOne = config(settings, stateOne);
        ProcessorConfig configTwo = config(settings, stateTwo);

        String story = id("story", null);
        String copy = id("copy", story);
        String urlCopy = id("url-copy", story);
        String translation = id("translation", story);
        String busLate = id("bus-late", null);
        String busEarly = id("bus-early", busLate);
        String copyWhileDown = id("copy-while-down", story);
        String copyAfterRestart = id("copy-after-restart", busEarly);

        try (SerdeFactory serdes = new SerdeFactory(configOne.registryConfigs())) {
            Topics topics = new Topics(configOne.topicNames(), serdes);
            stack.createTopics(List.of(topics.raw().name(), topics.enriched().name(), topics.duplicates().name(),
                    topics.deadLetters().name()), PARTITIONS);
            KafkaStreams one = start(configOne, serdes);
            KafkaStreams two = start(configTwo, serdes);
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", stack.bootstrapServers()), new StringSerializer(), topics.raw().valueSerde().serializer())) {
                awaitRunning(one, two);

                // the originals first, then their copies from other partitions
                send(producer, topics, article(story, "https://www.daily.example/library", "Library reopens", STORY, PUBLISHED));
                send(producer, topics, article(busLate, "https://wire.example/buses", null, OTHER_STORY + "\n\nThe first electric buses will run on line 4.",
                        PUBLISHED.plusSeconds(5 * 3600)));
                assertEquals(Map.of(story, DedupStatus.UNIQUE, busLate, DedupStatus.UNIQUE), statuses(topics, 2));

                send(producer, topics, article(copy, "https://wire.example/news/4711", null, NEAR_COPY, PUBLISHED.plusSeconds(1800)));
                send(producer, topics, article(urlCopy, "https://m.daily.example/library?utm_source=feed", null, NEAR_COPY,
                        PUBLISHED.plusSeconds(2400)));
                send(producer, topics, article(translation, "https://tageblatt.example/bibliothek", null, TRANSLATION,
                        PUBLISHED.plusSeconds(600)));
                // published before busLate, which was already passed on: it becomes the original
                send(producer, topics, article(busEarly, "https://daily.example/buses", null, OTHER_STORY, PUBLISHED.plusSeconds(3600)));
                assertEquals(Map.of(copy, story + " NEAR", urlCopy, story + " EXACT_URL", busLate, busEarly + " NEAR"), notices(topics, 3));

                // instance two goes away: its partitions move to instance one with their state
                two.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
                send(producer, topics, article(copyWhileDown, "https://another.example/l", null, STORY + "\n\nThe mayor attended.",
                        PUBLISHED.plusSeconds(7200)));
                assertEquals(story + " NEAR", notices(topics, 4).get(copyWhileDown));

                // and comes back on its old state directory
                two = start(configTwo, serdes);
                awaitRunning(one, two);
                send(producer, topics, article(copyAfterRestart, "https://fourth.example/b", null, OTHER_STORY + "\n\nTickets will not cost more, the director said.",
                        PUBLISHED.plusSeconds(9000)));

                assertEquals(Map.of(copy, story + " NEAR", urlCopy, story + " EXACT_URL", busLate, busEarly + " NEAR",
                        copyWhileDown, story + " NEAR", copyAfterRestart, busEarly + " NEAR"), notices(topics, 5));
                assertEquals(Map.of(story, DedupStatus.UNIQUE, busLate, DedupStatus.UNIQUE, translation, DedupStatus.UNIQUE,
                        busEarly, DedupStatus.ORIGINAL), statuses(topics, 4));
            } finally {
                one.close(Duration.ofSeconds(30));
                two.close(Duration.ofSeconds(30));
            }
        }
    }

    /** Starts the production topology with only the deduplication stage, with the production Streams settings. */
    private static KafkaStreams start(ProcessorConfig config, SerdeFactory serdes) {
        Topics topics = new Topics(config.topicNames(), serdes);
        Topology topology = NewsPipeline.build(new StageContext(new StreamsBuilder(), topics, serdes, config), List.of(new Deduplication()));
        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        streams.start();
        return streams;
    }

    private static void awaitRunning(KafkaStreams... instances) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (KafkaStreams streams : instances) {
            while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(KafkaStreams.State.RUNNING, streams.state());
        }
    }

    private static ProcessorConfig config(Map<String, Object> settings, Path state) {
        Map<String, Object> c = new HashMap<>(settings);
        c.put(ProcessorConfig.STATE_DIR, state.toString());
        return new ProcessorConfig(c);
    }

    /** An id whose partition differs from that of {@code other} (when given) and from all ids taken so far for it. */
    private String id(String name, String other) {
        for (int i = 0; ; i++) {
            String candidate = name + "-" + i;
            if (other == null || partition(candidate) != partition(other)) {
                if (other != null) {
                    assertNotEquals(partition(other), partition(candidate));
                }
                return candidate;
            }
        }
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static void send(KafkaProducer<String, RawArticle> producer, Topics topics, RawArticle article) throws Exception {
        producer.send(new ProducerRecord<>(topics.raw().name(), null, Instant.now().toEpochMilli(), article.getId(), article)).get();
    }

    private static Map<String, DedupStatus> statuses(Topics topics, int expected) {
        List<ConsumerRecord<String, EnrichedArticle>> records = TopicReader.read(stack.bootstrapServers(), topics.enriched().name(),
                new StringDeserializer(), topics.enriched().valueSerde().deserializer(), expected, WAIT, SETTLE);
        Map<String, DedupStatus> out = new TreeMap<>();
        records.forEach(r -> out.put(r.key(), r.value().getDedup().getStatus()));
        assertEquals(expected, records.size(), "articles on the enriched topic: " + out);
        return out;
    }

    /** The notices by copy id, as "original kind"; fails if a copy got more than one. */
    private static Map<String, String> notices(Topics topics, int expected) {
        List<ConsumerRecord<String, DuplicateNotice>> records = TopicReader.read(stack.bootstrapServers(), topics.duplicates().name(),
                new StringDeserializer(), topics.duplicates().valueSerde().deserializer(), expected, WAIT, SETTLE);
        Map<String, String> out = new TreeMap<>();
        records.forEach(r -> out.put(r.key(), r.value().getOriginalId() + " " + r.value().getKind()));
        assertEquals(expected, records.size(), "notices: " + out);
        return out;
    }
}
