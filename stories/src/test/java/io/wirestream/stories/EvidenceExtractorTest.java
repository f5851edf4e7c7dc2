package io.wirestream.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceExtractorTest {

    @Test
    void shouldReadTheSameDateInRussianEnglishGermanAndSpanish() {
        for (String text : List.of("Встреча прошла 9 октября в столице", "The talks on October 9 ended late",
                "Am 9. Oktober trafen sie sich", "El 9 de octubre se reunieron")) {
            Set<String> dates = new LinkedHashSet<>();
            EvidenceExtractor.dates(text, dates);
            assertEquals(Set.of("10-09"), dates, text);
        }
    }

    @Test
    void shouldKeepNumbersButNotYearsSingleDigitsOrTheDayOfADate() {
        Set<String> dates = new LinkedHashSet<>();
        String rest = EvidenceExtractor.dates("On 12 March 2025 the bank cut its rate to 2,75 % and hired 1 200 staff in 3 towns", dates);
        assertEquals(Set.of("03-12"), dates);
        assertEquals(Set.of("2.75", "1200"), EvidenceExtractor.numbers(rest));
        // thousands separators of English, Spanish and Russian text give one number
        assertEquals(Set.of("1200"), EvidenceExtractor.numbers("1,200 people, 1.200 vecinos, 1200 жителей"));
    }

    @Test
    void shouldTakeTermsFromTheHeadlineWithoutNamesAndStopWords() {
        Set<String> terms = EvidenceExtractor.terms("Путин и Алиев провели телефонный разговор",
                List.of("Путин", "Алиев"));
        assertEquals(Set.of("прове", "телеф", "разго"), terms);
        assertEquals(Set.of("centr", "bank", "holds", "rates"),
                EvidenceExtractor.terms("The Central Bank holds its rates", List.of()));
    }

    @Test
    void shouldStandInTheStartOfTheBodyForAMissingTitle() {
        ArticleEvidence a = EvidenceExtractor.extract("a1", "en", 0L, null,
                "Flooding closed the harbour road on Tuesday. More rain is expected.", List.of(), List.of());
        assertEquals("Flooding closed the harbour road on Tuesday. More rain is expected.", a.title());
        assertEquals(Set.of("flood", "close", "harbo", "road", "tuesd", "rain", "expec"), a.terms());
    }

    @Test
    void shouldFindNamesThatEntityLinkingLeftOut() {
        List<EvidenceExtractor.Run> en = EvidenceExtractor.names("Jensrud wins the sprint in Lahti",
                "Torvald Jensrud won the sprint in Lahti on Sunday. Organisers in Lahti praised the course.", "en", List.of("Lahti"));
        assertEquals(List.of(new EvidenceExtractor.Run(List.of("torvald", "jensrud"), true)), en);
        List<EvidenceExtractor.Run> ru = EvidenceExtractor.names("Йенсруд выиграл спринт",
                "Торвальд Йенсруд в воскресенье выиграл спринт в Лахти.", "ru", List.of("Лахти"));
        assertEquals(List.of(new EvidenceExtractor.Run(List.of("торвальд", "йенсруд"), true)), ru);
        assertEquals("torvald-yensrud", EvidenceExtractor.romanise("торвальд йенсруд"));
        assertEquals(StoryLinker.entityKey("ws:torvald-jensrud"), StoryLinker.entityKey("ws:" + EvidenceExtractor.romanise("торвальд-йенсруд")));
    }

    @Test
    void shouldNotTakeCapitalisedWordsThatOnlyStartASentenceForNames() {
        assertEquals(List.of(), EvidenceExtractor.names("Magnitude 5.9 quake shakes the coast",
                "A magnitude 5.9 quake shook the coast on Monday. Flooding closed two roads.", "en", List.of()));
        // title case: every word capitalised, only the lead can tell the names
        assertEquals(List.of(new EvidenceExtractor.Run(List.of("jensrud"), true)), EvidenceExtractor.names("Jensrud Wins Sprint Again",
                "The sprint went to Jensrud again.", "en", List.of()));
        // German capitalises every noun
        assertEquals(List.of(), EvidenceExtractor.names("Jensrud gewinnt den Sprint", "Der Sieger Jensrud lag vorn.", "de", List.of()));
    }

    @Test
    void shouldReadTheSameWeekdayInSeveralLanguages() {
        for (String text : List.of("The talks ended on Thursday", "Переговоры завершились в четверг", "Am Donnerstag endeten die Gespräche",
                "Les discussions ont pris fin jeudi", "Las conversaciones terminaron el jueves")) {
            Set<String> days = new LinkedHashSet<>();
            EvidenceExtractor.weekdays(text, days);
            assertEquals(Set.of("wd4"), days, text);
        }
    }

    @Test
    void shouldReadTheWholeEvidenceOfReportsInEnglishRussianAndFrench() {
        ArticleEvidence en = EvidenceExtractor.extract("en1", "en", 0L, "Ferry Operator Cancels Crossings as Gale Hits Skerrow",
                "Northline Ferries cancelled 14 crossings on Friday, 7 March, as gusts of 95 km/h hit the island. About 2,600 "
                + "passengers were affected. \"Safety comes first,\" said Orla Quinn, the operator's spokeswoman.",
                List.of(), List.of("Northline Ferries"));
        assertEquals(Set.of("14", "95", "2600"), en.numbers());
        assertEquals(Set.of("03-07", "wd5"), en.dates());
        assertEquals(Set.of("ferry", "opera", "cance", "cross", "gale", "hits", "skerr"), en.terms());
        assertEquals(List.of(new ArticleEvidence.Name("orla-quinn", false)), en.names());

        ArticleEvidence ru = EvidenceExtractor.extract("ru1", "ru", 0L, "Метель закрыла трассу у Верхней Ольховки",
                "Трассу закрыли в субботу, 18 января, после снегопада. В пробке стоят 320 машин. Глава района Семён Гаврилов "
                + "обещал открыть движение к 6 часам.", List.of(), List.of("Семён Гаврилов"));
        assertEquals(Set.of("320"), ru.numbers());
        assertEquals(Set.of("01-18", "wd6"), ru.dates());
        assertEquals(Set.of("метел", "закры", "трасс", "верхн", "ольхо"), ru.terms());
        assertEquals(List.of(), ru.names());

        ArticleEvidence fr = EvidenceExtractor.extract("fr1", "fr", 0L, "Les pompiers maîtrisent l'incendie de Valmoret",
                "L'incendie, parti dimanche 2 août vers 15 heures, a parcouru 1 250 hectares. Le préfet Julien Abadie a salué "
                + "le travail des 430 pompiers.", List.of(), List.of());
        assertEquals(Set.of("15", "1250", "430"), fr.numbers());
        assertEquals(Set.of("08-02", "wd7"), fr.dates());
        assertEquals(Set.of("pompi", "maîtr", "incen"), fr.terms());
        assertEquals(List.of(new ArticleEvidence.Name("valmoret", true), new ArticleEvidence.Name("julien-abadie", false)), fr.names());
    }
}
