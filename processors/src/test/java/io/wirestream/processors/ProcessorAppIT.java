package io.wirestream.processors;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.concurrent.TimeUnit;
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

/** The processors application on a real broker: good records through, bad ones dead-lettered, app still running. */
@Timeout(180)
class ProcessorAppIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @Test
    void shouldDeadLetterUnreadableAndEmptyArticlesAndKeepProcessingTheRest(@TempDir Path state) throws Exception {
        ProcessorConfig config = new ProcessorConfig(stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "processor-it-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, state.toString(),
            ProcessorConfig.TOPIC_PREFIX, "papp",
            ProcessorConfig.TOPIC_PARTITIONS, "2",
            ProcessorConfig.OPS_HTTP_PORT, "0",
            ProcessorConfig.OPS_HTTP_BIND, "127.0.0.1")));
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        try (ProcessorApp app = new ProcessorApp(config);
             SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            app.start();
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the application did not reach RUNNING");
            Topics topics = new Topics(config.topicNames(), serdes);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
                var serializer = topics.raw().valueSerde().serializer();
                String raw = topics.raw().name();
                producer.send(new ProducerRecord<>(raw, "garbage", garbage)).get();
                producer.send(new ProducerRecord<>(raw, "empty", serializer.serialize(raw,
                    NewsPipelineTopologyTest.article("empty", "Skip to main content\n0")))).get();
                producer.send(new ProducerRecord<>(raw, "good", serializer.serialize(raw,
                    NewsPipelineTopologyTest.article("good", "The council approved the bridge on Tuesday.")))).get();
            }

            List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(stack.bootstrapServers(), topics.enriched().name(),
                new StringDeserializer(), topics.enriched().valueSerde().deserializer(), 1, Duration.ofSeconds(60), Duration.ofSeconds(2));
            assertEquals(List.of("good"), enriched.stream().map(ConsumerRecord::key).toList());
            assertEquals("The council approved the bridge on Tuesday.", enriched.get(0).value().getBody());

            List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(),
                new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), 2, Duration.ofSeconds(60), Duration.ofSeconds(2));
            Map<String, DeadLetter> byKey = dlq.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
            assertEquals(Set.of("garbage", "empty"), byKey.keySet());
            DeadLetter unreadable = byKey.get("garbage");
            assertEquals("deserialize", unreadable.getStage());
            assertEquals(ByteBuffer.wrap(garbage), unreadable.getValue());
            assertEquals(topics.raw().name(), unreadable.getTopic());
            assertEquals(config.applicationId(), unreadable.getApplicationId());
            assertTrue(unreadable.getErrorMessage().contains("unknown magic byte 0x6e"), unreadable.getErrorMessage());
            assertEquals("clean", byKey.get("empty").getStage());
            assertEquals(KafkaStreams.State.RUNNING, app.state());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(app.opsServer().baseUri().resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            String scrape = http.send(HttpRequest.newBuilder(app.opsServer().baseUri().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(scrape.contains("wirestream_stage_records_total{stage=\"clean\"} 1.0"), scrape);
            assertTrue(scrape.contains("wirestream_dead_letters_total{stage=\"deserialize\"} 1.0"), scrape);
            assertTrue(scrape.contains("wirestream_dead_letters_total{stage=\"clean\"} 1.0"), scrape);
            assertTrue(scrape.contains("wirestream_articles_by_language_total{language=\"en\"} 1.0"), scrape);
            assertTrue(scrape.contains("kafka_stream_"), "Kafka Streams metrics missing");
        }
    }

    /**
     * A bad record's dead letter and its input offset commit in one transaction: once the dead letter can be
     * read, the group's committed offset is past the record, even with nothing after it in its partition.
     * (The race this guards against, a dead letter committed in a transaction that does not hold the record's
     * offset, needs a task kept waiting for data on its other partitions; the crash test exercises it.)
     */
    @Test
    void shouldCommitTheOffsetOfABadRecordWithItsDeadLetter(@TempDir Path state) throws Exception {
        String applicationId = "processor-offsets-" + UUID.randomUUID();
        ProcessorConfig config = new ProcessorConfig(stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, applicationId,
            ProcessorConfig.STATE_DIR, state.toString(),
            ProcessorConfig.TOPIC_PREFIX, "poffsets",
            ProcessorConfig.TOPIC_PARTITIONS, "1",
            ProcessorConfig.OPS_HTTP_PORT, "-1")));
        try (ProcessorApp app = new ProcessorApp(config);
             SerdeFactory serdes = new SerdeFactory(config.registryConfigs());
             Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            app.start();
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the application did not reach RUNNING");
            Topics topics = new Topics(config.topicNames(), serdes);
            String raw = topics.raw().name();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(raw, 0, "only-and-bad", "<html>not avro</html>".getBytes(StandardCharsets.UTF_8))).get();
            }
            List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.read(stack.bootstrapServers(), topics.deadLetters().name(),
                new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), 1, Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(List.of("only-and-bad"), dlq.stream().map(ConsumerRecord::key).toList());
            assertEquals(0L, dlq.get(0).value().getOffset());

            // the markers of one transaction reach the dead-letter topic and the offsets topic a moment apart
            TopicPartition partition = new TopicPartition(raw, 0);
            Long committed = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((committed == null || committed < 1) && System.nanoTime() < deadline) {
                OffsetAndMetadata offset = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
                committed = offset == null ? null : offset.offset();
                Thread.sleep(100);
            }
            assertEquals(1L, committed, "the committed offset of " + partition + " once its only record was dead-lettered");
        }
    }

    /**
     * The topology is built for {@code topic.partitions} without asking the cluster (so topology tests need no broker);
     * the count is checked against the cluster when the application starts.
     */
    @Test
    void shouldRefuseToStartWhenTheInputTopicHasAnotherPartitionCountThanConfigured(@TempDir Path state) {
        stack.createTopics(List.of("pcount.raw"), 2);
        ProcessorConfig config = new ProcessorConfig(stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, "processor-partitions-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, state.toString(),
            ProcessorConfig.TOPIC_PREFIX, "pcount",
            ProcessorConfig.TOPIC_PARTITIONS, "3",
            ProcessorConfig.OPS_HTTP_PORT, "-1")));
        try (ProcessorApp app = new ProcessorApp(config)) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, app::start);
            assertEquals("topic pcount.raw has 2 partitions, but topic.partitions=3: set topic.partitions=2 (deduplication routes its"
                + " probes by the input topic's partition count, which every repartition topic of the pipeline gets)", e.getMessage());
            assertEquals(KafkaStreams.State.CREATED, app.state(), "Kafka Streams is not started");
        }
    }
}
