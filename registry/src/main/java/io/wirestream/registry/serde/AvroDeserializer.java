package io.wirestream.registry.serde;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.RegistryErrors;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deserialises Confluent-framed Avro ({@link WireFormat}) with the writer schema fetched by its id.
 *
 * <ul>
 *   <li>Generic (default): a {@link org.apache.avro.generic.GenericRecord} in the writer schema.</li>
 *   <li>Specific (a class given, or {@code specific.avro.reader=true}): the generated class, decoded by
 *       Avro schema resolution from the writer schema to the class's schema, so a reader of one version
 *       decodes data of another compatible version (added fields take their defaults, removed ones are
 *       skipped). Without a given class, the class is found by the writer schema's full name.</li>
 * </ul>
 *
 * <p>Null data (a tombstone) gives null. Every failure is a {@link SerializationException} naming the
 * topic and what was wrong. Readers are cached per writer schema id.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private final Class<? extends SpecificRecord> specificType;
    private boolean specific;
    private boolean isKey;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's instantiation by class name: {@link #configure} creates the client. */
    public AvroDeserializer() {
        this(null, null);
    }

    /** A generic deserializer (or specific, if configured so) sharing {@code client}, which it does not close. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this(client, null);
    }

    /** A specific deserializer returning {@code specificType}, sharing {@code client}, which it does not close. */
    public AvroDeserializer(SchemaRegistryClient client, Class<? extends SpecificRecord> specificType) {
        this.client = client;
        this.specificType = specificType;
        this.specific = specificType != null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.specific = specificType != null || config.specificAvroReader();
        readers.clear();
        if (client == null) {
            client = new HttpSchemaRegistryClient(config.clientConfig());
            ownsClient = true;
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer has no registry client: give one to the constructor "
                + "or call configure() with schema.registry.url");
        }
        int id = WireFormat.schemaId(data, topic, isKey);
        DatumReader<T> reader = readers.computeIfAbsent(id, i -> reader(topic, i));
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, null);
            T result = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException((data.length - WireFormat.HEADER_SIZE) + "-byte payload has bytes left "
                    + "after the record: the writer used another schema than id " + id);
            }
            return result;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(topic + ": Avro decoding with writer schema id " + id + " failed: "
                + e, e);
        }
    }

    private DatumReader<T> reader(String topic, int id) {
        Schema writer = writerSchema(topic, id);
        if (!specific) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Class<?> type = specificType;
        if (type == null) {
            type = SpecificData.get().getClass(writer);
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                throw new SerializationException(topic + ": specific.avro.reader is true but no generated class "
                    + writer.getFullName() + " (writer schema id " + id + ") is on the class path");
            }
        }
        // The class's own model carries its logical-type conversions and class loader.
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return client.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == RegistryErrors.SCHEMA_NOT_FOUND) {
                throw new SerializationException(topic + ": schema id " + id + " is not in the registry at "
                    + registryBase(e) + ": " + e.registryMessage(), e);
            }
            throw new SerializationException(topic + ": cannot fetch writer schema id " + id
                + " from the registry: " + e.getMessage(), e);
        }
    }

    private String registryBase(SchemaRegistryException e) {
        if (e.url() != null) {
            int at = e.url().indexOf("/schemas/ids/");
            return at > 0 ? e.url().substring(0, at) : e.url();
        }
        return client instanceof HttpSchemaRegistryClient http ? String.join(",", http.urls()) : "the registry";
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
