package io.wirestream.ingest.file;

import io.wirestream.avro.RawArticle;
import io.wirestream.ingest.ArticleParseException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatedTextParserTest {
    private static final Instant NOW = Instant.parse("2025-11-01T10:00:00Z");

    @Test
    void shouldReadTheDateAndKeepTheTextThatFollowsOnTheSameLine() throws Exception {
        RawArticle a = DatedTextParser.parse("folder:x", "a.txt", " date 2025-10-09 First line.\n\nSecond paragraph.", NOW);
        assertEquals(Instant.parse("2025-10-09T00:00:00Z"), a.getPublishedAt());
        assertEquals("First line.\n\nSecond paragraph.", a.getBody());
        assertEquals("a.txt", a.getOrigin());
        assertEquals("folder:x", a.getSource());
        assertEquals(NOW, a.getFetchedAt());
        assertNull(a.getUrl());
        assertEquals(32, a.getId().length());
    }

    @Test
    void shouldNameTheFileAndLineWhenTheHeaderIsMissing() {
        ArticleParseException e = assertThrows(ArticleParseException.class,
            () -> DatedTextParser.parse("s", "b.txt", "Just some text without a date", NOW));
        assertEquals("b.txt: line 1: expected ' date YYYY-MM-DD <text>', found 'Just some text without a date'", e.getMessage());
    }

    @Test
    void shouldRefuseAnImpossibleDate() {
        ArticleParseException e = assertThrows(ArticleParseException.class,
            () -> DatedTextParser.parse("s", "c.txt", " date 2025-13-45 Text.", NOW));
        assertEquals("c.txt: line 1: '2025-13-45' is not a date YYYY-MM-DD", e.getMessage());
    }

    @Test
    void shouldRefuseADateWithoutText() {
        ArticleParseException e = assertThrows(ArticleParseException.class,
            () -> DatedTextParser.parse("s", "d.txt", " date 2025-10-01   \n\n", NOW));
        assertEquals("d.txt: line 1: the article has a date but no text", e.getMessage());
    }
}
