package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the stages after cleaning must have written into an enriched article of the English harbour sample. */
final class PipelineExpectations {
    private PipelineExpectations() {
    }

    static void assertEnrichedFields(JsonNode article) {
        assertEquals("https://news.example.org/harbour?utm_source=rss", article.get("url").asText());
        assertEquals("[\"clean\"]", article.get("processing").get("stages").toString());
    }
}
