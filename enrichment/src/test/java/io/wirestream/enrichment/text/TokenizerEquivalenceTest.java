package io.wirestream.enrichment.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link Tokenizer} with shared word strings gives exactly the tokens of the copying {@link TokenizerOracle}. */
class TokenizerEquivalenceTest {

    /** Letters, marks, digits and the signs the tokenizer decides on, from several scripts. */
    private static final String ALPHABET = "abcXYZéÉßlLdDjJ АбвЖжЁёыЫ ΑβγΩ אבג عرب 中文か カナ 한국  देवनागरी\u0301\u0308"
            + "0123456789 .,;:!?…'’-‑«»\"()\n\t 。！？։।—/@#";

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void shouldGiveTheOraclesTokensOnRandomMixedScriptText() {
        Random random = new Random(20261202L);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random, 1 + random.nextInt(300));
            assertEquals(TokenizerOracle.tokenize(text), Tokenizer.tokenize(text), text);
        }
    }

    @Test
    void shouldGiveTheOraclesTokensOnWordsThatRepeat() {
        Random random = new Random(7L);
        String[] words = {"Путин", "путина", "Москве", "d'Italia", "l'Union", "O'Brien", "al-Assad", "Day.Az", "A.Гараева",
                "J.", "NATO", "ООН", "Wirestream", "Ёлкин", "Straße", "Ελλάδα", "東京", "x", "2026", "а", "Bank of America"};
        String[] gaps = {" ", ". ", ", ", "\n", " «", "» ", " — ", "? "};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(words[random.nextInt(words.length)]).append(gaps[random.nextInt(gaps.length)]);
            }
            String text = sb.toString();
            assertEquals(TokenizerOracle.tokenize(text), Tokenizer.tokenize(text), text);
        }
    }

    @Test
    void shouldShareTheStringOfAWordSeenAgain() {
        List<Token> tokens = Tokenizer.tokenize("Росатом и Росатом, again Росатом.");
        assertSame(tokens.get(0).text(), tokens.get(2).text());
        assertSame(tokens.get(0).text(), tokens.get(4).text());
    }

    @Test
    void shouldReturnTheAskedCharsWhenWordsCollideInASmallTable() {
        WordTable table = new WordTable(2);
        Random random = new Random(3L);
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(random, 1 + random.nextInt(60));
            int start = random.nextInt(text.length());
            int end = start + 1 + random.nextInt(text.length() - start);
            assertEquals(text.substring(start, end), table.word(text, start, end));
        }
    }
}
