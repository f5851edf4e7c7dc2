package io.wirestream.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArticleIdsTest {

    @Test
    void shouldGiveTheSameIdToTextThatDiffersOnlyInCaseAndSpacing() {
        assertEquals(ArticleIds.fromText("Title", "Some  body\ntext"), ArticleIds.fromText("title", "some body text"));
    }

    @Test
    void shouldGiveDifferentIdsToDifferentUrlsAndKeepThem32HexChars() {
        String a = ArticleIds.fromUrl("https://example.org/a");
        assertEquals(32, a.length());
        assertEquals("", a.replaceAll("[0-9a-f]", ""));
        assertNotEquals(a, ArticleIds.fromUrl("https://example.org/b"));
    }

    @Test
    void shouldRefuseAnArticleWithNothingToIdentifyIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleIds.fromText(null, "  "));
        assertEquals("article has neither a URL nor any text to derive an id from", e.getMessage());
    }
}
