package io.wirestream.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-made scanning of {@link EvidenceExtractor} gives exactly the evidence of its regular-expression form
 * ({@link EvidenceExtractorReference}): on made-up headlines and leads in six languages, put together at random
 * with the separators that decide sentence starts and joined names (spaces, no-break spaces, hyphens, line
 * breaks of every kind, quotes, dashes), and on random strings of the characters the scanning treats specially.
 */
class EvidenceExtractorEquivalenceTest {

    private static final String[] PIECES = {
        "Harbour Authority Closes Eastgate Pier", "after a storm tore away 120 metres of railing", "on Tuesday",
        "Engineers from Calloway Marine said", "repairs would cost 2.4 million", "until March 15", "on 3 June",
        "Miriam Tolland", "the port director", "1,350 passengers a day", "A magnitude 5.9 quake", "Magnitude",
        "Паводок отрезал три посёлка", "на 2,3 метра", "в среду", "Андрей Кольцов", "к 14 апреля", "1 200 жителей",
        "Ёлкин и Йошкин", "9 октября", "в четверг", "Суд отложил рассмотрение иска к заводу «Северсталепрокат»",
        "Der Stadtrat hat am Montag", "mit 31 zu 17 Stimmen", "am 1. September", "Katrin Albers", "8,6 Millionen Euro",
        "Un incendie s'est déclaré jeudi soir", "4 500 mètres carrés", "le 18 octobre", "Étienne Roussel", "1er mai",
        "El pleno aprobó el lunes 14 de febrero", "2.500 viviendas", "Lucía Ferrán", "0,75 por ciento", "007",
        "Una frana ha chiuso sabato", "Paolo Ferretti", "il 3 novembre", "1.800 interventi", "lunedì", "sept. 21",
        "Jean-Luc Marchetti", "Sept 31", "de 2025", "1900", "12.000,50", "0.5", "00", "x2", "3x", "v1.2.3", "Ὀδυσσεύς",
        "Zoë Brontë", "Cafe\u0301 Noir", "𝐀lpha Mission", "İstanbul", "ǅemal Begić", "NASA", "Oslo", "OSLO"};
    private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", "! ", "? ", ": ", "; ", " - ", "-", "\u00a0",
        "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", " \u00bb ", " \u00ab", "\"", " \u201c", "\u201d ", " \u2014 ",
        " \u2013 ", ".\u2028", " .\r ", "\t", " (", ") ", "' ", " \u202f"};

    @Test
    void shouldGiveTheEvidenceOfTheRegularExpressionsOnMixedText() {
        Random random = new Random(20261202);
        List<String> languages = List.of("en", "ru", "de", "fr", "es", "it", "und");
        for (int n = 0; n < 3_000; n++) {
            String title = random.nextInt(8) == 0 ? (random.nextBoolean() ? null : " ") : text(random, 1 + random.nextInt(4));
            String body = text(random, random.nextInt(40));
            List<String> mentions = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                mentions.add(PIECES[random.nextInt(PIECES.length)]);
            }
            String language = languages.get(random.nextInt(languages.size()));
            ArticleEvidence expected = EvidenceExtractorReference.extract("a" + n, language, n, title, body, List.of(), mentions);
            ArticleEvidence actual = EvidenceExtractor.extract("a" + n, language, n, title, body, List.of(), mentions);
            assertEquals(expected, actual, () -> "title " + title + " | body " + body + " | mentions " + mentions);

            String lead = (title == null ? "" : title) + "\n" + body;
            assertEquals(new ArrayList<>(EvidenceExtractorReference.numbers(lead)), new ArrayList<>(EvidenceExtractor.numbers(lead)), lead);
            assertEquals(new ArrayList<>(EvidenceExtractorReference.terms(lead, mentions)),
                    new ArrayList<>(EvidenceExtractor.terms(lead, mentions)), lead);
            Set<String> expectedDates = new LinkedHashSet<>();
            Set<String> actualDates = new LinkedHashSet<>();
            assertEquals(EvidenceExtractorReference.dates(lead, expectedDates), EvidenceExtractor.dates(lead, actualDates), lead);
            EvidenceExtractorReference.weekdays(lead, expectedDates);
            EvidenceExtractor.weekdays(lead, actualDates);
            assertEquals(new ArrayList<>(expectedDates), new ArrayList<>(actualDates), lead);
            String headline = title == null ? "" : title;
            assertEquals(EvidenceExtractorReference.names(headline, body, language, mentions).stream().map(r -> r.words() + "/" + r.inHeadline()).toList(),
                    EvidenceExtractor.names(headline, body, language, mentions).stream().map(r -> r.words() + "/" + r.inHeadline()).toList(),
                    lead);
        }
    }

    @Test
    void shouldFindTheWordsAndSentenceEndsOfTheRegularExpressionsInRandomStrings() {
        Pattern word = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
        Pattern sentenceEnd = Pattern.compile(".*[.!?:;\u00bb\u00ab\"\u201c\u201d\u2014\u2013]$");
        String alphabet = "aZ я\u0301\u20dd\u0903. !?:;\u00bb\u00ab\"\u201c\u201d\u2014\u2013\n\r\u0085\u2028\u2029\t\u00a0\u2003x1\u00ad\ud835\udc00\ud800\udc00";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(sentenceEnd.matcher(s.strip()).matches(), EvidenceExtractor.endsSentence(s, 0, s.length()), () -> escaped(s));
            List<String> expected = new ArrayList<>();
            Matcher m = word.matcher(s);
            while (m.find()) {
                expected.add(m.start() + ":" + m.end());
            }
            List<String> actual = new ArrayList<>();
            for (int start = EvidenceExtractor.wordStart(s, 0), end; start >= 0; start = EvidenceExtractor.wordStart(s, end)) {
                end = EvidenceExtractor.wordEnd(s, start);
                actual.add(start + ":" + end);
            }
            assertEquals(expected, actual, () -> escaped(s));
        }
    }

    @Test
    void shouldFindTheDatesOfTheRegularExpressionsInRandomStrings() {
        String[] pieces = {"1", "3", "9", "0", "12", "31", "32", "123", "2026", ".", "º", "er", "de", "Mai", "may", "mayo",
            "März", "sept", "Sept.", "июня", "Ноября", "décembre", "juil", "x", "ab", "abcdefghij", "mayonnaise", "Xmay", " ", " ",
            "  ", "\t", "\n", "\r\n", "\u000b", "\f", "\u00a0", "\u2003", ",", "-", "e\u0301", "\ud835\udc00", "\ud800", "é", "\u0661"};
        Random random = new Random(31);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            Set<String> expected = new LinkedHashSet<>();
            Set<String> actual = new LinkedHashSet<>();
            assertEquals(EvidenceExtractorReference.dates(s, expected), EvidenceExtractor.dates(s, actual), () -> escaped(s));
            assertEquals(new ArrayList<>(expected), new ArrayList<>(actual), () -> escaped(s));
        }
    }

    @Test
    void shouldFindTheNumbersWeekdaysAndRomanisationOfTheReferenceInRandomStrings() {
        String[] pieces = {"1", "0", "07", "12", "123", "1900", "2026", "2101", "4", "5", ".", ",", " ", "\u00a0", "\u202f",
            "x", "é", "\ud835\udc00", "\u0661", "-", "Thursday", "ВТОРНИК", "среду", "lunedì", "lunedi\u0300", "İ", "Sonntag", "Ёлкин", "йод", "ǅ", "Ä", "\u00bf", "\u00a8", "ß", "Ω"};
        Random random = new Random(43);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            assertEquals(new ArrayList<>(EvidenceExtractorReference.numbers(s)), new ArrayList<>(EvidenceExtractor.numbers(s)), () -> escaped(s));
            assertEquals(EvidenceExtractorReference.romanise(s), EvidenceExtractor.romanise(s), () -> escaped(s));
            Set<String> expected = new LinkedHashSet<>();
            Set<String> actual = new LinkedHashSet<>();
            EvidenceExtractorReference.weekdays(s, expected);
            EvidenceExtractor.weekdays(s, actual);
            assertEquals(new ArrayList<>(expected), new ArrayList<>(actual), () -> escaped(s));
        }
    }

    private static String text(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                b.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            String piece = PIECES[random.nextInt(PIECES.length)];
            b.append(random.nextInt(5) == 0 ? piece.toLowerCase(java.util.Locale.ROOT) : piece);
        }
        return b.toString();
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }
}
