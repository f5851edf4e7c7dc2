package io.wirestream.registry.serde;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.Mention;
import io.wirestream.avro.ProcessingInfo;
import io.wirestream.avro.RawArticle;
import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.sample.v1.Headline;
import io.wirestream.registry.server.SchemaRegistryServer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AvroSerdeIT {
    private static EmbeddedKafkaBroker broker;
    private static SchemaRegistryServer server;
    private static HttpSchemaRegistryClient client;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.temporary().start();
        server = SchemaRegistryServer.start(Map.of("kafkastore.bootstrap.servers", broker.bootstrapServers(),
            "kafkastore.topic", "_schemas_serde_" + UUID.randomUUID()));
        client = HttpSchemaRegistryClient.fromConfigs(Map.of("schema.registry.url", server.url()));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Timeout(90)
    void shouldCarryARawArticleThroughKafka() throws Exception {
        String topic = "news.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        RawArticle article = rawArticle();
        try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class)) {
            serde.configure(Map.of("schema.registry.url", server.url()), false);
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers()), Serdes.String().serializer(), serde.serializer())) {
                producer.send(new ProducerRecord<>(topic, article.getId(), article)).get();
                producer.send(new ProducerRecord<>(topic, article.getId(), null)).get();
            }
            List<RawArticle> received = new ArrayList<>();
            try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "serde-it-" + UUID.randomUUID()),
                Serdes.String().deserializer(), serde.deserializer())) {
                TopicPartition tp = new TopicPartition(topic, 0);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                while (received.size() < 2) {
                    ConsumerRecords<String, RawArticle> records = consumer.poll(Duration.ofMillis(500));
                    records.forEach(r -> received.add(r.value()));
                }
            }
            assertEquals(Arrays.asList(article, null), received);
        }
        assertEquals(RawArticle.getClassSchema(), client.getLatestSchemaMetadata(topic + "-value").schema());
    }

    @Test
    @Timeout(60)
    void shouldRoundTripAnEnrichedArticle() {
        EnrichedArticle article = enrichedArticle();
        SpecificAvroSerde<EnrichedArticle> serde = new SpecificAvroSerde<>(EnrichedArticle.class, client);
        byte[] bytes = serde.serializer().serialize("news.enriched.roundtrip", article);
        assertEquals(article, serde.deserializer().deserialize("news.enriched.roundtrip", bytes));
    }

    @Test
    @Timeout(60)
    void shouldWriteConfluentFraming() throws Exception {
        String topic = "framing." + UUID.randomUUID();
        Headline headline = new Headline("Rates held", 2);
        byte[] bytes = new AvroSerializer<Headline>(client).serialize(topic, headline);
        int id = client.getLatestSchemaMetadata(topic + "-value").id();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(WireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new GenericDatumWriter<GenericRecord>(Headline.getClassSchema()).write(headline, encoder);
        encoder.flush();
        assertArrayEquals(expected.toByteArray(), bytes);
    }

    @Test
    @Timeout(60)
    void shouldReadVersion1DataWithAVersion2SpecificReader() {
        String topic = "evolution.forward." + UUID.randomUUID();
        byte[] v1Bytes = new SpecificAvroSerde<>(Headline.class, client).serializer()
            .serialize(topic, new Headline("Storm warning", 2));
        byte[] v2Bytes = new SpecificAvroSerde<>(io.wirestream.registry.sample.v2.Headline.class, client).serializer()
            .serialize(topic, new io.wirestream.registry.sample.v2.Headline("Markets calm", 2, "business"));
        var v2Reader = new SpecificAvroSerde<>(io.wirestream.registry.sample.v2.Headline.class, client).deserializer();
        assertEquals(new io.wirestream.registry.sample.v2.Headline("Storm warning", 2, null), v2Reader.deserialize(topic, v1Bytes));
        assertEquals(new io.wirestream.registry.sample.v2.Headline("Markets calm", 2, "business"), v2Reader.deserialize(topic, v2Bytes));
        assertEquals(List.of(1, 2), client.getAllVersions(topic + "-value"));
    }

    @Test
    @Timeout(60)
    void shouldReadVersion2DataWithAVersion1SpecificReader() {
        String topic = "evolution.backward." + UUID.randomUUID();
        new SpecificAvroSerde<>(Headline.class, client).serializer().serialize(topic, new Headline("First", 1));
        byte[] v2Bytes = new SpecificAvroSerde<>(io.wirestream.registry.sample.v2.Headline.class, client).serializer()
            .serialize(topic, new io.wirestream.registry.sample.v2.Headline("Harbour reopens", 2, "local"));
        assertEquals(new Headline("Harbour reopens", 2),
            new SpecificAvroSerde<>(Headline.class, client).deserializer().deserialize(topic, v2Bytes));
    }

    @Test
    @Timeout(60)
    void shouldReadEachVersionGenericallyInItsWriterSchema() {
        String topic = "evolution.generic." + UUID.randomUUID();
        GenericRecord v1 = new GenericData.Record(Headline.getClassSchema());
        v1.put("title", "Bridge closed");
        v1.put("words", 2);
        GenericAvroSerde serde = new GenericAvroSerde(client);
        byte[] v1Bytes = serde.serializer().serialize(topic, v1);
        byte[] v2Bytes = new SpecificAvroSerde<>(io.wirestream.registry.sample.v2.Headline.class, client).serializer()
            .serialize(topic, new io.wirestream.registry.sample.v2.Headline("Bridge open", 2, "traffic"));

        GenericRecord readV1 = serde.deserializer().deserialize(topic, v1Bytes);
        GenericRecord readV2 = serde.deserializer().deserialize(topic, v2Bytes);
        assertEquals(v1, readV1);
        assertEquals(io.wirestream.registry.sample.v2.Headline.getClassSchema(), readV2.getSchema());
        assertEquals("traffic", readV2.get("section").toString());
        assertEquals(new io.wirestream.registry.sample.v2.Headline("Bridge closed", 2, null),
            new SpecificAvroSerde<>(io.wirestream.registry.sample.v2.Headline.class, client).deserializer()
                .deserialize(topic, v1Bytes));
    }

    @Test
    @Timeout(60)
    void shouldFindTheSpecificClassByNameWhenConfigured() {
        String topic = "specific.reader." + UUID.randomUUID();
        byte[] bytes = new AvroSerializer<RawArticle>(client).serialize(topic, rawArticle());
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(client);
        deserializer.configure(Map.of("specific.avro.reader", "true"), false);
        assertEquals(rawArticle(), deserializer.deserialize(topic, bytes));
    }

    @Test
    @Timeout(60)
    void shouldOnlyLookUpWithoutAutoRegistration() {
        String topic = "no.autoregister." + UUID.randomUUID();
        AvroSerializer<Headline> serializer = new AvroSerializer<>(client);
        serializer.configure(Map.of("auto.register.schemas", "false"), false);
        SerializationException e = assertThrows(SerializationException.class,
            () -> serializer.serialize(topic, new Headline("x", 1)));
        assertEquals(topic + ": schema io.wirestream.registry.sample.v1.Headline is not registered under subject '"
            + topic + "-value' and auto.register.schemas is false", e.getMessage());
        int id = client.register(topic + "-value", Headline.getClassSchema());
        assertEquals(id, WireFormat.schemaId(serializer.serialize(topic, new Headline("x", 1)), topic));
    }

    @Test
    @Timeout(60)
    void shouldRegisterUnderTheRecordsFullNameWithTheRecordNameStrategy() {
        String first = "record.subject.a." + UUID.randomUUID();
        String second = "record.subject.b." + UUID.randomUUID();
        SpecificAvroSerde<EnrichedArticle> serde = new SpecificAvroSerde<>(EnrichedArticle.class, client);
        serde.configure(Map.of("value.subject.name.strategy", "RecordNameStrategy"), false);
        byte[] a = serde.serializer().serialize(first, enrichedArticle());
        byte[] b = serde.serializer().serialize(second, enrichedArticle());
        int id = client.getLatestSchemaMetadata("io.wirestream.avro.EnrichedArticle").id();
        assertEquals(List.of(id, id), List.of(WireFormat.schemaId(a, first), WireFormat.schemaId(b, second)));
        List<String> subjects = client.getAllSubjects();
        assertEquals(List.of(false, false), List.of(subjects.contains(first + "-value"), subjects.contains(second + "-value")),
            "no topic subject expected in " + subjects);
        assertEquals(enrichedArticle(), serde.deserializer().deserialize(second, b));
    }

    @Test
    @Timeout(60)
    void shouldRegisterUnderTheTopicSubjectByDefault() {
        String topic = "topic.subject." + UUID.randomUUID();
        SpecificAvroSerde<EnrichedArticle> serde = new SpecificAvroSerde<>(EnrichedArticle.class, client);
        serde.configure(Map.of(), false);
        byte[] bytes = serde.serializer().serialize(topic, enrichedArticle());
        assertEquals(client.getLatestSchemaMetadata(topic + "-value").id(), WireFormat.schemaId(bytes, topic));
    }

    @Test
    @Timeout(60)
    void shouldWriteWithTheLatestVersionWhenAsked() {
        String topic = "latest." + UUID.randomUUID();
        int id = client.register(topic + "-value", Headline.getClassSchema());
        AvroSerializer<Headline> serializer = new AvroSerializer<>(client);
        serializer.configure(Map.of("auto.register.schemas", "false", "use.latest.version", "true"), false);
        assertEquals(id, WireFormat.schemaId(serializer.serialize(topic, new Headline("y", 1)), topic));
    }

    @Test
    @Timeout(60)
    void shouldNameAnUnknownSchemaIdAndTheRegistry() {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client);
        SerializationException e = assertThrows(SerializationException.class,
            () -> deserializer.deserialize("news.raw", WireFormat.header(999_999)));
        assertEquals("news.raw: schema id 999999 is not in the registry at " + server.url() + ": Schema 999999 not found",
            e.getMessage());
    }

    @Test
    @Timeout(60)
    void shouldExplainBytesThatDoNotMatchTheWriterSchema() {
        String topic = "garbage." + UUID.randomUUID();
        int id = client.register(topic + "-value", Headline.getClassSchema());
        byte[] garbage = new byte[] {0, 0, 0, 0, 0, 0x7f};
        System.arraycopy(WireFormat.header(id), 0, garbage, 0, WireFormat.HEADER_SIZE);
        SerializationException e = assertThrows(SerializationException.class,
            () -> new AvroDeserializer<GenericRecord>(client).deserialize(topic, garbage));
        assertEquals(topic + ": Avro decoding with writer schema id " + id + " failed: "
            + "org.apache.avro.AvroRuntimeException: Malformed data. Length is negative: -64", e.getMessage());
    }

    @Test
    @Timeout(60)
    void shouldDeserialiseATombstoneToNull() {
        assertNull(new GenericAvroSerde(client).deserializer().deserialize("news.raw", null));
        assertNull(new GenericAvroSerde(client).serializer().serialize("news.raw", null));
    }

    private static RawArticle rawArticle() {
        return RawArticle.newBuilder()
            .setId("0f1e2d3c4b5a69788796a5b4c3d2e1f0")
            .setSource("folder:samples")
            .setOrigin("sample-1.txt")
            .setUrl("https://example.org/news/harbour")
            .setTitle("Harbour reopens after storm")
            .setBody("The harbour reopened on Monday after a two-day closure. Ferries resumed at noon.")
            .setPublishedAt(Instant.parse("2025-03-03T08:00:00Z"))
            .setFetchedAt(Instant.parse("2025-03-03T08:05:00.123Z"))
            .setLanguageHint("en")
            .setAttributes(Map.of("author", "Desk"))
            .build();
    }

    private static EnrichedArticle enrichedArticle() {
        return EnrichedArticle.newBuilder()
            .setId("aa11")
            .setSource("push")
            .setOrigin("push")
            .setBody("Officials in Lisbon met the port authority.")
            .setFetchedAt(Instant.parse("2025-03-03T09:00:00Z"))
            .setLanguage("en")
            .setLanguageConfidence(0.98)
            .setEntities(List.of(Entity.newBuilder().setId("Q597").setType(EntityType.LOCATION)
                .setCanonicalName("Lisbon").setSalience(0.7)
                .setMentions(List.of(Mention.newBuilder().setText("Lisbon").setStart(13).setEnd(19).build())).build()))
            .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.UNIQUE).setFingerprint("abc").build())
            .setProcessing(ProcessingInfo.newBuilder().setPipelineVersion("0.1.0")
                .setProcessedAt(Instant.parse("2025-03-03T09:00:01Z")).setStages(List.of("clean", "entities")).build())
            .build();
    }
}
