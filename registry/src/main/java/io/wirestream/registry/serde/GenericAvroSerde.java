package io.wirestream.registry.serde;

import io.wirestream.registry.client.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * Serde of {@link GenericRecord}s in Confluent's wire format; reading returns records in their writer
 * schema (each record's {@code getSchema()} tells which version it is).
 *
 * <p>Client ownership as in {@link SpecificAvroSerde}.
 */
public final class GenericAvroSerde extends AvroSerde<GenericRecord> {

    public GenericAvroSerde() {
    }

    public GenericAvroSerde(SchemaRegistryClient client) {
        super(client);
        useClient(client);
    }

    @Override
    AvroDeserializer<GenericRecord> newDeserializer(SchemaRegistryClient client) {
        return new AvroDeserializer<>(client);
    }

    /** Generic on purpose, whatever {@code specific.avro.reader} says: this serde's type is GenericRecord. */
    @Override
    Map<String, ?> adjust(Map<String, ?> configs) {
        Map<String, Object> generic = new HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
        return generic;
    }

    @Override
    String describe() {
        return "GenericAvroSerde";
    }
}
