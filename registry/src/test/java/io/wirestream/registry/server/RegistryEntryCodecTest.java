package io.wirestream.registry.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegistryEntryCodecTest {
    private final RegistryEntryCodec codec = new RegistryEntryCodec();

    @Test
    void shouldRoundTripSchemaEntries() {
        RegistryEntry entry = new RegistryEntry.SchemaEntry("news.raw-value", 3, 12, "\"string\"");
        assertEquals(Optional.of(entry), codec.decode(codec.key(entry), codec.value(entry)));
        assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"news.raw-value\",\"version\":3}",
            new String(codec.key(entry), StandardCharsets.UTF_8));
    }

    @Test
    void shouldRoundTripGlobalAndSubjectConfig() {
        RegistryEntry global = new RegistryEntry.ConfigEntry(null, CompatibilityLevel.FULL);
        RegistryEntry subject = new RegistryEntry.ConfigEntry("news.raw-value", CompatibilityLevel.NONE);
        assertEquals(Optional.of(global), codec.decode(codec.key(global), codec.value(global)));
        assertEquals(Optional.of(subject), codec.decode(codec.key(subject), codec.value(subject)));
    }

    @Test
    void shouldSkipKeyTypesItDoesNotKnowAndTombstones() {
        byte[] key = "{\"keytype\":\"MODE\",\"subject\":null}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), codec.decode(key, "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), codec.decode(key, null));
    }
}
