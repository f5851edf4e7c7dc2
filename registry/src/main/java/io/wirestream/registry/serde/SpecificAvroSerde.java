package io.wirestream.registry.serde;

import io.wirestream.registry.client.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

import java.util.Objects;

/**
 * Serde of a generated Avro class in Confluent's wire format. Reading resolves the writer schema (by id)
 * to the class's schema, so the serde decodes every compatible version of the record.
 *
 * <p>With {@link #SpecificAvroSerde(Class)} the serde creates its own client in {@link #configure} from
 * {@code schema.registry.url} and closes it in {@link #close()}. With a shared client it works without
 * {@code configure} (values, auto-registration) and never closes the client.
 */
public final class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {
    private final Class<T> type;

    public SpecificAvroSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        super(client);
        this.type = Objects.requireNonNull(type, "type");
        useClient(client);
    }

    @Override
    AvroDeserializer<T> newDeserializer(SchemaRegistryClient client) {
        return new AvroDeserializer<>(client, type);
    }

    @Override
    String describe() {
        return "SpecificAvroSerde<" + type.getSimpleName() + ">";
    }
}
