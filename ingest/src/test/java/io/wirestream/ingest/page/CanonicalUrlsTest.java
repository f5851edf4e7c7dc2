package io.wirestream.ingest.page;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CanonicalUrlsTest {
    private static String choose(String fetched, String canonical) {
        return CanonicalUrls.choose(URI.create(fetched), canonical);
    }

    @Test
    void shouldHonourACanonicalWithinTheSameRegistrableDomain() {
        assertEquals("https://www.bbc.co.uk/news/a", choose("https://m.bbc.co.uk/news/a?x=1", "https://www.bbc.co.uk/news/a"));
        assertEquals("https://example.com/story", choose("http://www.example.com/story?amp", "https://example.com/story"));
        assertEquals("http://127.0.0.1:8080/b", choose("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b"));
    }

    @Test
    void shouldKeepTheFetchedUrlWhenTheCanonicalBelongsToAnotherSite() {
        assertEquals("https://evil.co.uk/copy", choose("https://evil.co.uk/copy", "https://www.bbc.co.uk/news/a"));
        // a public suffix is not a site: co.uk, and private suffixes such as github.io
        assertEquals("https://alice.github.io/post", choose("https://alice.github.io/post", "https://bob.github.io/post"));
        assertEquals("https://news.example.org/a", choose("https://news.example.org/a", "https://www.other.example/a"));
        assertEquals("http://127.0.0.1:8080/a", choose("http://127.0.0.1:8080/a", "http://127.0.0.2:8080/a"));
        assertEquals("https://www.example.com/a", choose("https://www.example.com/a", "ftp://www.example.com/a"));
        assertEquals("https://www.example.com/a", choose("https://www.example.com/a", "not a url at all"));
        assertEquals("https://www.example.com/a", choose("https://www.example.com/a", null));
    }
}
