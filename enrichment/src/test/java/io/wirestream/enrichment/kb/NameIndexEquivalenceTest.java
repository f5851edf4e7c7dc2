package io.wirestream.enrichment.kb;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;
import io.wirestream.enrichment.text.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link NameIndex} finds exactly the names of the list-based walk it replaced ({@link NameIndexOracle}). */
class NameIndexEquivalenceTest {

    private static final String[] OTHER_WORDS = {"и", "в", "заявил", "президент", "the", "of", "said", "Minister",
            "Москве", "Москвы", "Владимира", "Путина", "Путиным", "Нью-Йорке", "NATO", "Nato", "ООН", "WHO", "Who",
            "Straße", "Ελλάδα", "東京", "d'Italia", "2026", "Банк", "России", "Bank", "America", "United", "Nations"};

    private static List<KbEntity> entities;
    private static List<String> nameWords;

    @BeforeAll
    static void load() {
        entities = BundledKnowledgeBase.load();
        nameWords = new ArrayList<>();
        for (KbEntity e : entities) {
            for (String name : e.allNames()) {
                for (Token t : Tokenizer.tokenize(name)) {
                    nameWords.add(t.text());
                }
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(30);
        for (int k = 0; k < n; k++) {
            String w = random.nextInt(3) == 0 ? OTHER_WORDS[random.nextInt(OTHER_WORDS.length)] : nameWords.get(random.nextInt(nameWords.size()));
            sb.append(random.nextInt(8) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w).append(random.nextInt(6) == 0 ? ", " : " ");
        }
        return sb.toString();
    }

    private static void assertSameHits(NameIndex index, NameIndexOracle oracle, String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<List<String>> keys = new ArrayList<>();
        for (Token t : tokens) {
            keys.add(index.textKeys(t));
        }
        for (int i = 0; i < tokens.size(); i++) {
            NameIndex.Hit hit = index.longest(keys, i);
            NameIndexOracle.Hit expected = oracle.longest(keys, i);
            assertEquals(expected == null ? null : expected.words() + " " + expected.ids(),
                    hit == null ? null : hit.words() + " " + hit.ids(), text + " @" + i);
        }
    }

    @Test
    void shouldFindTheOraclesNamesInTextsOfKnownAndOtherWords() {
        Morphology morphology = Morphology.shared();
        NameIndex index = new NameIndex(morphology);
        NameIndexOracle oracle = new NameIndexOracle(morphology);
        for (KbEntity e : entities) {
            for (String name : e.allNames()) {
                index.add(name, e.id());
                oracle.add(name, e.id());
            }
        }
        Random random = new Random(42L);
        for (int round = 0; round < 1_500; round++) {
            assertSameHits(index, oracle, randomText(random));
        }
        // after removals too: nodes left without ids must not end a name
        for (int k = 0; k < entities.size(); k += 3) {
            KbEntity e = entities.get(k);
            for (String name : e.allNames()) {
                index.remove(name, e.id());
                oracle.remove(name, e.id());
            }
        }
        for (int round = 0; round < 1_500; round++) {
            assertSameHits(index, oracle, randomText(random));
        }
    }

    @Test
    void shouldFollowEveryKeyOfAWordWhenSeveralNamesShareAPrefix() {
        Morphology morphology = Morphology.shared();
        NameIndex index = new NameIndex(morphology);
        NameIndexOracle oracle = new NameIndexOracle(morphology);
        String[][] names = {{"Северная Корея", "Q1"}, {"Северный флот", "Q2"}, {"Северное море", "Q3"},
                {"Южная Корея", "Q4"}, {"Корея", "Q5"}, {"New York Times", "Q6"}, {"New York", "Q7"}, {"York", "Q8"}};
        for (String[] n : names) {
            index.add(n[0], n[1]);
            oracle.add(n[0], n[1]);
        }
        assertSameHits(index, oracle, "Северной Кореи и Северного флота в Северном море, New York Times в New York и York");
        assertEquals(3, index.longest(List.of(index.textKeys(Tokenizer.tokenize("New").get(0)),
                index.textKeys(Tokenizer.tokenize("York").get(0)), index.textKeys(Tokenizer.tokenize("Times").get(0))), 0).words());
    }
}
