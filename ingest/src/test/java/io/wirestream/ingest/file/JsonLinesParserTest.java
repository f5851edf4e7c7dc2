package io.wirestream.ingest.file;

import io.wirestream.avro.RawArticle;
import io.wirestream.core.ArticleIds;
import io.wirestream.ingest.ArticleParseException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonLinesParserTest {
    private static final Instant NOW = Instant.parse("2025-11-01T10:00:00Z");

    @Test
    void shouldReadEveryFieldAndKeepUnknownOnesAsAttributes() throws Exception {
        RawArticle a = JsonLinesParser.parse("file", "f.jsonl:3",
            "{\"url\":\"https://www.example.org/a?utm_source=x#top\",\"title\":\"T\",\"body\":\"B\","
                + "\"publishedAt\":\"2025-11-03T08:30:00+01:00\",\"language\":\"it\",\"source\":\"wire\","
                + "\"attributes\":{\"author\":\"A\"},\"section\":\"culture\"}", NOW);
        assertEquals("https://www.example.org/a?utm_source=x#top", a.getUrl());
        assertEquals("T", a.getTitle());
        assertEquals("B", a.getBody());
        assertEquals(Instant.parse("2025-11-03T07:30:00Z"), a.getPublishedAt());
        assertEquals("it", a.getLanguageHint());
        assertEquals("wire", a.getSource());
        assertEquals("f.jsonl:3", a.getOrigin());
        assertEquals(Map.of("author", "A", "section", "culture"), a.getAttributes());
    }

    @Test
    void shouldKeyTheSameArticleUnderTrackingVariantsOfItsUrlAlike() throws Exception {
        RawArticle plain = JsonLinesParser.parse("f", "o", "{\"url\":\"https://example.org/a\",\"body\":\"B\"}", NOW);
        RawArticle tracked = JsonLinesParser.parse("f", "o", "{\"url\":\"https://www.example.org/a?utm_source=x&utm_medium=y#top\",\"body\":\"other\"}", NOW);
        assertEquals(plain.getId(), tracked.getId());
    }

    @Test
    void shouldKeyAnArticleWithoutUrlByItsText() throws Exception {
        RawArticle a = JsonLinesParser.parse("f", "o", "{\"title\":\"T\",\"body\":\"Some body\"}", NOW);
        assertEquals(ArticleIds.fromText("T", "Some body"), a.getId());
    }

    @Test
    void shouldNameTheLineAndColumnOfMalformedJson() {
        ArticleParseException e = assertThrows(ArticleParseException.class,
            () -> JsonLinesParser.parse("f", "f.jsonl:7", "{\"body\": \"x\",", NOW));
        assertEquals(true, e.getMessage().startsWith("f.jsonl:7: malformed JSON: "), e.getMessage());
    }

    @Test
    void shouldRefuseAMissingBodyANonHttpUrlAndABadDate() {
        assertEquals("o: field 'body' is missing or empty", assertThrows(ArticleParseException.class,
            () -> JsonLinesParser.parse("f", "o", "{\"title\":\"T\"}", NOW)).getMessage());
        assertEquals("o: field 'url' must be an http or https URL, was 'ftp://x/y'", assertThrows(ArticleParseException.class,
            () -> JsonLinesParser.parse("f", "o", "{\"body\":\"B\",\"url\":\"ftp://x/y\"}", NOW)).getMessage());
        assertEquals("o: field 'publishedAt' is not an ISO-8601 date or date-time: 'yesterday'", assertThrows(ArticleParseException.class,
            () -> JsonLinesParser.parse("f", "o", "{\"body\":\"B\",\"publishedAt\":\"yesterday\"}", NOW)).getMessage());
        assertEquals("o: field 'title' must be a string, was NUMBER", assertThrows(ArticleParseException.class,
            () -> JsonLinesParser.parse("f", "o", "{\"body\":\"B\",\"title\":3}", NOW)).getMessage());
    }
}
