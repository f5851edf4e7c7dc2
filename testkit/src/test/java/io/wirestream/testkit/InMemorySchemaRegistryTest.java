package io.wirestream.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wirestream.registry.client.RegistryErrors;
import io.wirestream.registry.client.SchemaRegistryException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    private static final Schema V1 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Item\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    private static final Schema V2 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Item\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                    + "{\"name\":\"rank\",\"type\":\"int\",\"default\":0}]}");
    private static final Schema BREAKING = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Item\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"rank\",\"type\":\"int\"}]}");

    @Test
    void shouldKeepGlobalIdsAndVersionsAsTheRegistryServerDoes() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        int id = registry.register("items-value", V1);
        assertEquals(id, registry.register("items-value", V1), "registering again finds the same id");
        assertEquals(id, registry.register("other-value", V1), "ids are global");
        int next = registry.register("items-value", V2);

        assertEquals(List.of(1, 2), registry.getAllVersions("items-value"));
        assertEquals(next, registry.getLatestSchemaMetadata("items-value").id());
        assertEquals(V1, registry.getSchemaById(id));
        assertEquals(Optional.empty(), registry.lookup("unknown-value", V1));
        assertEquals(3, registry.journal().size(), "one journal entry per new version");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithTheRegistrysErrorCode() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register("items-value", V1);

        assertEquals(false, registry.testCompatibility("items-value", BREAKING).compatible());
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> registry.register("items-value", BREAKING));
        assertEquals(409, e.httpStatus());
        assertEquals(RegistryErrors.INCOMPATIBLE_SCHEMA, e.errorCode());
        SchemaRegistryException missing = assertThrows(SchemaRegistryException.class, () -> registry.getSchemaById(99));
        assertEquals(404, missing.httpStatus());
    }
}
