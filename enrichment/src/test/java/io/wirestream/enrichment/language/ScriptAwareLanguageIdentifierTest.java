package io.wirestream.enrichment.language;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptAwareLanguageIdentifierTest {

    private static ScriptAwareLanguageIdentifier identifier;

    @BeforeAll
    static void load() {
        identifier = ScriptAwareLanguageIdentifier.forNews();
    }

    @Test
    void shouldCallRussianAndEnglish() {
        assertEquals("ru", identifier.identify("Президент провел телефонный разговор с коллегой и обсудил торговлю.").code());
        assertEquals("en", identifier.identify("The president spoke by phone with his counterpart about trade.").code());
    }

    @Test
    void shouldTellUkrainianFromRussianAndKazakh() {
        assertEquals("uk", identifier.identify("Рятувальники повідомили, що пожежу в лісі вдалося локалізувати лише вранці.").code());
    }

    @Test
    void shouldDecideUniqueScriptsWithoutTheModel() {
        LanguageGuess greek = identifier.identify("Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης.");
        assertEquals("el", greek.code());
        assertEquals(1.0, greek.confidence());
    }

    @Test
    void shouldReturnUndeterminedForTooShortText() {
        assertEquals(LanguageGuess.undetermined(0.0), identifier.identify("OK 2025"));
        assertEquals(LanguageGuess.undetermined(0.0), identifier.identify(""));
    }

    @Test
    void shouldReturnUndeterminedForTextMixedAcrossScripts() {
        LanguageGuess mixed = identifier.identify("Putin Trump Macron Путин Трамп Макрон 习近平 李强 王毅 εεε");
        assertEquals("und", mixed.code());
    }

    @Test
    void shouldReachBelarusianEvenWithLatinIForCyrillicI() {
        assertEquals("be", identifier.identify("Учора ўвечары ў цэнтры горада адбыўся вялікі канцэрт, на які прыйшлі тысячы гледачоў.").code());
        // some Belarusian texts type Latin "i" for Cyrillic "і": still one writing system, still Belarusian
        assertEquals("be", identifier.identify("Урад прыняў рашэнне аб павышэннi пенсiй з першага студзеня наступнага года.").code());
    }

    @Test
    void shouldReachMarathiBesideHindi() {
        assertEquals("mr", identifier.identify("मुंबईत आज सकाळपासून जोरदार पाऊस सुरू आहे आणि अनेक रस्त्यांवर पाणी साचले आहे.").code());
        assertEquals("hi", identifier.identify("दिल्ली में आज सुबह से तेज बारिश हो रही है और कई सड़कों पर पानी भर गया है।").code());
    }

    @Test
    void shouldRecogniseSerbianInBothScripts() {
        assertEquals("sr", identifier.identify("Председник је после састанка рекао да ће влада током следеће недеље представити нове мере.").code());
        assertEquals("sr", identifier.identify("Predsednik je posle sastanka rekao da će vlada tokom sledeće nedelje predstaviti nove mere.").code());
        String croatian = identifier.identify("Predsjednik je nakon sastanka rekao da će vlada tijekom sljedećeg tjedna predstaviti nove mjere.").code();
        assertTrue(Set.of("hr", "bs").contains(croatian), "ijekavian text called " + croatian);
    }

    @Test
    void shouldCallTextWithKanaJapanese() {
        assertEquals("ja", identifier.identify("東京都は今日、新しい交通計画を発表しました。").code());
        // a single katakana word among Han is enough
        assertEquals("ja", identifier.identify("政府発表新経済対策総額十兆円規模予定のニュース").code());
        assertEquals("zh", identifier.identify("政府今天公布了新的经济刺激计划，总额约为十万亿元。").code());
    }

    @Test
    void shouldNotGuessOnTooShortText() {
        assertEquals(LanguageGuess.undetermined(0.0), identifier.identify("Minsk, 12:40"));
        assertEquals(LanguageGuess.undetermined(0.0), identifier.identify("Да, это так."));
    }

    @Test
    void shouldReachEveryLanguageOfTheModel() {
        Set<String> languages = identifier.supportedLanguages();
        assertTrue(languages.containsAll(Set.of("be", "mr", "sr", "hr", "bs", "ja", "zh", "kk")), "languages: " + languages);
        assertTrue(languages.size() >= 85, "languages: " + languages.size());
    }

    @Test
    void shouldRejectInvalidGuess() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LanguageGuess("rus", 0.5));
        assertEquals("code must be an ISO 639-1 code (two lower-case letters) or 'und', was 'rus'", e.getMessage());
    }
}
