package io.wirestream.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenTest {

    /** The tables answer as {@link Character} does, for every code point, in and beyond the BMP, lone surrogates included. */
    @Test
    void capitalisedAndCasedAsCharacterSaysForEveryCodePoint() {
        for (int cp = 1; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp)) + "x";
            Token t = new Token(s, 0, s.length(), false);
            assertEquals(Character.isUpperCase(cp) || Character.isTitleCase(cp), t.capitalised(), Integer.toHexString(cp));
            assertEquals(Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp), t.cased(),
                    Integer.toHexString(cp));
        }
    }
}
