package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.org/news/story-1|https://example.org/news/story-1",
            "HTTP://WWW.Example.ORG/news/Story-1|https://example.org/news/Story-1",
            "https://m.example.org/news/story-1|https://example.org/news/story-1",
            "https://mobile.example.org/news/story-1/|https://example.org/news/story-1",
            "https://amp.example.org/news/story-1|https://example.org/news/story-1",
            "https://www.example.org/amp/news/story-1|https://example.org/news/story-1",
            "https://www.example.org/news/story-1/amp|https://example.org/news/story-1",
            "https://www.example.org/news/story-1.amp|https://example.org/news/story-1",
            "https://example.org/news/story-1#comments|https://example.org/news/story-1",
            "https://example.org:443/news/story-1|https://example.org/news/story-1",
            "http://example.org:80/news/story-1|https://example.org/news/story-1",
            "https://example.org:8443/news/story-1|https://example.org:8443/news/story-1",
            "https://example.org/news/story-1?utm_source=rss&utm_medium=feed&utm_campaign=x|https://example.org/news/story-1",
            "https://example.org/news/story-1?fbclid=abc&gclid=def&yclid=1&ref=home|https://example.org/news/story-1",
            "https://example.org/news?page=2&id=7&utm_term=a|https://example.org/news?id=7&page=2",
            "https://example.org/news?amp=1&id=7|https://example.org/news?id=7",
            "https://example.org/news/index.html|https://example.org/news",
            "https://example.org/|https://example.org",
            "https://m.com/story|https://m.com/story",
    })
    void shouldCanonicalizeVariantsOfOneUrl(String input, String expected) {
        assertEquals(Optional.of(expected), canonicalizer.canonicalize(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "ftp://example.org/file", "mailto:desk@example.org",
            "/news/relative", "https://", "http://exa mple.org/x"})
    void shouldReturnEmptyForUrlsThatAreNotAbsoluteHttp(String input) {
        assertEquals(Optional.empty(), canonicalizer.canonicalize(input));
    }

    @Test
    void shouldReturnEmptyForNull() {
        assertEquals(Optional.empty(), canonicalizer.canonicalize(null));
    }

    @Test
    void shouldKeepPathCaseAndParameterValues() {
        assertEquals(Optional.of("https://example.org/News/Item?q=Berlin%20Wall"),
                canonicalizer.canonicalize("https://www.example.org/News/Item?q=Berlin%20Wall"));
    }
}
