package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** English names typed by the gazetteer alone: no knowledge-base entry, no cue word, no name-list rule. */
class GazetteerEvidenceTest {

    private static EntityLinker linker;

    @BeforeAll
    static void load() {
        linker = new EntityLinker(KnowledgeBase.bundled());
    }

    private static LinkedEntity only(List<LinkedEntity> found, String mention) {
        List<LinkedEntity> with = found.stream().filter(e -> e.mentions().stream().anyMatch(m -> m.text().equals(mention))).toList();
        assertEquals(1, with.size(), () -> mention + " in " + found);
        return with.get(0);
    }

    @Test
    void shouldTypeAnOrganisationAndAPlaceWithoutCuesFromTheGazetteer() {
        String text = "Bing changed its ranking on Monday. Analysts said Trento had approved the plan a week earlier.";
        List<LinkedEntity> found = linker.link(text, "en");
        LinkedEntity bing = only(found, "Bing");
        LinkedEntity trento = only(found, "Trento");
        assertEquals(EntityType.ORGANIZATION, bing.type());
        assertEquals(EntityType.LOCATION, trento.type());
        // names the knowledge base lacks keep the id every language gives an unknown name
        assertFalse(trento.inKnowledgeBase());
        assertEquals(NameIds.idFor("Trento"), trento.id());
        Mention m = trento.mentions().get(0);
        assertEquals("Trento", text.substring(m.start(), m.end()));
    }

    @Test
    void shouldTakeAPersonTheGazetteerListsAloneBeforeAnOrganisation() {
        // the source lists the surname both as a person and as an organisation (firms named after people)
        assertEquals(EntityType.PERSON, only(linker.link("Hariri was not at the meeting on Sunday.", "en"), "Hariri").type());
    }

    @Test
    void shouldNotTagACommonWordTheGazetteerSourceListsAsAName() {
        // the source lists "Help" as an organisation and "Rain" as a person; both are ordinary words, left out
        List<LinkedEntity> found = linker.link("Volunteers say Help is coming, but Rain keeps the roads shut.", "en");
        assertTrue(found.isEmpty(), () -> found.toString());
    }

    @Test
    void shouldLetACueWordDecideOverTheGazetteer() {
        // the gazetteer lists Trento as a place; the organisation word before it is the stronger evidence
        assertEquals(EntityType.ORGANIZATION,
                only(linker.link("The company Trento Basin Partners hired staff.", "en"), "Trento Basin Partners").type());
    }
}
