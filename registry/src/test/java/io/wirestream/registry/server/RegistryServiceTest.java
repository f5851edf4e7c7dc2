package io.wirestream.registry.server;

import io.wirestream.registry.server.RegistryEntry.ConfigEntry;
import io.wirestream.registry.server.RegistryEntry.SchemaEntry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The registry rules, with a journal kept in a list (the Kafka journal is covered by SchemaRegistryServerIT). */
class RegistryServiceTest {
    private static final String V1 = "{\"type\":\"record\",\"name\":\"Headline\",\"fields\":[{\"name\":\"title\",\"type\":\"string\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Headline\",\"fields\":[{\"name\":\"title\",\"type\":\"string\"},"
        + "{\"name\":\"section\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

    private final List<RegistryEntry> journal = new ArrayList<>();
    private final RegistryService registry = new RegistryService(journal::add, CompatibilityLevel.BACKWARD);

    @Test
    void shouldNumberIdsAndVersionsAndJournalEachRegistration() {
        assertEquals(1, registry.register("a-value", V1));
        assertEquals(2, registry.register("a-value", V2));
        String canonicalV1 = new Schema.Parser().parse(V1).toString();
        assertEquals(new SchemaEntry("a-value", 1, 1, canonicalV1), journal.get(0));
        assertEquals(List.of(1, 2), registry.versions("a-value"));
        assertEquals(2, journal.size());
    }

    @Test
    void shouldReturnTheSameIdForTheSameSchemaWithoutWritingAgain() {
        int id = registry.register("a-value", V1);
        assertEquals(id, registry.register("a-value", "  " + V1.replace(",", " , ")));
        assertEquals(1, journal.size());
    }

    @Test
    void shouldReuseTheGlobalIdUnderAnotherSubject() {
        registry.register("a-value", V1);
        registry.register("a-value", V2);
        assertEquals(1, registry.register("b-value", V1));
        assertEquals(new SchemaEntry("b-value", 1, 1, new Schema.Parser().parse(V1).toString()), registry.version("b-value", "latest"));
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWith409NamingTheField() {
        registry.register("a-value", V1);
        String required = V1.replace("}]}", "},{\"name\":\"words\",\"type\":\"int\"}]}");
        RegistryException e = assertThrows(RegistryException.class, () -> registry.register("a-value", required));
        assertEquals(409, e.httpStatus());
        assertEquals("Schema being registered is incompatible with an earlier schema for subject 'a-value' at "
            + "compatibility level BACKWARD: the new schema cannot read data written with version 1: field 'words' "
            + "of the reader has no default value and is absent from the writer [READER_FIELD_MISSING_DEFAULT_VALUE]",
            e.getMessage());
        assertEquals(1, journal.size());
    }

    @Test
    void shouldAnswer42201ForInvalidSchemaText() {
        RegistryException e = assertThrows(RegistryException.class, () -> registry.register("a-value", "{\"type\":\"recrd\"}"));
        assertEquals(422, e.httpStatus());
        assertEquals(42201, e.errorCode());
        RegistryException unknownType = assertThrows(RegistryException.class, () -> registry.register("a-value", "\"strng\""));
        assertEquals("Invalid schema: it uses a type name that it does not define "
            + "(schema references are not supported)", unknownType.getMessage());
    }

    @Test
    void shouldAnswerConfluentCodesForMissingThings() {
        registry.register("a-value", V1);
        assertEquals(40401, assertThrows(RegistryException.class, () -> registry.versions("nope")).errorCode());
        assertEquals(40402, assertThrows(RegistryException.class, () -> registry.version("a-value", "7")).errorCode());
        assertEquals(42202, assertThrows(RegistryException.class, () -> registry.version("a-value", "zero")).errorCode());
        assertEquals(40403, assertThrows(RegistryException.class, () -> registry.schemaById(99)).errorCode());
        assertEquals(40403, assertThrows(RegistryException.class, () -> registry.lookup("a-value", V2)).errorCode());
    }

    @Test
    void shouldRebuildTheSameStateFromItsJournal() {
        registry.register("a-value", V1);
        registry.setLevel("a-value", "full");
        registry.register("a-value", V2);
        RegistryService restarted = new RegistryService(e -> { }, CompatibilityLevel.BACKWARD);
        journal.forEach(restarted::replay);
        assertEquals(registry.version("a-value", "2"), restarted.version("a-value", "2"));
        assertEquals(CompatibilityLevel.FULL, restarted.effectiveLevel("a-value"));
        assertEquals(3, restarted.register("c-value", "\"string\""));
    }

    @Test
    void shouldKeepSubjectLevelsApartFromTheGlobalLevel() {
        registry.setLevel(null, "NONE");
        registry.setLevel("a-value", "FORWARD");
        assertEquals(CompatibilityLevel.NONE, registry.effectiveLevel("b-value"));
        assertEquals(CompatibilityLevel.FORWARD, registry.effectiveLevel("a-value"));
        assertEquals(new ConfigEntry("a-value", CompatibilityLevel.FORWARD), journal.get(1));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.setLevel(null, "SIDEWAYS"));
        assertEquals(42203, e.errorCode());
        assertEquals("Invalid compatibility level 'SIDEWAYS'. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, "
            + "FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE", e.getMessage());
    }
}
