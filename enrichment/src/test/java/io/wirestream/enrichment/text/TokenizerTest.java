package io.wirestream.enrichment.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {

    @Test
    void shouldSplitAnInitialFromTheSurname() {
        List<Token> tokens = Tokenizer.tokenize("По словам A.Гараева, диалог важен.");
        assertEquals(List.of("По", "словам", "A", "Гараева", "диалог", "важен"), tokens.stream().map(Token::text).toList());
        assertEquals(false, tokens.get(3).sentenceStart());
    }

    @Test
    void shouldNotEndASentenceAtTheDotOfAnInitial() {
        List<Token> tokens = Tokenizer.tokenize("Analyst J. Smith said so. Then");
        assertEquals(List.of(true, false, false, false, false, true), tokens.stream().map(Token::sentenceStart).toList());
    }

    @Test
    void shouldKeepDottedNamesOfSeveralLettersAsOneWord() {
        assertEquals(List.of("Day.Az", "reported"), Tokenizer.tokenize("Day.Az reported").stream().map(Token::text).toList());
    }
}
