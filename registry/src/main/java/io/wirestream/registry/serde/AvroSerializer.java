package io.wirestream.registry.serde;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialises Avro records ({@link org.apache.avro.generic.GenericRecord} or generated
 * {@link SpecificRecord}s) into Confluent's {@link WireFormat}, under the subject of the configured
 * {@link SubjectNameStrategy} ({@code value.subject.name.strategy}; TopicNameStrategy by default).
 *
 * <p>With {@code auto.register.schemas} (the default) the record's schema is registered once per
 * subject and schema (the client caches the id). Otherwise the schema is looked up, or with
 * {@code use.latest.version} the subject's latest version is used (fetched once per serializer; it must
 * equal the record's schema). Thread-safe: Kafka producers call it from the sending threads.
 *
 * <p>Either give a client ({@link #AvroSerializer(SchemaRegistryClient)}, not closed by this serializer) or
 * let {@link #configure} create one from {@code schema.registry.url}, closed by {@link #close()}.
 */
public class AvroSerializer<T> implements Serializer<T> {
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config = new AvroSerdeConfig(Map.of());
    private boolean isKey;
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, SchemaMetadata> latestBySubject = new ConcurrentHashMap<>();

    /** For Kafka's instantiation by class name: {@link #configure} creates the client. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        if (client == null) {
            client = new HttpSchemaRegistryClient(config.clientConfig());
            ownsClient = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer has no registry client: give one to the constructor "
                + "or call configure() with schema.registry.url");
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException(topic + ": cannot serialise a " + data.getClass().getName()
                + ": AvroSerializer takes Avro records (GenericRecord or a generated SpecificRecord)");
        }
        Schema schema = container.getSchema();
        String subject = config.subjectNameStrategy(isKey).subject(topic, isKey, schema);
        int id = schemaId(topic, subject, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        WireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer(schema, data).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(topic + ": Avro encoding of a " + schema.getFullName()
                + " with schema id " + id + " failed: " + e, e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, String subject, Schema schema) {
        try {
            if (config.autoRegisterSchemas()) {
                return client.register(subject, schema);
            }
            if (config.useLatestVersion()) {
                SchemaMetadata latest = latestBySubject.computeIfAbsent(subject, client::getLatestSchemaMetadata);
                if (!latest.schema().equals(schema)) {
                    throw new SerializationException(topic + ": use.latest.version is set but version "
                        + latest.version() + " (id " + latest.id() + "), the latest of subject '" + subject
                        + "', differs from the record's schema " + schema.getFullName());
                }
                return latest.id();
            }
            return client.lookup(subject, schema).map(SchemaMetadata::id).orElseThrow(() ->
                new SerializationException(topic + ": schema " + schema.getFullName() + " is not registered under "
                    + "subject '" + subject + "' and auto.register.schemas is false"));
        } catch (SchemaRegistryException e) {
            throw new SerializationException(topic + ": cannot get a schema id for " + schema.getFullName()
                + " under subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writer(Schema schema, Object data) {
        boolean specific = data instanceof SpecificRecord;
        return writers.computeIfAbsent(new WriterKey(schema, specific ? data.getClass() : null), k ->
            // The generated class's own model knows its logical-type conversions (Instant for timestamps).
            specific ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(k.type()))
                : new GenericDatumWriter<>(schema, GenericData.get()));
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    private record WriterKey(Schema schema, Class<?> type) {
    }
}
