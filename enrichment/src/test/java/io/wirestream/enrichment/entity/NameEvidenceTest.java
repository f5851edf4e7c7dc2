package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names found without a cue word, from dictionary and script evidence. */
class NameEvidenceTest {

    private static EntityLinker linker;

    @BeforeAll
    static void load() {
        linker = new EntityLinker(KnowledgeBase.bundled());
    }

    /** Each mention as written, with its entity's type. */
    private static Map<String, EntityType> mentions(String text, String language) {
        Map<String, EntityType> out = new TreeMap<>();
        for (LinkedEntity e : linker.link(text, language)) {
            e.mentions().forEach(m -> out.put(m.text(), e.type()));
        }
        return out;
    }

    @Test
    void shouldReadARussianNounTheSpellingDictionaryCapitalisesAsAPlace() {
        // the morphological dictionary is all lower case and lists «Волга» and «Европа» as common nouns
        Map<String, EntityType> found = mentions("Летом туристы плыли по Волге, а осенью вернулись из Европы домой.", "ru");
        assertEquals(EntityType.LOCATION, found.get("Волге"));
        assertEquals(EntityType.LOCATION, found.get("Европы"));
    }

    @Test
    void shouldNotTakeACapitalisedCommonRussianNounForAName() {
        // «Погода» at the start of a sentence and «Ветер» are common nouns, capitalised or not
        assertEquals(Map.of(), mentions("Погода испортилась к вечеру. Ветер усилился.", "ru"));
    }

    @Test
    void shouldTypeLatinNamesInARussianTextAsOrganisations() {
        Map<String, EntityType> found = mentions(
                "Акции Broadcom подорожали, а аналитики Quantum Ledger Partners ждут новых сделок.", "ru");
        assertEquals(EntityType.ORGANIZATION, found.get("Broadcom"));
        assertEquals(EntityType.ORGANIZATION, found.get("Quantum Ledger Partners"));
    }

    @Test
    void shouldEndANameWhereTheScriptChanges() {
        // a Latin company name next to a Cyrillic person's name: two names, not one
        Map<String, EntityType> found = mentions(
                "Глава Brightwell Labs Степан Огурцов рассказал о планах, а цитату привёл Игорь Сомов Reuters.", "ru");
        assertEquals(EntityType.ORGANIZATION, found.get("Brightwell Labs"));
        assertEquals(EntityType.PERSON, found.get("Степан Огурцов"));
        assertEquals(EntityType.PERSON, found.get("Игорь Сомов"));
        assertEquals(null, found.get("Brightwell Labs Степан Огурцов"));
    }

    @Test
    void shouldKeepTheFunctionWordsOfALatinNameInARussianText() {
        // a foreign name quoted as written: its article, "of", "della" and an ampersand belong to it
        Map<String, EntityType> found = mentions("По данным Bank of Northwind и газеты Il Messaggero Lucano, а также "
                + "агентства Fitch & Loom, сделку закроют весной.", "ru");
        assertEquals(EntityType.ORGANIZATION, found.get("Bank of Northwind"));
        assertEquals(EntityType.ORGANIZATION, found.get("Il Messaggero Lucano"));
        assertEquals(EntityType.ORGANIZATION, found.get("Fitch & Loom"));
        assertEquals(null, found.get("Northwind"));
    }

    @Test
    void shouldNotTypeAMixedScriptWordInARussianTextAsAnOrganisation() {
        assertEquals(null, mentions("Рынок IT-услуг растёт быстрее, чем ожидали эксперты.", "ru").get("IT-услуг"));
    }

    @Test
    void shouldTakeAnEnglishGivenNameAndSurnameForAPersonWithoutACue() {
        Map<String, EntityType> found = mentions("The final went to Serena Williams after a long third set.", "en");
        assertEquals(EntityType.PERSON, found.get("Serena Williams"));
    }

    @Test
    void shouldTypeAUsStateNameAsALocation() {
        Map<String, EntityType> found = mentions("Storms left Oklahoma and North Dakota without power for days.", "en");
        assertEquals(EntityType.LOCATION, found.get("Oklahoma"));
        assertEquals(EntityType.LOCATION, found.get("North Dakota"));
    }

    @Test
    void shouldKeepACapitalisedRunWithoutAGivenNameUntyped() {
        List<LinkedEntity> found = linker.link("Reviewers found that Harbour Lights was too slow.", "en");
        assertEquals(List.of(), found);
    }

    @Test
    void shouldNotTagNationalityWords() {
        Map<String, EntityType> found = mentions("Two Iraqis and an American delegate landed in Jakarta.", "en");
        assertEquals(Map.of("Jakarta", EntityType.LOCATION), found);
    }

    @Test
    void shouldTypeANameEndingInAPlaceNounAsALocationEvenAfterAGivenName() {
        // "Art" is also a given name: the place noun at the end decides
        Map<String, EntityType> found = mentions("The show opened at the Millbrook Art Gallery on Sunday.", "en");
        assertEquals(EntityType.LOCATION, found.get("Millbrook Art Gallery"));
    }

    @Test
    void shouldReadACapitalisedRussianOrganisationNounWithItsGenitivesAsOneOrganisation() {
        Map<String, EntityType> found = mentions(
                "Представители Министерства иностранных дел отказались от комментариев.", "ru");
        assertEquals(Map.of("Министерства иностранных дел", EntityType.ORGANIZATION), found);
    }

    @Test
    void shouldNotReadAnOrganisationNounOpeningASentenceAsAName() {
        assertEquals(Map.of(), mentions("Комиссия экспертов собралась в понедельник.", "ru"));
    }

    @Test
    void shouldTypeANewspaperNamedWithoutAnOrganisationWordAsAnOrganisation() {
        Map<String, EntityType> found = mentions("The story first ran in the Harbour Valley Times on Friday.", "en");
        assertEquals(EntityType.ORGANIZATION, found.get("Harbour Valley Times"));
    }

    /** Each mention as written, with its entity's id. */
    private static Map<String, String> ids(String text, String language) {
        Map<String, String> out = new TreeMap<>();
        for (LinkedEntity e : linker.link(text, language)) {
            e.mentions().forEach(m -> out.put(m.text(), e.id()));
        }
        return out;
    }

    @Test
    void shouldStillLinkACapitalisedPlaceTheKnowledgeBaseKnowsInAnyCase() {
        // a place read from the spelling dictionary must keep its knowledge-base id, not a transliterated one
        Map<String, String> found = ids("Часть денег на склад в Астане дал банк, а грузы пойдут в Европу и из Астаны в Китай.", "ru");
        assertEquals("Q1520", found.get("Астане"), found.toString());
        assertEquals("Q1520", found.get("Астаны"), found.toString());
    }

    @Test
    void shouldTypeANameBeforeWhoAsAPerson() {
        Map<String, EntityType> found = mentions("The board heard from Halvorsen, who chairs the harbour trust.", "en");
        assertEquals(EntityType.PERSON, found.get("Halvorsen"));
    }

    @Test
    void shouldTypeANameAfterAnInvertedSpeechVerbAsAPerson() {
        Map<String, EntityType> found = mentions("\"We will not wait for the ferry,\" said Okonkwo. The vote is on Monday.", "en");
        assertEquals(EntityType.PERSON, found.get("Okonkwo"));
    }

    @Test
    void shouldNotTypeTheListenerAfterASpeechVerbAsAPerson() {
        // "told Quillmere" without a quote or comma before the verb: no inversion, nothing says person (a made-up name, in no list)
        assertEquals(null, mentions("Officials told Quillmere on Friday that the bridge would close.", "en").get("Quillmere"));
    }

    @Test
    void shouldReadATitleWithItsDotBeforeASurname() {
        Map<String, EntityType> found = mentions("The plan was welcomed by Ms. Lindqvist and her staff.", "en");
        assertEquals(EntityType.PERSON, found.get("Lindqvist"));
    }

    @Test
    void shouldGiveANameTheTypeOfTheNameItIsCoordinatedWith() {
        Map<String, EntityType> found = mentions("On Friday Mr Dubrow and Kessington signed the lease.", "en");
        assertEquals(EntityType.PERSON, found.get("Dubrow"));
        assertEquals(EntityType.PERSON, found.get("Kessington"));
    }

    @Test
    void shouldTakeACommonSurnameAfterAnUnlistedGivenNameForAPerson() {
        // "Yevhen" is in none of the given-name lists; "Walsh" is a common surname
        Map<String, EntityType> found = mentions("The award went to Yevhen Walsh for his harbour photographs.", "en");
        assertEquals(EntityType.PERSON, found.get("Yevhen Walsh"));
    }

    @Test
    void shouldKeepAForeignArticleInsideAName() {
        Map<String, EntityType> found = mentions("The interview appeared first in Le Matin Vaudois Times on Monday.", "en");
        assertEquals(EntityType.ORGANIZATION, found.get("Le Matin Vaudois Times"));
    }

    @Test
    void shouldKeepAMiddleInitialInsideAName() {
        Map<String, EntityType> found = mentions("The grant was signed by Tobias M. Ferrand and Ilse V. X. Marchetti last week.", "en");
        assertEquals(EntityType.PERSON, found.get("Tobias M. Ferrand"), found.toString());
        assertEquals(EntityType.PERSON, found.get("Ilse V. X. Marchetti"), found.toString());
    }

    @Test
    void shouldKeepOfAfterAnInstitutionWordAndAndBeforeOne() {
        Map<String, EntityType> found = mentions("Students of the University of Northfield visited the Marsh Aviation and Rail Museum "
                + "and the Museum of the Quiet Harbour.", "en");
        assertEquals(EntityType.ORGANIZATION, found.get("University of Northfield"), found.toString());
        assertEquals(EntityType.LOCATION, found.get("Marsh Aviation and Rail Museum"), found.toString());
        assertEquals(EntityType.LOCATION, found.get("Museum of the Quiet Harbour"), found.toString());
    }

    @Test
    void shouldKeepAnAmpersandBeforeAnInstitutionWordInsideAName() {
        Map<String, EntityType> found = mentions("The show moved to the Brandt & Okoye Gallery in the spring.", "en");
        assertEquals(EntityType.LOCATION, found.get("Brandt & Okoye Gallery"), found.toString());
    }

    @Test
    void shouldReadAKnownPlaceOpeningAnInstitutionsNameAsOneName() {
        // Toronto is in the knowledge base; the newspaper and the museum are not
        Map<String, EntityType> found = mentions("The Toronto Evening Herald reported that the Toronto Harbour Museum will close.", "en");
        assertEquals(EntityType.ORGANIZATION, found.get("Toronto Evening Herald"), found.toString());
        assertEquals(EntityType.LOCATION, found.get("Toronto Harbour Museum"), found.toString());
        assertEquals(null, found.get("Toronto"), found.toString());
    }

    @Test
    void shouldReadAnInstitutionAfterUsAcrossItsDot() {
        Map<String, EntityType> found = mentions("Rules drafted by the U.S. Coastal Fisheries Agency take effect in May.", "en");
        assertEquals(EntityType.ORGANIZATION, found.get("U.S. Coastal Fisheries Agency"), found.toString());
    }

    @Test
    void shouldTakeAGivenNameAloneInsideASentenceForAPerson() {
        Map<String, EntityType> found = mentions("After the match the coach thanked Marisol for her patience.", "en");
        assertEquals(EntityType.PERSON, found.get("Marisol"), found.toString());
    }

    @Test
    void shouldNotTakeAGivenNameAfterAnArticleForAPerson() {
        // "Christian" is in the given-name lists, but here it qualifies a noun
        assertEquals(null, mentions("The village has a Christian school and two shops.", "en").get("Christian"));
    }

    @Test
    void shouldTypeACollegeOrMagazineNameAsAnOrganisation() {
        Map<String, EntityType> found = mentions("She studied at Brackenridge College and now writes for Lantern Magazine.", "en");
        assertEquals(EntityType.ORGANIZATION, found.get("Brackenridge College"), found.toString());
        assertEquals(EntityType.ORGANIZATION, found.get("Lantern Magazine"), found.toString());
    }

    @Test
    void shouldGiveARussianNameTheTypeOfTheNameItIsCoordinatedWith() {
        Map<String, EntityType> found = mentions("Договор подписали губернатор Степан Огурцов и Жмыркевич.", "ru");
        assertEquals(EntityType.PERSON, found.get("Жмыркевич"), found.toString());
    }

    @Test
    void shouldTakeTheSurnameOfAPersonNamedInFullEarlierAlone() {
        // «Быстрый» alone is an adjective to the dictionary; after «Игорь» it was read as his surname
        List<LinkedEntity> found = linker.link("Вчера Степан Огурцов и Игорь Быстрый встретились в порту. "
                + "Огурцов говорил о ценах, а Быстрый молчал.", "ru");
        LinkedEntity bystry = found.stream().filter(e -> e.mentions().get(0).text().equals("Игорь Быстрый")).findFirst().orElseThrow();
        assertEquals(EntityType.PERSON, bystry.type());
        assertEquals(List.of("Игорь Быстрый", "Быстрый"), bystry.mentions().stream().map(Mention::text).toList());
    }
}
