package io.wirestream.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptsTest {

    @Test
    void agreesWithTheJdkOnEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            assertEquals(s == Character.UnicodeScript.CYRILLIC, Scripts.cyrillic(cp), "cyrillic U+" + Integer.toHexString(cp));
            assertEquals(s == Character.UnicodeScript.LATIN, Scripts.latin(cp), "latin U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void examples() {
        assertTrue(Scripts.cyrillic('Ж'));
        assertTrue(Scripts.latin('é'));
        assertFalse(Scripts.latin('1'));
        assertFalse(Scripts.cyrillic('α'));
    }
}
