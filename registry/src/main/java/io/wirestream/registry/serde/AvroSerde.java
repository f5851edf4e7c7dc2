package io.wirestream.registry.serde;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link SpecificAvroSerde} and {@link GenericAvroSerde} share: who owns the registry client, and
 * building the serializer and deserializer on it.
 *
 * <p>Without a client the serde creates its own in {@link #configure} from {@code schema.registry.url} and
 * closes it in {@link #close()}. With a shared client it works without {@code configure} (values,
 * auto-registration) and never closes the client.
 */
abstract class AvroSerde<T> implements Serde<T> {
    private final SchemaRegistryClient sharedClient;
    private SchemaRegistryClient ownClient;
    private AvroSerializer<T> serializer;
    private AvroDeserializer<T> deserializer;

    /** A serde that creates its client in {@link #configure}. */
    AvroSerde() {
        this.sharedClient = null;
    }

    /** A serde on a client owned by the caller; subclasses call {@link #useClient} at the end of their constructor. */
    AvroSerde(SchemaRegistryClient client) {
        this.sharedClient = Objects.requireNonNull(client, "client");
    }

    /** The deserializer of this serde's type on {@code client}. */
    abstract AvroDeserializer<T> newDeserializer(SchemaRegistryClient client);

    /** The configuration the serializer and deserializer get; by default the caller's. */
    Map<String, ?> adjust(Map<String, ?> configs) {
        return configs;
    }

    /** How the serde names itself in errors. */
    abstract String describe();

    final void useClient(SchemaRegistryClient client) {
        serializer = new AvroSerializer<>(client);
        deserializer = newDeserializer(client);
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryClient client = sharedClient;
        if (client == null) {
            if (ownClient != null) {
                ownClient.close();
            }
            ownClient = new HttpSchemaRegistryClient(new AvroSerdeConfig(configs).clientConfig());
            client = ownClient;
        }
        Map<String, ?> effective = adjust(configs);
        useClient(client);
        serializer.configure(effective, isKey);
        deserializer.configure(effective, isKey);
    }

    @Override
    public final Serializer<T> serializer() {
        return requireConfigured(serializer);
    }

    @Override
    public final Deserializer<T> deserializer() {
        return requireConfigured(deserializer);
    }

    @Override
    public final void close() {
        if (ownClient != null) {
            ownClient.close();
            ownClient = null;
        }
    }

    private <S> S requireConfigured(S part) {
        if (part == null) {
            throw new IllegalStateException(describe() + " has no registry client: call configure() with "
                + "schema.registry.url first, or build it with a client");
        }
        return part;
    }
}
