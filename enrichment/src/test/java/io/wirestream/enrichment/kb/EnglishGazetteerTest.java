package io.wirestream.enrichment.kb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnglishGazetteerTest {

    private static EnglishGazetteer parse(String lines) {
        return EnglishGazetteer.parse(lines.getBytes(StandardCharsets.UTF_8), "names.tsv");
    }

    @Test
    void shouldFindNamesExactlyAsWritten() {
        EnglishGazetteer g = parse("Alder Bay\tL\nOkoro\tPO\nZürich Marathon\tE\n");
        assertEquals(3, g.size());
        assertEquals(Set.of(EnglishGazetteer.Kind.PLACE), g.kinds("Alder Bay"));
        assertEquals(Set.of(EnglishGazetteer.Kind.PERSON, EnglishGazetteer.Kind.ORGANIZATION), g.kinds("Okoro"));
        assertEquals(Set.of(EnglishGazetteer.Kind.EVENT), g.kinds("Zürich Marathon"));
        assertTrue(g.kinds("alder bay").isEmpty());
        assertTrue(g.kinds("Alder").isEmpty());
        assertTrue(g.kinds("Alder  Bay").isEmpty());
        assertTrue(g.kinds("Zz").isEmpty());
    }

    @Test
    void shouldNameTheResourceWhenItIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EnglishGazetteer.load("/no/such/names.tsv.gz"));
        assertTrue(e.getMessage().startsWith("/no/such/names.tsv.gz not on the class path"), e.getMessage());
        assertTrue(e.getMessage().contains("wirestream-gazetteer"), e.getMessage());
    }

    @Test
    void shouldRejectAResourceThatIsNotGzip() {
        // a class-path resource of this module that is plain text
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EnglishGazetteer.load("/io/wirestream/enrichment/name-cues-v2.txt"));
        assertTrue(e.getMessage().startsWith("/io/wirestream/enrichment/name-cues-v2.txt: not a readable gzip file"), e.getMessage());
    }

    @Test
    void shouldNameTheSourceAndLineOfAMalformedLine() {
        assertMalformed("Alder Bay\tL\nOkoro\n", "names.tsv: line 2: expected a name, a tab and kinds");
        assertMalformed("Alder Bay\tL\n\tO\n", "names.tsv: line 2: expected a name, a tab and kinds");
        assertMalformed("Alder Bay\tX\n", "names.tsv: line 1: kinds must be distinct letters of PLOE");
        assertMalformed("Alder Bay\tLL\n", "names.tsv: line 1: kinds must be distinct letters of PLOE");
        assertMalformed("Alder Bay\t\n", "names.tsv: line 1: no kinds");
        assertMalformed("Okoro\tP\nAlder Bay\tL\n", "names.tsv: line 2: names must be sorted by their UTF-8 bytes, without duplicates");
        assertMalformed("Okoro\tP\nOkoro\tO\n", "names.tsv: line 2: names must be sorted by their UTF-8 bytes, without duplicates");
        assertMalformed("Okoro\tP", "names.tsv: line 1: no line end after the last line");
        assertMalformed("", "names.tsv: no names");
    }

    private static void assertMalformed(String lines, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(lines));
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldLoadTheBundledGazetteerBuiltFromTheSource() {
        EnglishGazetteer g = EnglishGazetteer.shared();
        assertTrue(g.size() > 500_000, "names: " + g.size());
        assertEquals(Set.of(EnglishGazetteer.Kind.PLACE), g.kinds("Ontario"));
        assertEquals(Set.of(EnglishGazetteer.Kind.ORGANIZATION), g.kinds("Bing"));
        // kept out at build time: ordinary words, nationalities, titles of works
        assertTrue(g.kinds("Help").isEmpty());
        assertTrue(g.kinds("Americans").isEmpty());
        assertTrue(g.kinds("First Lady").isEmpty());
    }
}
