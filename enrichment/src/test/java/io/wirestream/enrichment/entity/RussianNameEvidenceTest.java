package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Russian names found from dictionary evidence and word formation, without a cue word. */
class RussianNameEvidenceTest {

    private static EntityLinker linker;

    @BeforeAll
    static void load() {
        linker = new EntityLinker(KnowledgeBase.bundled());
    }

    /** Each mention as written, with its entity's type. */
    private static Map<String, EntityType> mentions(String text) {
        Map<String, EntityType> out = new TreeMap<>();
        for (LinkedEntity e : linker.link(text, "ru")) {
            e.mentions().forEach(m -> out.put(m.text(), e.type()));
        }
        return out;
    }

    private static Mention mention(String text, String surface) {
        return linker.link(text, "ru").stream().flatMap(e -> e.mentions().stream())
                .filter(m -> m.text().equals(surface)).findFirst().orElse(null);
    }

    @Test
    void shouldTakeAGivenNameAloneForAPerson() {
        // the dictionary reads «Ефим» and «Прасковья» only as given names
        Map<String, EntityType> found = mentions("На собрании выступил Ефим, а Прасковья весь вечер молчала.");
        assertEquals(EntityType.PERSON, found.get("Ефим"), found.toString());
        assertEquals(EntityType.PERSON, found.get("Прасковья"), found.toString());
    }

    @Test
    void shouldNotTakeAGivenNameThatIsAlsoACommonWordAloneForAPerson() {
        // «Вера» is also the noun "faith"
        assertEquals(Map.of(), mentions("Вера в хороший урожай не покидала фермеров."));
    }

    @Test
    void shouldReadAForeignGivenNameBeforeASurname() {
        // «Кэти» is an indeclinable animate noun to the dictionary, without its given-name tag
        Map<String, EntityType> found = mentions("Об этом вчера рассказала Кэти Крылова.");
        assertEquals(EntityType.PERSON, found.get("Кэти Крылова"), found.toString());
        assertNull(found.get("Крылова"), found.toString());
    }

    @Test
    void shouldReadAGivenNameBeforeAKnownPersonsSurnameAsAnotherPerson() {
        // the knowledge base knows Путин; «Мария Путина» is someone else of that surname, in the genitive
        String text = "На сцену вышла Мария Путина, а президент Путин остался в зале.";
        List<LinkedEntity> found = linker.link(text, "ru");
        LinkedEntity maria = found.stream().filter(e -> e.mentions().get(0).text().equals("Мария Путина")).findFirst().orElseThrow();
        assertEquals(EntityType.PERSON, maria.type());
        assertEquals(text.indexOf("Мария"), maria.mentions().get(0).start());
        assertEquals(1, maria.mentions().size());
    }

    @Test
    void shouldNotJoinADeclinedCommonNounToTheSurnameAfterIt() {
        Map<String, EntityType> found = mentions("Учитель читал вслух Басни Крылова детям.");
        assertNull(found.get("Басни Крылова"), found.toString());
    }

    @Test
    void shouldTypeACompoundAbbreviationOfAStateBodyAsAnOrganisation() {
        // Минтранс, Госкомстат: the dictionary lists them as common nouns; the capital inside a sentence names them
        Map<String, EntityType> found = mentions("Представители Минтранса и Госкомстата на запрос не ответили.");
        assertEquals(EntityType.ORGANIZATION, found.get("Минтранса"), found.toString());
        assertEquals(EntityType.ORGANIZATION, found.get("Госкомстата"), found.toString());
    }

    @Test
    void shouldReadAdjectivesBeforeAnOrganisationNounAsOneName() {
        Map<String, EntityType> found = mentions("Решение Региональной тарифной службы обсудили члены Торговой палаты.");
        assertEquals(EntityType.ORGANIZATION, found.get("Региональной тарифной службы"), found.toString());
        assertEquals(EntityType.ORGANIZATION, found.get("Торговой палаты"), found.toString());
    }

    @Test
    void shouldKeepPrepositionalPhrasesInsideAnOrganisationName() {
        Map<String, EntityType> found = mentions(
                "Деньги выделил Фонд помощи с жильём, а отчёт готовит Комиссия по делам молодёжи.");
        assertEquals(EntityType.ORGANIZATION, found.get("Фонд помощи с жильём"), found.toString());
        assertEquals(EntityType.ORGANIZATION, found.get("Комиссия по делам молодёжи"), found.toString());
    }

    @Test
    void shouldKeepThePrepositionOutAfterTheGenitive() {
        // «по» after «обороны» starts the sentence's own phrase, not the ministry's name
        Map<String, EntityType> found = mentions("Доклад Министерства обороны по итогам года вышел вчера.");
        assertEquals(EntityType.ORGANIZATION, found.get("Министерства обороны"), found.toString());
    }

    @Test
    void shouldReadAnOrganisationNameWrittenAllInCapitalsWithItsGenitiveWords() {
        // «Песни», «Охраны», «Природы» are common nouns to the dictionary; their capitals make them part of the name
        String text = "Весной гастроли Государственного Театра Песни пройдут в трёх городах.";
        Mention theatre = mention(text, "Государственного Театра Песни");
        assertEquals(text.indexOf("Государственного"), theatre.start());
        assertEquals(text.indexOf(" пройдут"), theatre.end());
        assertEquals(EntityType.ORGANIZATION, mentions(text).get("Государственного Театра Песни"));
        Map<String, EntityType> atStart = mentions("Общество Охраны Природы провело субботник в парке.");
        assertEquals(EntityType.ORGANIZATION, atStart.get("Общество Охраны Природы"), atStart.toString());
    }

    @Test
    void shouldNotTakeAnAnimateGenitiveIntoAnOrganisationName() {
        // «Учителей» names people: a council of teachers is no proper name
        Map<String, EntityType> found = mentions("Решение принял Совет Учителей школы.");
        assertNull(found.get("Совет Учителей"), found.toString());
    }

    @Test
    void shouldTakeAGivenNameAloneInQuotesForAnOrganisation() {
        // «Руслан» is only a given name to the dictionary; quoted alone it names a club, not a person
        String text = "Болельщики «Руслана» ждали победы своей команды.";
        Mention club = mention(text, "Руслана");
        assertEquals(text.indexOf("Руслана"), club.start());
        assertEquals(EntityType.ORGANIZATION, mentions(text).get("Руслана"));
    }

    @Test
    void shouldTypeAnAbbreviationWithACaseEndingAsAnOrganisation() {
        String text = "Сделку одобрили акционеры ГРЭКа, а ответ ЮКРОСом пока не получен.";
        Mention grek = mention(text, "ГРЭКа");
        assertEquals(text.indexOf("ГРЭКа"), grek.start());
        Map<String, EntityType> found = mentions(text);
        assertEquals(EntityType.ORGANIZATION, found.get("ГРЭКа"), found.toString());
        assertEquals(EntityType.ORGANIZATION, found.get("ЮКРОСом"), found.toString());
    }

    @Test
    void shouldKeepInitialsBeforeASurnameInTheMention() {
        String text = "Отчёт подписал П.Н. Крылов, а проверила его А. Огурцова.";
        Mention krylov = mention(text, "П.Н. Крылов");
        assertEquals(text.indexOf("П.Н."), krylov.start());
        assertEquals(text.indexOf(","), krylov.end());
        Mention ogurtsova = mention(text, "А. Огурцова");
        assertEquals(text.indexOf("А. "), ogurtsova.start());
        assertEquals(EntityType.PERSON, mentions(text).get("П.Н. Крылов"));
    }

    @Test
    void shouldTakeOneQuotedWordAfterALowerCaseWordForAnOrganisation() {
        Map<String, EntityType> found = mentions("Вчера сотрудники «Кедра» получили премии, а зрители посмотрели «Тихий вечер».");
        assertEquals(EntityType.ORGANIZATION, found.get("Кедра"), found.toString());
        assertNull(found.get("Тихий вечер"), found.toString());
    }

    @Test
    void shouldNotFailOnANameOfOneHardSign() {
        List<LinkedEntity> found = linker.link("Об этом написала газета «Ъ».", "ru");
        assertEquals("Ъ", found.get(0).mentions().get(0).text());
        assertEquals(EntityType.ORGANIZATION, found.get(0).type());
    }
}
