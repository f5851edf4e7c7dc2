package io.wirestream.registry.serde;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;
import java.util.Objects;

/**
 * Serde of {@link GenericRecord}s in Confluent's wire format; reading returns records in their writer
 * schema (each record's {@code getSchema()} tells which version it is).
 *
 * <p>Client ownership as in {@link SpecificAvroSerde}.
 */
public final class GenericAvroSerde implements Serde<GenericRecord> {
    private final SchemaRegistryClient sharedClient;
    private SchemaRegistryClient ownClient;
    private AvroSerializer<GenericRecord> serializer;
    private AvroDeserializer<GenericRecord> deserializer;

    public GenericAvroSerde() {
        this.sharedClient = null;
    }

    public GenericAvroSerde(SchemaRegistryClient client) {
        this.sharedClient = Objects.requireNonNull(client, "client");
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryClient client = sharedClient;
        if (client == null) {
            if (ownClient != null) {
                ownClient.close();
            }
            ownClient = new HttpSchemaRegistryClient(new AvroSerdeConfig(configs).clientConfig());
            client = ownClient;
        }
        // Generic on purpose, whatever specific.avro.reader says: this serde's type is GenericRecord.
        Map<String, Object> generic = new java.util.HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
        serializer = new AvroSerializer<>(client);
        serializer.configure(generic, isKey);
        deserializer = new AvroDeserializer<>(client);
        deserializer.configure(generic, isKey);
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return requireConfigured(serializer);
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return requireConfigured(deserializer);
    }

    @Override
    public void close() {
        if (ownClient != null) {
            ownClient.close();
            ownClient = null;
        }
    }

    private <S> S requireConfigured(S part) {
        if (part == null) {
            throw new IllegalStateException("GenericAvroSerde has no registry client: call configure() with "
                + "schema.registry.url first, or build it with a client");
        }
        return part;
    }
}
