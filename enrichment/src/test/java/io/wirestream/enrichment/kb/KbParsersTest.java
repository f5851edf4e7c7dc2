package io.wirestream.enrichment.kb;

import io.wirestream.enrichment.entity.EntityType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KbParsersTest {

    private static Reader resource(String name) {
        return new InputStreamReader(KbParsersTest.class.getResourceAsStream(name), StandardCharsets.UTF_8);
    }

    @Test
    void shouldGroupJrcNameVariantsIntoEntities() throws IOException {
        List<KbEntity> out = new ArrayList<>();
        JrcNamesParser.Counts counts;
        try (Reader r = resource("/kb/jrc-names-sample.tsv")) {
            counts = JrcNamesParser.parse(r, out::add);
        }
        assertEquals(new JrcNamesParser.Counts(3, 6, 2), counts);
        assertEquals(new KbEntity("ws:jrc-1001", EntityType.PERSON, "Azer Garayev",
                Map.of("*", List.of("Azer Garayev"), "ru", List.of("Азер Гараев"), "en", List.of("Azer Garaev"))), out.get(0));
        assertEquals(EntityType.ORGANIZATION, out.get(1).type());
        assertEquals("Agnès Bénassy-Quéré", out.get(2).canonicalName());
    }

    @Test
    void shouldReadPeoplePlacesAndOrganisationsFromWikidataDump() throws IOException {
        List<KbEntity> out = new ArrayList<>();
        WikidataDumpParser.Counts counts;
        try (Reader r = resource("/kb/wikidata-sample.json")) {
            counts = WikidataDumpParser.parse(r, out::add);
        }
        assertEquals(new WikidataDumpParser.Counts(3, 1), counts);
        assertEquals(new KbEntity("Q900001", EntityType.PERSON, "Tobias Lindqvist",
                Map.of("en", List.of("Tobias Lindqvist", "T. Lindqvist"), "ru", List.of("Тобиас Линдквист"))), out.get(0));
        assertEquals(Map.of("en", List.of("Uppsala"), "sv", List.of("Uppsala")), out.get(1).names());
        assertEquals(EntityType.LOCATION, out.get(1).type());
        assertEquals("Nordwind Bank", out.get(2).canonicalName());
        assertEquals(EntityType.ORGANIZATION, out.get(2).type());
    }

    @Test
    void shouldRoundTripTheJsonForm() {
        KbEntity e = new KbEntity("Q7747", EntityType.PERSON, "Vladimir Putin", Map.of("ru", List.of("Путин", "Владимир Путин")));
        assertEquals(e, KbJson.parse(KbJson.format(e)));
    }

    @Test
    void shouldRejectAnEntityOfUnknownType() {
        IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KbJson.parse("{\"id\":\"Q1\",\"type\":\"ANIMAL\",\"name\":\"x\",\"names\":{}}"));
        assertEquals("entity Q1: type must be one of PERSON, LOCATION, ORGANIZATION, was 'ANIMAL'", ex.getMessage());
    }
}
