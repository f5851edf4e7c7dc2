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

    @Test
    void shouldJoinALoneSurnameToTheKnowledgeBasePersonNamedInFull() {
        KnowledgeBase kb = KnowledgeBase.empty();
        kb.put(new KbEntity("Q987654321", EntityType.PERSON, "Maren Holmqvist", Map.of("en", List.of("Maren Holmqvist"))));
        List<LinkedEntity> entities = new EntityLinker(kb)
            .link("Maren Holmqvist opened the library on Monday. Holmqvist said it would stay open late.", "en");
        assertEquals(List.of("Maren Holmqvist", "Holmqvist"), texts(entity(entities, "Q987654321")));
        assertEquals(List.of("Q987654321"), ids(entities));
    }

    private static List<String> ids(List<LinkedEntity> entities) {
        return entities.stream().map(LinkedEntity::id).sorted().toList();
    }

    private static List<String> texts(LinkedEntity e) {
        return e.mentions().stream().map(Mention::text).toList();
    }

    @Test
    void shouldNotTakeCapitalisedGermanCommonNounsForNames() {
        String text = "Die Notenbank beließ den Leitzins zum dritten Mal in Folge unverändert. Nach Einschätzung "
                + "von Christine Lagarde sinkt die Inflation. Die Fachleute der Notenbank rechnen mit Energie aus "
                + "Ländern der Währungsunion, sagte die Ökonomin ohne Eile.";
        List<LinkedEntity> entities = linker.link(text, "de");
        assertEquals(List.of("ws:christine-lagarde"), ids(entities));
    }

    @Test
    void shouldJudgeNounCapitalisationFromTheTextWhenTheLanguageIsNotGiven() {
        String text = "Die Notenbank in Frankfurt beließ den Leitzins in Folge unverändert, und nach Einschätzung "
                + "der Fachleute wird sich das nicht ändern.";
        assertEquals(List.of("Q1794"), ids(linker.link(text)));
    }

    @Test
    void shouldKeepGermanNamesWithEvidence() {
        String text = "Bahnchef Richard Lutz traf in Darmstadt Vertreter der Europäischen Weltraumorganisation und der "
                + "Stadtwerke Kourou. Lutz sagte, die Europäische Zentralbank sei nicht beteiligt.";
        List<LinkedEntity> entities = linker.link(text, "de");
        assertEquals(List.of("Richard Lutz", "Lutz"), texts(entity(entities, "ws:richard-lutz")));
        assertEquals(EntityType.LOCATION, entity(entities, "ws:darmstadt").type());
        assertEquals(List.of("Europäische Zentralbank"), texts(entity(entities, "Q8901")));
    }

    @Test
    void shouldLinkAnAllCapitalsDatelineToThePlace() {
        List<LinkedEntity> known = linker.link("FRANKFURT AM MAIN, 30. Oktober. Der Rat tagte in Frankfurt.", "de");
        assertEquals(List.of("FRANKFURT AM MAIN", "Frankfurt"), texts(entity(known, "Q1794")));
        assertEquals(1, known.size());

        List<LinkedEntity> unknown = linker.link("KOUROU, French Guiana, May 12 - The rocket left Kourou at dawn.", "en");
        LinkedEntity kourou = entity(unknown, "ws:kourou");
        assertEquals(EntityType.LOCATION, kourou.type());
        assertEquals(List.of("KOUROU", "Kourou"), texts(kourou));
    }

    @Test
    void shouldTypeRussianPlaceNamesInObliqueCases() {
        String text = "Жители Тушина жалуются на пробки. В Тушине откроют станцию, она соединит Тушино с центром. "
                + "Дорога до Ленинградской области пройдет по Пятницкому шоссе. Груз отправят в Алматы.";
        List<LinkedEntity> entities = linker.link(text, "ru");
        LinkedEntity tushino = entity(entities, "ws:tushino");
        assertEquals(EntityType.LOCATION, tushino.type());
        assertEquals("Tushino", tushino.canonicalName());
        assertEquals(List.of("Тушина", "Тушине", "Тушино"), texts(tushino));
        LinkedEntity oblast = entity(entities, "ws:leningradskaya-oblast");
        assertEquals(EntityType.LOCATION, oblast.type());
        assertEquals("Leningradskaya oblast", oblast.canonicalName());
        assertEquals(EntityType.LOCATION, entity(entities, "ws:pyatnitskoe-shose").type());
        assertEquals(EntityType.LOCATION, entity(entities, "ws:almaty").type());
        assertEquals(4, entities.size());
    }

    @Test
    void shouldNotTakeASurnameReadingOfAnAdjectiveForAPerson() {
        List<LinkedEntity> entities = linker.link("Пассажиры Московского метрополитена и жители Ильинского района довольны.", "ru");
        assertEquals(List.of(EntityType.ORGANIZATION, EntityType.LOCATION), entities.stream().map(LinkedEntity::type).toList());
    }

    @Test
    void shouldPutASurnameAfterAFeminineGivenNameInTheFeminine() {
        List<LinkedEntity> ru = linker.link("По словам пресс-секретаря Анны Крыловой, поезда пойдут чаще.", "ru");
        List<LinkedEntity> en = linker.link("Spokeswoman Anna Krylova said trains would run more often.", "en");
        LinkedEntity inRussian = entity(ru, "ws:ana-krylova");
        assertEquals("Anna Krylova", inRussian.canonicalName());
        assertEquals(EntityType.PERSON, inRussian.type());
        assertEquals(EntityType.PERSON, entity(en, "ws:ana-krylova").type());
    }

    @Test
    void shouldKeepATitlesPortfolioOutOfThePersonsName() {
        List<LinkedEntity> italian = linker.link("Hanno partecipato il ministro della Cultura Alessandro Giuli e altri.", "it");
        assertEquals(List.of("Alessandro Giuli"), texts(entity(italian, "ws:alesandro-giuli")));
        assertEquals(1, italian.size());
        List<LinkedEntity> english = linker.link("The deal was welcomed by Minister of Transport Nurlan Sauranbayev on Monday.", "en");
        assertEquals(List.of("ws:nurlan-sauranbaev"), ids(english));
        List<LinkedEntity> before = linker.link("Finance Minister Rachel Reeves spoke first.", "en");
        assertEquals(List.of("ws:rachel-reves"), ids(before));
    }

    @Test
    void shouldLinkAnOrganisationWhoseWordsLookLikeAName() {
        List<LinkedEntity> entities = linker.link("Senior managers of Kazakhstan Temir Zholy met in Astana.", "en");
        assertEquals(List.of("Kazakhstan Temir Zholy"), texts(entity(entities, "ws:kazahstan-temir-zholy")));
        assertEquals(List.of("Q1520", "ws:kazahstan-temir-zholy"), ids(entities));
    }

    @Test
    void shouldGiveTheSamePlaceTheSameIdUnderItsExonyms() {
        assertEquals(List.of("Q1794"), ids(linker.link("La réunion a eu lieu à Francfort.", "fr")));
        assertEquals(List.of("Q1794"), ids(linker.link("Die Sitzung fand in Frankfurt statt.", "de")));
        assertEquals(List.of("Q1794"), ids(linker.link("Заседание прошло во Франкфурте.", "ru")));
        assertEquals(List.of("Q1794"), ids(linker.link("The meeting was held in Frankfurt.", "en")));
    }

    @Test
    void shouldGiveTheSameIdsInRussianAndEnglish() {
        List<LinkedEntity> ru = linker.link("Путин встретился с Алиевым в Душанбе. Самолет AZAL летел из Баку. "
                + "Об этом сообщили ТАСС и агентство «Тренд». Пассажиры «Азербайджанских авиалиний» из Азербайджана.", "ru");
        List<LinkedEntity> en = linker.link("Putin met Aliyev in Dushanbe. The Azerbaijan Airlines plane had left Baku, "
                + "TASS and Trend reported, citing officials in Azerbaijan.", "en");
        List<String> expected = List.of("Q227", "Q7747", "Q9248", "Q9365", "ws:azal", "ws:ilham-aliyev", "ws:tass", "ws:trend");
        assertEquals(expected, ids(ru));
        assertEquals(expected, ids(en));
        assertEquals(List.of("AZAL", "Азербайджанских авиалиний"), texts(entity(ru, "ws:azal")));
    }

    @Test
    void shouldDropCommonAbbreviationsMonthsAndSentenceInitialWords() {
        assertEquals(List.of(), linker.link("Сотрудники ЗАО сообщили о ЧП на заводе.", "ru"));
        assertEquals(List.of(), linker.link("The satellite will be launched in July.", "en"));
        assertEquals(List.of(), linker.link("Officials said the plan works. Several officials agreed.", "en"));
    }

    @Test
    void shouldKeepTheFinalDotOfADottedAbbreviation() {
        String text = "Talks with U.S. officials resumed. The envoy flew back to the U.S.";
        List<Mention> mentions = linker.link(text, "en").stream().flatMap(e -> e.mentions().stream()).toList();
        assertEquals(List.of(new Mention("U.S.", 11, 15), new Mention("U.S.", 62, 66)), mentions);
    }

    @Test
    void shouldEndANameAtAPossessive() {
        List<LinkedEntity> found = linker.link("Yesterday the Harbour Party's Mirela Kostova said the vote was fair.", "en");
        assertEquals(List.of("Harbour Party", "Mirela Kostova"), found.stream()
                .flatMap(e -> e.mentions().stream()).sorted(java.util.Comparator.comparingInt(Mention::start))
                .map(Mention::text).toList());
    }

    @Test
    void shouldReadNoNamesFromAllCapitalsLinesOrTimeZones() {
        String text = "CYCLING - RESULTS AFTER STAGE FOUR\nThe stage finished at 16:40 GMT, an hour late.";
        assertEquals(List.of(), linker.link(text, "en"));
    }

    @Test
    void shouldTakeANewsSiteCitedByItsAddressForAnOrganisation() {
        List<LinkedEntity> ru = linker.link("Об этом пишет Вестник.ру со ссылкой на источники.", "ru");
        assertEquals(List.of("Вестник.ру"), texts(ru.get(0)));
        assertEquals(EntityType.ORGANIZATION, ru.get(0).type());
        List<LinkedEntity> en = linker.link("The story was first reported by Dailyplanet.com on Monday.", "en");
        assertEquals(List.of("Dailyplanet.com"), texts(en.get(0)));
        assertEquals(EntityType.ORGANIZATION, en.get(0).type());
    }

    @Test
    void shouldTakeACapitalisedWordAfterAGivenNameForASurname() {
        // «Белого» is known to the dictionary only as an adjective; after a given name it is a surname
        List<LinkedEntity> found = linker.link("Вчера журналисты встретились с Алексеем Белым в редакции.", "ru");
        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of("Алексеем Белым"), texts(found.get(0)));
        assertEquals(EntityType.PERSON, found.get(0).type());
    }

    @Test
    void shouldTakeRussianAcronymsForOrganisationsButNotLegalForms() {
        List<LinkedEntity> found = linker.link("Вчера в МВД сообщили, что ОАО продало акции.", "ru");
        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of("МВД"), texts(found.get(0)));
        assertEquals(EntityType.ORGANIZATION, found.get(0).type());
    }

    @Test
    void shouldTakeARomanisedEastAsianNameForAPerson() {
        List<LinkedEntity> found = linker.link("The council elected Lam Ka-wing and Chow Mei-lan to the board.", "en");
        assertEquals(List.of("Lam Ka-wing", "Chow Mei-lan"), found.stream()
                .filter(e -> e.type() == EntityType.PERSON).map(e -> e.mentions().get(0).text()).toList());
    }

    @Test
    void shouldTakeAQuotedNameAfterAnOrganisationWordForAnOrganisation() {
        List<LinkedEntity> found = linker.link("Об этом вчера написала газета «Заря», а телеканал «Восход» промолчал.", "ru");
        assertEquals(List.of("Заря", "Восход"), found.stream().map(e -> e.mentions().get(0).text()).toList());
        assertEquals(List.of(EntityType.ORGANIZATION, EntityType.ORGANIZATION), found.stream().map(LinkedEntity::type).toList());
    }

    @Test
    void shouldNameAnAgencyByItsQuotedWordsNotAcrossTheQuote() {
        List<LinkedEntity> found = linker.link("Как передает РИА «Новости», переговоры продолжатся в среду.", "ru");
        assertEquals(List.of("Новости"), found.stream().flatMap(e -> e.mentions().stream()).map(Mention::text).toList());
        assertEquals(EntityType.ORGANIZATION, found.get(0).type());
    }

    @Test
    void shouldNotTakeALanguageNameForAPlace() {
        assertEquals(List.of(), linker.link("The minister answered in English and then briefly in Portuguese.", "en"));
    }
}
