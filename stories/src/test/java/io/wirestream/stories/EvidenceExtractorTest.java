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
}
