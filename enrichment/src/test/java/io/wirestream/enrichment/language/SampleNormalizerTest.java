package io.wirestream.enrichment.language;

import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@link SampleNormalizer} gives the text of OpenNLP's five normalisers run one after the other. */
class SampleNormalizerTest {

    /** The language detector's normalisers in LanguageDetectorFactory's order: the oracle. */
    private static final CharSequenceNormalizer OPENNLP = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(),
            UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(),
            NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    /** Plain letters of several scripts, and the signs each normaliser looks for. */
    private static final String[] PIECES = {"a", "e", "o", "u", "h", "j", "H", "J", "r", "t", "R", "T", "x", "X", "d", "p",
            "D", "P", "O", ":", ";", "-", "(", ")", "#", "@", "/", "://", "http", "https://", "www.", ".", "_", "+",
            "0", "7", "2026", " ", "  ", "\n", "\t", "\r", "\u000B", "\f", "\u00A0", "ааа", "ААа", "Ж", "ж", "ё", "Ё",
            "ß", "ẞ", "İ", "ı", "K", "\u212A", "ς", "σ", "Σ", "中", "😀", "😀😀😀", "𝐀", "𝐀𝐀𝐀", "\uD835", "\uDC00", "\uD83C",
            "١", "٢", "\uE000", "\uFF21", "\uFFFD", "‐", "—", "rt ", "RT:", ":)", ";-p", "xD", "haha", "jaja", "Путин", "Reuters", "news@mail.ru", "#tag"};

    private static String randomText(Random random, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < pieces; k++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void shouldGiveOpenNlpsTextOnRandomTextFullOfTheirSigns() {
        Random random = new Random(11L);
        SampleNormalizer normalizer = new SampleNormalizer();
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, 1 + random.nextInt(25));
            assertEquals(OPENNLP.normalize(text).toString(), normalizer.normalize(text).toString(), text);
        }
    }

    @Test
    void shouldGiveOpenNlpsTextOnPlainProseThatSkipsEveryNormaliser() {
        String prose = " Правительство одобрило проект бюджета, сообщили в министерстве финансов.\u00A0";
        assertFalse(SampleNormalizer.mayHoldEmoji(prose) || SampleNormalizer.mayHoldAddress(prose)
                || SampleNormalizer.mayHoldTwitterMarks(prose) || SampleNormalizer.holdsAsciiDigit(prose)
                || SampleNormalizer.mayShrink(prose));
        assertEquals(OPENNLP.normalize(prose).toString(), new SampleNormalizer().normalize(prose).toString());
    }
}
