package io.wirestream.core;

import io.wirestream.registry.client.HttpSchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.serde.GenericAvroSerde;
import io.wirestream.registry.serde.SpecificAvroSerde;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;
import java.util.Objects;

/**
 * Creates the Avro serdes of one application, all sharing one registry client (and so one schema cache
 * and one HTTP connection pool). The registry settings are the serde keys of
 * {@code io.wirestream.registry.serde.AvroSerdeConfig} ({@code schema.registry.url}, basic auth, TLS,
 * {@code auto.register.schemas}, ...).
 */
public final class SerdeFactory implements AutoCloseable {
    private final SchemaRegistryClient client;
    private final Map<String, ?> configs;
    private final boolean ownsClient;

    /** A factory with its own registry client, closed with the factory. */
    public SerdeFactory(Map<String, ?> registryConfigs) {
        this(HttpSchemaRegistryClient.fromConfigs(registryConfigs), registryConfigs, true);
    }

    /** A factory on a client owned by the caller. */
    public SerdeFactory(SchemaRegistryClient client, Map<String, ?> registryConfigs) {
        this(client, registryConfigs, false);
    }

    private SerdeFactory(SchemaRegistryClient client, Map<String, ?> configs, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.configs = Map.copyOf(Objects.requireNonNull(configs, "configs"));
        this.ownsClient = ownsClient;
    }

    /** A configured value serde for one of our generated Avro classes. */
    public <T extends SpecificRecord> Serde<T> forValues(Class<T> type) {
        Serde<T> serde = new SpecificAvroSerde<>(type, client);
        serde.configure(configs, false);
        return serde;
    }

    /** A configured value serde that reads any Avro record with the schema it was written with. */
    public Serde<GenericRecord> genericValues() {
        Serde<GenericRecord> serde = new GenericAvroSerde(client);
        serde.configure(configs, false);
        return serde;
    }

    public SchemaRegistryClient client() {
        return client;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
