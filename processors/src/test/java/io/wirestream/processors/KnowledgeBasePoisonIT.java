package io.wirestream.processors;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records on {@code news.kb} that are not KbEntry Avro, produced by another client while the processors
 * run: they are dead-lettered, the processors keep enriching, stay ready, and start again on them.
 */
@Timeout(240)
class KnowledgeBasePoisonIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @Test
    void shouldDeadLetterGarbageOnTheKnowledgeBaseTopicAndKeepEnriching(@TempDir Path state) throws Exception {
        ProcessorConfig config = new ProcessorConfig(stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "kb-poison-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, state.toString(),
            ProcessorConfig.TOPIC_PREFIX, "kbp",
            ProcessorConfig.TOPIC_PARTITIONS, "2",
            ProcessorConfig.OPS_HTTP_PORT, "0",
            ProcessorConfig.OPS_HTTP_BIND, "127.0.0.1")));
        byte[] garbage1 = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        byte[] garbage2 = new byte[] {0, 0, 0, 0, 7, 1, 2, 3};
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                 new StringSerializer(), new ByteArraySerializer())) {
            Topics topics = new Topics(config.topicNames(), serdes);
            String raw = topics.raw().name();
            var serializer = topics.raw().valueSerde().serializer();
            try (ProcessorApp app = new ProcessorApp(config)) {
                app.start();
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the application did not reach RUNNING");
                producer.send(new ProducerRecord<>(config.topicNames().knowledgeBase(), "kb-garbage-1", garbage1)).get();
                producer.send(new ProducerRecord<>(config.topicNames().knowledgeBase(), "kb-garbage-2", garbage2)).get();
                Thread.sleep(2_000);
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(raw, "a" + i, serializer.serialize(raw,
                        NewsPipelineTopologyTest.article("a" + i, story(i))))).get();
                }
                List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(stack.bootstrapServers(),
                    topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer(), 5,
                    Duration.ofSeconds(60), Duration.ofSeconds(1));
                assertEquals(Set.of("a0", "a1", "a2", "a3", "a4"), enriched.stream().map(ConsumerRecord::key).collect(Collectors.toSet()),
                    "articles enriched after the poison records; state " + app.state());

                List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(),
                    new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), 2, Duration.ofSeconds(30), Duration.ofSeconds(2));
                Map<String, DeadLetter> byKey = dlq.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
                assertEquals(Set.of("kb-garbage-1", "kb-garbage-2"), byKey.keySet());
                DeadLetter first = byKey.get("kb-garbage-1");
                assertEquals("deserialize", first.getStage());
                assertEquals(config.topicNames().knowledgeBase(), first.getTopic());
                assertEquals(ByteBuffer.wrap(garbage1), first.getValue());
                assertTrue(first.getErrorMessage().contains("unknown magic byte"), first.getErrorMessage());
                assertEquals(KafkaStreams.State.RUNNING, app.state());
                assertEquals(200, ready(app).statusCode(), ready(app).body());
            }

            // a restart reads news.kb again: the poison records neither stop it nor make new dead letters
            try (ProcessorApp again = new ProcessorApp(config)) {
                again.start();
                assertTrue(again.awaitRunning(Duration.ofSeconds(60)), "the restarted application did not reach RUNNING");
                producer.send(new ProducerRecord<>(raw, "a5", serializer.serialize(raw, NewsPipelineTopologyTest.article("a5", story(5))))).get();
                List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(stack.bootstrapServers(),
                    topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer(), 6,
                    Duration.ofSeconds(60), Duration.ofSeconds(1));
                assertEquals(6, enriched.size(), "articles enriched in all; state " + again.state());
                assertEquals(KafkaStreams.State.RUNNING, again.state());
                assertEquals(200, ready(again).statusCode(), ready(again).body());
                List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(),
                    new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), 2, Duration.ofSeconds(30), Duration.ofSeconds(3));
                assertEquals(2, dlq.size(), "dead letters after the restart");
            }
        }
    }

    /** Six unrelated stories, so that deduplication passes each of them on. */
    static String story(int i) {
        return List.of(
            "The city council voted on Tuesday to renovate the old harbour warehouses before the summer festival.",
            "A regional bakery chain said flour prices fell for the third month, and it will cut bread prices in March.",
            "Researchers counted forty-one nesting pairs of storks along the river, twice as many as a decade ago.",
            "The national chess championship ended in a draw after seven hours, and a playoff is set for Sunday.",
            "Commuters faced delays when a signal fault stopped trains between the two northern stations this morning.",
            "The museum reopened its east wing with a collection of maps drawn by sailors in the eighteenth century.").get(i);
    }

    private static HttpResponse<String> ready(ProcessorApp app) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.opsServer().baseUri().resolve("/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
