package io.wirestream.cli;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Operators grow the knowledge base from a public dump while the processors run, without a restart. */
@Timeout(180)
class KbLoadCommandIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    /** One person in the Wikidata JSON dump format (one entity per line), written for this test. */
    private static final String DUMP = String.join("\n", "[",
        "{\"type\":\"item\",\"id\":\"Q987654321\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"Maren Holmqvist\"},"
            + "\"ru\":{\"language\":\"ru\",\"value\":\"Марен Хольмквист\"}},\"aliases\":{},\"claims\":{\"P31\":[{\"mainsnak\":"
            + "{\"snaktype\":\"value\",\"property\":\"P31\",\"datavalue\":{\"value\":{\"entity-type\":\"item\",\"numeric-id\":5,"
            + "\"id\":\"Q5\"},\"type\":\"wikibase-entityid\"}}}]}}",
        "]", "");

    @Test
    void shouldLinkANameToTheIdLoadedFromAWikidataDumpWithoutRestartingTheProcessors(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("dump.json");
        Files.writeString(dump, DUMP);
        Map<String, Object> settings = stack.config(Map.of("topic.prefix", "kbl",
            ProcessorConfig.APPLICATION_ID, "kb-load-it-" + UUID.randomUUID(),
            ProcessorConfig.STATE_DIR, dir.resolve("state").toString(),
            ProcessorConfig.OPS_HTTP_PORT, "-1"));
        ProcessorConfig config = new ProcessorConfig(settings);
        try (ProcessorApp app = new ProcessorApp(config); SerdeFactory serdes = new SerdeFactory(config.registryConfigs())) {
            app.start();
            assertEquals(true, app.awaitRunning(Duration.ofSeconds(60)));

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Wirestream.run(new String[] {"kb-load", "--format", "wikidata", "--file", dump.toString(),
                "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl(), "-D", "topic.prefix=kbl"},
                new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(0, exit, err.toString());
            assertEquals("kb-load: 1 entities to kbl.kb (0 items skipped (not a person, place or organisation))\n", out.toString());

            Topics topics = new Topics(config.topicNames(), serdes);
            String text = "Maren Holmqvist opened the new library on Monday. Holmqvist said the building would stay open late.";
            RawArticle article = RawArticle.newBuilder().setId("kb1").setSource("test").setOrigin("kb1.txt").setUrl(null)
                .setTitle("Library opens").setBody(text).setPublishedAt(Instant.now()).setFetchedAt(Instant.now())
                .setLanguageHint(null).setAttributes(Map.of()).build();
            // the global store is updated asynchronously: give it a moment before the article arrives
            Thread.sleep(2_000);
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), topics.raw().valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topics.raw().name(), "kb1", article)).get();
            }
            List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(stack.bootstrapServers(), topics.enriched().name(),
                new StringDeserializer(), topics.enriched().valueSerde().deserializer(), 1, Duration.ofSeconds(60), Duration.ofSeconds(1));
            assertEquals(1, enriched.size());
            assertEquals(List.of("Q987654321 Maren Holmqvist PERSON [Maren Holmqvist, Holmqvist]"), enriched.get(0).value().getEntities().stream()
                .filter(e -> e.getCanonicalName().contains("Holmqvist"))
                .map(e -> e.getId() + " " + e.getCanonicalName() + " " + e.getType() + " "
                    + e.getMentions().stream().map(m -> m.getText()).toList()).toList());
        }
    }
}
