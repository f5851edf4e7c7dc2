package io.wirestream.enrichment.kb;

import io.wirestream.enrichment.entity.EntityType;
import io.wirestream.enrichment.language.NewsLanguages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BundledKnowledgeBaseTest {

    @Test
    void shouldNameCountriesInEveryNewsLanguageFromIcu() {
        KbEntity germany = BundledKnowledgeBase.country("DE", "Q183");
        assertEquals("Germany", germany.canonicalName());
        assertEquals(List.of("Германия"), germany.names().get("ru"));
        assertEquals(List.of("Allemagne"), germany.names().get("fr"));
        assertEquals(List.of("德国"), germany.names().get("zh"));
        assertEquals(NewsLanguages.CODES.size(), germany.names().size());
    }

    @Test
    void shouldMergeLongFormsIntoTheCountry() {
        KbEntity russia = KnowledgeBase.bundled().get("Q159").orElseThrow();
        assertEquals(EntityType.LOCATION, russia.type());
        assertEquals(List.of("Россия", "Российская Федерация", "РФ"), russia.names().get("ru"));
    }

    @Test
    void shouldBeVersionTwoWithExonymsUnderOneId() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        assertEquals("v2", kb.version());
        KbEntity frankfurt = kb.get("Q1794").orElseThrow();
        assertEquals(List.of("Francfort", "Francfort-sur-le-Main"), frankfurt.names().get("fr"));
        assertEquals(List.of("Франкфурт", "Франкфурт-на-Майне"), frankfurt.names().get("ru"));
        assertEquals(EntityType.ORGANIZATION, kb.get("ws:azal").orElseThrow().type());
    }
}
