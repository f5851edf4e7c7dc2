package io.wirestream.enrichment.text;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class MorphologyTest {

    private final Morphology morphology = Morphology.shared();

    @Test
    void shouldKeepAnIndeclinablePlaceNameOverAPluralGivenName() {
        // the dictionary also reads «Алматы» as the plural of a given name Алмат
        assertEquals("алматы", morphology.keys("Алматы").get(0));
        assertEquals("алматы", morphology.analyse("Алматы").placeLemma());
    }

    @Test
    void shouldReadObliqueFormsOfNeuterPlaceNamesAsThePlaceFirst() {
        assertEquals("строгино", morphology.keys("Строгина").get(0));
        assertEquals("строгино", morphology.keys("Строгине").get(0));
        assertEquals("строгино", morphology.keys("Строгино").get(0));
        // the surname reading stays as a second key
        assertEquals("строгин", morphology.keys("Строгина").get(1));
    }

    @Test
    void shouldFindAWordTheDictionaryFilesUnderYoWhenWrittenWithYe() {
        // the dictionary has «горбачёв» only with ё; news writes «Горбачевым»
        assertEquals(true, morphology.analyse("Горбачевым").surname());
        assertEquals("горбачев", morphology.properLemma("Горбачевым"));
    }

    @Test
    void shouldPreferTheNominativeGivenNameReading() {
        assertEquals("ирина", morphology.properLemma("Ирина"));
        assertEquals(true, morphology.analyse("Ирина").feminine());
        assertEquals("путин", morphology.properLemma("Путиным"));
    }

    @Test
    void shouldNotTakeFrequentIndeclinableWordsForPlaces() {
        assertNull(morphology.analyse("Фото").placeLemma());
        assertNull(morphology.analyse("Метро").placeLemma());
    }

    @Test
    void shouldSynthesiseFormsFromTheDictionary() {
        assertEquals("крылова", morphology.form("крылов", "NN:Fam:Fem:Sin:Nom"));
        assertEquals("московская", morphology.adjectiveAgreeing("Московской", "Fem"));
        assertEquals("ильинское", morphology.adjectiveAgreeing("Ильинским", "Neut"));
        assertEquals("Neut", morphology.genderOf("шоссе", "шоссе"));
    }

    @Test
    void shouldMarkAdjectivesAndAbbreviations() {
        assertEquals(true, morphology.analyse("Московской").adjective());
        assertEquals(true, morphology.analyse("ЗАО").abbreviation());
        assertEquals(false, morphology.analyse("Путина").adjective());
    }

    @Test
    void everyStopWordIsOneWhateverItsCaseAndLongerWordsAreNot() {
        // the longest stop words too: the length bound in front of the set must not cut them off
        for (CharArraySet set : List.of(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, RussianAnalyzer.getDefaultStopSet(),
                GermanAnalyzer.getDefaultStopSet())) {
            for (Object o : set) {
                String w = new String((char[]) o);
                assertTrue(morphology.isStopWord(w), w);
                assertTrue(morphology.isStopWord(upperCaseCharByChar(w)), w);
                assertFalse(morphology.isStopWord(w + "ъъъъъъъъъъъъъъъъъъъъ"), w);
            }
        }
    }

    /** Each char upper-cased on its own ("daß" gives "DAß", not "DASS"): the set's case folding is per char. */
    private static String upperCaseCharByChar(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            sb.append(Character.toUpperCase(w.charAt(i)));
        }
        return sb.toString();
    }
}
