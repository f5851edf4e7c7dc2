package io.wirestream.core.synthetic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceDrawTest {
    private static final List<String> VOCABULARY = List.of("harbour", "crane", "ferry", "tide", "dock", "pier", "quay");

    private static String draw(long seed, int words) {
        StringBuilder text = new StringBuilder();
        SentenceDraw draw = new SentenceDraw(VOCABULARY, new Random(seed));
        for (int i = 0; i < words; i++) {
            draw.appendWord(text);
        }
        return text.toString();
    }

    @Test
    void sentencesOfEightToTwentyOneWordsCapitalisedWithABlankLineAfterEveryFifth() {
        String text = draw(7, 2_000);
        String[] paragraphs = text.split("\n\n");
        for (int p = 0; p < paragraphs.length - 1; p++) {
            String[] sentences = paragraphs[p].split("\\. ?");
            assertEquals(5, sentences.length, "paragraph " + p + ": " + paragraphs[p]);
            for (String sentence : sentences) {
                String[] words = sentence.split(" ");
                assertTrue(words.length >= 8 && words.length <= 21, "sentence of " + words.length + " words: " + sentence);
                assertTrue(Character.isUpperCase(words[0].charAt(0)), sentence);
                assertTrue(VOCABULARY.contains(words[0].toLowerCase()), words[0]);
                for (int w = 1; w < words.length; w++) {
                    assertTrue(VOCABULARY.contains(words[w]), "not drawn from the vocabulary: " + words[w]);
                }
            }
        }
        assertTrue(paragraphs.length > 10, "too few paragraphs: " + paragraphs.length);
    }

    @Test
    void aSeedGivesTheSameTextAndAnotherSeedAnother() {
        assertEquals(draw(42, 300), draw(42, 300));
        assertTrue(!draw(42, 300).equals(draw(43, 300)));
    }

    @Test
    void anEmptyVocabularyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SentenceDraw(List.of(), new Random(1)));
    }
}
