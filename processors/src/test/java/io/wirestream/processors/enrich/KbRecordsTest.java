package io.wirestream.processors.enrich;

import io.wirestream.avro.kb.KbEntityType;
import io.wirestream.avro.kb.KbEntry;
import io.wirestream.avro.kb.KbName;
import io.wirestream.enrichment.entity.EntityType;
import io.wirestream.enrichment.kb.KbEntity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KbRecordsTest {

    @Test
    void shouldRoundTripAnEntityThroughItsRecord() {
        KbEntity putin = new KbEntity("Q7747", EntityType.PERSON, "Vladimir Putin",
                Map.of("ru", List.of("Владимир Путин", "Путин"), "en", List.of("Putin")));
        KbEntry record = KbRecords.toRecord(putin, "manual");
        assertEquals(KbEntityType.PERSON, record.getType());
        assertEquals("manual", record.getSource());
        assertEquals(putin, KbRecords.fromRecord(record));
    }

    @Test
    void shouldRejectARecordWithAnInvalidId() {
        KbEntry bad = KbEntry.newBuilder().setId("putin").setType(KbEntityType.PERSON).setCanonicalName("Putin")
                .setNames(List.of(new KbName("ru", "Путин"))).setSource("manual").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KbRecords.fromRecord(bad));
        assertEquals("id must be a Wikidata id (Q123) or ws:lower-case-latin, was 'putin'", e.getMessage());
    }
}
