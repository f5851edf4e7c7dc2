package io.wirestream.enrichment.language;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class NgramScorerTest {

    private static LanguageDetectorModel model;
    private static NgramScorer scorer;
    private static LanguageDetectorME opennlp;

    @BeforeAll
    static void load() {
        model = OpenNlpLanguageIdentifier.loadModel();
        scorer = new NgramScorer(model);
        opennlp = new LanguageDetectorME(model);
    }

    /** Same languages, same order, same probabilities to the last bit as OpenNLP's own detector. */
    private static void assertSameAsOpenNlp(String text) {
        Language[] expected = opennlp.predictLanguages(text);
        Language[] actual = scorer.predictLanguages(text);
        assertEquals(expected.length, actual.length, text);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].getLang(), actual[i].getLang(), "rank " + i + " of: " + text);
            assertEquals(Double.doubleToRawLongBits(expected[i].getConfidence()),
                    Double.doubleToRawLongBits(actual[i].getConfidence()), "rank " + i + " of: " + text);
        }
    }

    @Test
    void everySentenceAndParagraphOfTheLanguageSamples() {
        LanguageSamples samples = LanguageSamples.load();
        List<LanguageSamples.Sample> all = new ArrayList<>(samples.sentences());
        all.addAll(samples.paragraphs());
        for (LanguageSamples.Sample s : all) {
            assertSameAsOpenNlp(s.text());
        }
    }

    @Test
    void textsTheNormalisersAndLowerCasingChange() {
        assertSameAsOpenNlp("Visit https://example.org/news?id=42 or write to @wirestream_news #breaking 2026 :-) 😀 ok");
        assertSameAsOpenNlp("İSTANBUL'DA BÜYÜK TOPLANTI: Başkan ve 300 kişi katıldı");
        assertSameAsOpenNlp("ПРАВИТЕЛЬСТВО ОБЪЯВИЛО О НОВЫХ МЕРАХ ПОДДЕРЖКИ 12.05.2026");
        assertSameAsOpenNlp("Σήμερα η ΚΥΒΕΡΝΗΣΗ ανακοίνωσε νέα μέτρα στήριξης για τους αγρότες");
        assertSameAsOpenNlp("𝐁𝐨𝐥𝐝 letters and 𐐀 Deseret capital and emoji 👍🏽 in one line");
        assertSameAsOpenNlp("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertSameAsOpenNlp("a");
        assertSameAsOpenNlp("");
    }

    @Test
    void longTextsWithManyDistinctGrams() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0x400; c < 0x4FF; c++) {
            sb.append((char) c).append((char) (c ^ 0x15)).append(' ');
        }
        for (int c = 0x4E00; c < 0x4E00 + 900; c += 3) {
            sb.append((char) c);
        }
        assertSameAsOpenNlp(sb.toString());
    }

    @Test
    void aBucketThatWouldBecomeATreeIsLeftToOpenNlp() {
        // nine n-grams with one hash code: a HashMap turns their bucket into a tree, whose order is not reproduced
        NgramScorer.Grams crowded = new NgramScorer.Grams(9);
        for (int g = 0; g < 9; g++) {
            crowded.start[g] = g;
            crowded.length[g] = 1;
            crowded.hash[g] = 12345;
        }
        crowded.size = 9;
        assertNull(NgramScorer.hashMapOrder(crowded));

        NgramScorer.Grams spread = new NgramScorer.Grams(9);
        for (int g = 0; g < 9; g++) {
            spread.start[g] = g;
            spread.length[g] = 1;
            spread.hash[g] = 9 - g;
        }
        spread.size = 9;
        assertArrayEquals(new int[] {8, 7, 6, 5, 4, 3, 2, 1, 0}, NgramScorer.hashMapOrder(spread));
    }

    @Test
    void aTextWithACrowdedBucketStillGetsOpenNlpsAnswer() {
        // 1-grams whose CharBuffer hashes (31 + c) share their low bits at the final capacity
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            sb.append((char) (0x4E00 + k * 1024));
        }
        String text = sb.toString();
        NgramScorer.Grams grams = NgramScorer.distinctGrams(NgramScorer.lowerCase(text));
        assertNotNull(grams);
        assertNull(NgramScorer.hashMapOrder(grams));
        assertSameAsOpenNlp(text);
    }
}
