package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Token;
import io.wirestream.enrichment.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DatelinesTest {

    private static List<Token> tokens(String text) {
        return new ArrayList<>(Tokenizer.tokenize(text));
    }

    @Test
    void shouldFindTheDatelineAndGiveItOrdinaryCapitals() {
        String text = "FRANKFURT AM MAIN, 30. Oktober. Die Zentralbank tagte.";
        List<Token> tokens = tokens(text);
        assertEquals(new Datelines.Dateline(0, 3), Datelines.normalise(text, tokens));
        assertEquals(List.of("Frankfurt", "Am", "Main"), tokens.subList(0, 3).stream().map(Token::text).toList());
        assertEquals(new Token("Frankfurt", 0, 9, true), tokens.get(0));
    }

    @Test
    void shouldFindADatelineOnTheLineAfterATitle() {
        String text = "Новый терминал\n\nАСТАНА, 3 ноября — Терминал открыт.";
        List<Token> tokens = tokens(text);
        assertEquals(new Datelines.Dateline(2, 3), Datelines.normalise(text, tokens));
        assertEquals("Астана", tokens.get(2).text());
    }

    @Test
    void shouldLeaveAcronymsInsideSentencesAlone() {
        String text = "The NATO summit opened, officials said.";
        List<Token> tokens = tokens(text);
        assertNull(Datelines.normalise(text, tokens));
        assertEquals("NATO", tokens.get(1).text());
    }

    @Test
    void shouldNeedASeparatorAfterTheCapitals() {
        String text = "NASA launched a probe.";
        assertNull(Datelines.normalise(text, tokens(text)));
    }
}
