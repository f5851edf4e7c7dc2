package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Token;
import io.wirestream.enrichment.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkedTextTest {

    private static LinkedText linked(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return new LinkedText(text, tokens, List.of(), false);
    }

    @Test
    void writtenLowerCaseOnlyWhenTheTextHasTheLowerCaseWord() {
        LinkedText lt = linked("Officials met on Monday. Two officials said the Harbour Board would meet again. Ёлки и ёлки.");
        assertTrue(lt.writtenLowerCase("Officials"));
        assertTrue(lt.writtenLowerCase("OFFICIALS"));
        assertFalse(lt.writtenLowerCase("Monday"));
        assertFalse(lt.writtenLowerCase("Harbour"));
        assertFalse(lt.writtenLowerCase("Official"));
        assertTrue(lt.writtenLowerCase("Ёлки"));
        // asked again, from the words already collected
        assertTrue(lt.writtenLowerCase("Officials"));
        assertFalse(lt.writtenLowerCase("Board"));
    }
}
