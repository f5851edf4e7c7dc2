package io.wirestream.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
