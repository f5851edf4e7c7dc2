package io.wirestream.enrichment.eval;

import io.wirestream.enrichment.eval.GoldSet.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoldSetTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadLanguageAnswers() throws Exception {
        Path file = Files.writeString(dir.resolve("gold.json"), "{\n\"x_01\": \"en\",\n\"x_02\": \"zh-Hant\"\n}\n");
        GoldSet gold = GoldSet.read(file);
        assertEquals(GoldSet.Task.LANG, gold.task());
        assertEquals(Map.of("x_01", "en", "x_02", "zh"), gold.languages());
    }

    @Test
    void shouldReadEntityAnswers() throws Exception {
        Path file = Files.writeString(dir.resolve("gold.json"), "{\"n_1\": [[\"PER\", \"Ana  Novak\"], [\"LOC\", \"Zagreb\"]], \"n_2\": []}");
        GoldSet gold = GoldSet.read(file);
        assertEquals(GoldSet.Task.NER, gold.task());
        assertEquals(Set.of(new Mention("PER", "ana novak"), new Mention("LOC", "zagreb")), gold.mentions().get("n_1"));
        assertEquals(Set.of(), gold.mentions().get("n_2"));
    }

    @Test
    void shouldNameTheDocumentWithABadAnswer() throws Exception {
        Path file = Files.writeString(dir.resolve("gold.json"), "{\"n_1\": [[\"PER\", \"Ana\"]], \"n_2\": [[\"PER\"]]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldSet.read(file));
        assertEquals(file + ": document n_2: not a [PER|LOC|ORG, surface] pair: [\"PER\"]", e.getMessage());
    }

    @Test
    void shouldTakeTheDocumentIdFromAnOrigin() {
        assertEquals("lang_be_007", GoldSet.documentId("/data/sets/lang_be_007.txt"));
        assertEquals("lang_be_007", GoldSet.documentId("lang_be_007"));
    }
}
