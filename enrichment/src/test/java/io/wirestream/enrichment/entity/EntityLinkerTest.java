package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KbEntity;
import io.wirestream.enrichment.kb.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntityLinkerTest {

    private static EntityLinker linker;

    @BeforeAll
    static void load() {
        linker = new EntityLinker(KnowledgeBase.bundled());
    }

    private static LinkedEntity entity(List<LinkedEntity> entities, String id) {
        return entities.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + id + " in " + entities));
    }

    @Test
    void shouldGroupInflectedRussianFormsIntoOneEntity() {
        String text = "Путин прилетел в Баку. Встреча Путина с коллегой длилась час. С Путиным говорили о транзите.";
        LinkedEntity putin = entity(linker.link(text), "Q7747");
        assertEquals(List.of("Путин", "Путина", "Путиным"), putin.mentions().stream().map(Mention::text).toList());
        assertEquals(EntityType.PERSON, putin.type());
        assertEquals("Vladimir Putin", putin.canonicalName());
    }

    @Test
    void shouldLinkInstrumentalAliyevToIlhamAliyev() {
        LinkedEntity aliyev = entity(linker.link("Накануне президент встретился с Алиевым в Душанбе."), "ws:ilham-aliyev");
        assertEquals(List.of(new Mention("Алиевым", 32, 39)), aliyev.mentions());
    }

    @Test
    void shouldGiveTheSameIdToPutinInRussianAndEnglish() {
        assertEquals("Q7747", entity(linker.link("Владимир Путин заявил о переговорах."), "Q7747").id());
        assertEquals("Q7747", entity(linker.link("Vladimir Putin announced talks."), "Q7747").id());
    }

    @Test
    void shouldGiveAnUnknownPersonTheSameIdInRussianAndEnglish() {
        List<LinkedEntity> ru = linker.link("Об этом сообщил политолог Азер Гараев. По словам Гараева, диалог важен.");
        List<LinkedEntity> en = linker.link("Political analyst Azer Garayev said the dialogue was important.");
        LinkedEntity inRussian = entity(ru, "ws:azer-garaev");
        LinkedEntity inEnglish = entity(en, "ws:azer-garaev");
        assertEquals(EntityType.PERSON, inRussian.type());
        assertEquals(EntityType.PERSON, inEnglish.type());
        assertEquals(List.of("Азер Гараев", "Гараева"), inRussian.mentions().stream().map(Mention::text).toList());
        assertEquals("Azer Garayev", inRussian.canonicalName());
    }

    @Test
    void shouldTypeUnknownNamesByCues() {
        List<LinkedEntity> found = linker.link("Shares of Northwind Bank fell after chairman Tobias Lindqvist resigned in Uppsala.");
        assertEquals(EntityType.ORGANIZATION, entity(found, NameIds.idFor("Northwind Bank")).type());
        assertEquals(EntityType.PERSON, entity(found, NameIds.idFor("Tobias Lindqvist")).type());
        assertEquals(EntityType.LOCATION, entity(found, NameIds.idFor("Uppsala")).type());
    }

    @Test
    void shouldNotTakeSentenceStartsOrTitlesForNames() {
        List<LinkedEntity> found = linker.link("The talks ended. President Macron left. Who won?");
        assertEquals(List.of("Q3052772"), found.stream().map(LinkedEntity::id).toList());
    }

    @Test
    void shouldRankTheMostMentionedEntityFirst() {
        List<LinkedEntity> found = linker.link("Putin met Macron. Putin said the talks were useful. Putin then left for Moscow.");
        assertEquals("Q7747", found.get(0).id());
        assertEquals(1.0, found.stream().mapToDouble(LinkedEntity::salience).sum(), 1e-9);
    }

    @Test
    void shouldUseEntitiesAddedAtRunTime() {
        KnowledgeBase kb = KnowledgeBase.empty();
        EntityLinker fresh = new EntityLinker(kb);
        assertEquals(List.of(), fresh.link("Рустам Мамедов прибыл.").stream().filter(LinkedEntity::inKnowledgeBase).toList());
        kb.put(new KbEntity("Q123456", EntityType.PERSON, "Rustam Mammadov", Map.of("ru", List.of("Рустам Мамедов"))));
        assertEquals("Q123456", entity(fresh.link("Рустам Мамедов прибыл."), "Q123456").id());
        kb.put(new KbEntity("Q123456", EntityType.PERSON, "Rustam Mammadov", Map.of("en", List.of("Rustam Mammadov"))));
        assertEquals(Optional.empty(), fresh.link("Рустама Мамедова ждут.").stream().filter(LinkedEntity::inKnowledgeBase).findFirst());
        assertEquals(true, kb.remove("Q123456"));
        assertEquals(0, kb.size());
    }
}
