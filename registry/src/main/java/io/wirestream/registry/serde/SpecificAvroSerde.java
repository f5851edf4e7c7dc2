package io.wirestream.registry.serde;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;
import java.util.Objects;

/**
 * Serde of a generated Avro class in Confluent's wire format. Reading resolves the writer schema (by id)
 * to the class's schema, so the serde decodes every compatible version of the record.
 *
 * <p>With {@link #SpecificAvroSerde(Class)} the serde creates its own client in {@link #configure} from
 * {@code schema.registry.url} and closes it in {@link #close()}. With a shared client it works without
 * {@code configure} (values, auto-registration) and never closes the client.
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final Class<T> type;
    private final SchemaRegistryClient sharedClient;
    private SchemaRegistryClient ownClient;
    private AvroSerializer<T> serializer;
    private AvroDeserializer<T> deserializer;

    public SpecificAvroSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.sharedClient = null;
    }

    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.type = Objects.requireNonNull(type, "type");
        this.sharedClient = Objects.requireNonNull(client, "client");
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(client, type);
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
        serializer = new AvroSerializer<>(client);
        serializer.configure(configs, isKey);
        deserializer = new AvroDeserializer<>(client, type);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return requireConfigured(serializer);
    }

    @Override
    public Deserializer<T> deserializer() {
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
            throw new IllegalStateException("SpecificAvroSerde<" + type.getSimpleName() + "> has no registry client: "
                + "call configure() with schema.registry.url first, or build it with a client");
        }
        return part;
    }
}
