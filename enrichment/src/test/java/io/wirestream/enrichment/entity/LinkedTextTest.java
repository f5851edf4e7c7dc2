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

    @Test
    void writtenLowerCaseAnswersAsAScanOfTheWordsOnRandomTexts() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261203L);
        String[] vocabulary = {"the", "The", "officials", "Officials", "Aa", "BB", "аб", "Аб", "x", "X", "Ab", "BA", "ёж", "Ёж"};
        for (int t = 0; t < 2_000; t++) {
            StringBuilder sb = new StringBuilder();
            int words = random.nextInt(1, 60);
            for (int w = 0; w < words; w++) {
                sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(5) == 0 ? ". " : " ");
            }
            List<Token> tokens = Tokenizer.tokenize(sb.toString());
            LinkedText lt = new LinkedText(sb.toString(), tokens, List.of(), false);
            for (String word : vocabulary) {
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                boolean scan = tokens.stream().anyMatch(k -> k.text().equals(lower));
                org.junit.jupiter.api.Assertions.assertEquals(scan, lt.writtenLowerCase(word), word + " in " + sb);
            }
        }
    }
}
