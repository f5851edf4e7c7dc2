package io.wirestream.enrichment.kb;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The hashed look-up answers as a map of the same lines does, for every name and for near misses. */
class EnglishGazetteerLookupTest {

    private static final String KIND_LETTERS = "PLOE";

    private static Set<EnglishGazetteer.Kind> kindsOf(String letters) {
        Set<EnglishGazetteer.Kind> kinds = EnumSet.noneOf(EnglishGazetteer.Kind.class);
        for (char c : letters.toCharArray()) {
            kinds.add(EnglishGazetteer.Kind.values()[KIND_LETTERS.indexOf(c)]);
        }
        return kinds;
    }

    @Test
    void randomNamesAndNearMissesAnswerAsAMapOfTheLines() {
        SplittableRandom random = new SplittableRandom(20261203L);
        String alphabet = "abcdeéüAB Ç-.'ßя";
        Map<byte[], String> lines = new TreeMap<>(Arrays::compareUnsigned);
        Map<String, String> reference = new java.util.HashMap<>();
        for (int n = 0; n < 30_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(1, 12);
            for (int c = 0; c < length; c++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String letters = KIND_LETTERS.substring(random.nextInt(4), 4);
            if (reference.putIfAbsent(name.toString(), letters) == null) {
                lines.put(name.toString().getBytes(StandardCharsets.UTF_8), letters);
            }
        }
        StringBuilder tsv = new StringBuilder();
        lines.forEach((name, letters) -> tsv.append(new String(name, StandardCharsets.UTF_8)).append('\t').append(letters).append('\n'));
        EnglishGazetteer g = EnglishGazetteer.parse(tsv.toString().getBytes(StandardCharsets.UTF_8), "random.tsv");
        assertEquals(reference.size(), g.size());
        for (Map.Entry<String, String> e : reference.entrySet()) {
            String name = e.getKey();
            assertEquals(kindsOf(e.getValue()), g.kinds(name), name);
            for (String miss : new String[] {name + "a", name.substring(1), name.toUpperCase(), name + " ", ""}) {
                String expected = reference.get(miss);
                assertEquals(expected == null ? Set.of() : kindsOf(expected), g.kinds(miss), miss);
            }
        }
    }

    @Test
    void everyBundledNameIsFoundWithItsKinds() throws IOException {
        EnglishGazetteer g = EnglishGazetteer.shared();
        InputStream in = EnglishGazetteer.class.getResourceAsStream(EnglishGazetteer.RESOURCE);
        assertNotNull(in);
        int names = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int tab = line.indexOf('\t');
                assertEquals(kindsOf(line.substring(tab + 1)), g.kinds(line.substring(0, tab)), line);
                names++;
            }
        }
        assertEquals(g.size(), names);
    }
}
