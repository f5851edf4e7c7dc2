package io.wirestream.processors.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.avro.Story;
import io.wirestream.avro.StoryStatus;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story stage on a real broker, inside the processors application: articles from different partitions meet
 * in one story through the single-partition internal topic; the stories topic gets each story's state; after a
 * restart (with the local state gone, so the index comes back from the changelog) an article still joins the
 * story it belongs to.
 */
@Timeout(180)
class StoryLinkingIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    private static final RawArticle MEETING_RU = article("sit-m-ru", "2025-10-09T08:00:00Z", "Путин и Алиев встретились в Душанбе\n\n"
        + "Ильхам Алиев и Владимир Путин провели переговоры в Душанбе на полях саммита СНГ. Встреча продлилась полтора часа.");
    private static final RawArticle MEETING_EN = article("sit-m-en", "2025-10-09T10:00:00Z", "Putin and Aliyev meet in Dushanbe\n\n"
        + "Vladimir Putin and Ilham Aliyev held talks in Dushanbe on the sidelines of the CIS summit. The meeting lasted an hour and a half.");
    private static final RawArticle CALL_RU = article("sit-c-ru", "2025-10-09T15:00:00Z", "Путин и Алиев провели телефонный разговор\n\n"
        + "Ильхам Алиев и Владимир Путин обсудили по телефону торговые связи. Разговор состоялся по инициативе Баку.");
    private static final RawArticle MEETING_EN_2 = article("sit-m-en-2", "2025-10-09T18:00:00Z", "Aliyev and Putin meet again in Dushanbe\n\n"
        + "Ilham Aliyev and Vladimir Putin met in Dushanbe, where the CIS summit was held, for talks that lasted an hour and a half.");

    private static RawArticle article(String id, String published, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setOrigin(id + ".txt").setUrl(null).setTitle(null)
            .setBody(body).setPublishedAt(Instant.parse(published)).setFetchedAt(Instant.parse("2025-10-10T00:00:00Z"))
            .setLanguageHint(null).setAttributes(Map.of()).build();
    }

    @Test
    void shouldLinkArticlesOfAllPartitionsInOneIndexAndKeepItAcrossARestart(@TempDir Path dir) throws Exception {
        String applicationId = "stories-it-" + UUID.randomUUID();
        Map<String, Object> settings = stack.config(Map.of(
            ProcessorConfig.APPLICATION_ID, applicationId,
            ProcessorConfig.STATE_DIR, dir.resolve("state").toString(),
            ProcessorConfig.TOPIC_PREFIX, "sit",
            ProcessorConfig.TOPIC_PARTITIONS, "3",
            ProcessorConfig.OPS_HTTP_PORT, "-1"));
        ProcessorConfig config = new ProcessorConfig(settings);
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs());
             Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Topics topics = new Topics(config.topicNames(), serdes);
            try (ProcessorApp app = new ProcessorApp(config)) {
                app.start();
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the application did not reach RUNNING");
                // one at a time: which story an article starts or joins depends on what came before it
                for (RawArticle a : List.of(MEETING_RU, MEETING_EN, CALL_RU)) {
                    send(topics, a);
                    read(topics, topics.enriched().name(), List.of(MEETING_RU, MEETING_EN, CALL_RU).indexOf(a) + 1);
                }
                assertEquals(1, admin.describeTopics(List.of(applicationId + "-" + StoryLinking.TOPIC + "-repartition")).allTopicNames().get()
                    .values().iterator().next().partitions().size(), "one partition: one task owns the story index");
            }
            Map<String, String> storyOf = new java.util.TreeMap<>();
            read(topics, topics.enriched().name(), 3).forEach(r -> storyOf.put(r.key(), r.value().getStory().getId()));
            assertEquals(Map.of("sit-m-ru", "story-sit-m-ru", "sit-m-en", "story-sit-m-ru", "sit-c-ru", "story-sit-c-ru"), storyOf);

            // the local state is lost: the index must come back from the changelog
            org.apache.kafka.common.utils.Utils.delete(dir.resolve("state").toFile());
            try (ProcessorApp app = new ProcessorApp(new ProcessorConfig(settings))) {
                app.start();
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the application did not reach RUNNING again");
                send(topics, MEETING_EN_2);
                List<ConsumerRecord<String, EnrichedArticle>> all = read(topics, topics.enriched().name(), 4);
                EnrichedArticle later = all.stream().filter(r -> r.key().equals("sit-m-en-2")).findFirst().orElseThrow().value();
                assertEquals("story-sit-m-ru", later.getStory().getId());
            }
            List<ConsumerRecord<String, Story>> stories = TopicReader.read(stack.bootstrapServers(), topics.stories().name(),
                new StringDeserializer(), topics.stories().valueSerde().deserializer(), 4, Duration.ofSeconds(60), Duration.ofSeconds(2));
            Story last = stories.stream().filter(r -> r.key().equals("story-sit-m-ru")).reduce((a, b) -> b).orElseThrow().value();
            assertEquals(StoryStatus.OPEN, last.getStatus());
            assertEquals(3, last.getArticleCount());
            assertEquals(List.of("sit-m-ru", "sit-m-en", "sit-m-en-2"), last.getLatestArticleIds());
        }
    }

    private static void send(Topics topics, RawArticle a) throws Exception {
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
            new StringSerializer(), topics.raw().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), a.getId(), a)).get();
        }
    }

    private static List<ConsumerRecord<String, EnrichedArticle>> read(Topics topics, String topic, int expected) {
        return TopicReader.read(stack.bootstrapServers(), topic, new StringDeserializer(), topics.enriched().valueSerde().deserializer(),
            expected, Duration.ofSeconds(60), Duration.ofSeconds(2));
    }
}
