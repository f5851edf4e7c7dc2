package io.wirestream.enrichment.language;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void shouldRejectInvalidGuess() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LanguageGuess("rus", 0.5));
        assertEquals("code must be an ISO 639-1 code (two lower-case letters) or 'und', was 'rus'", e.getMessage());
    }
}
