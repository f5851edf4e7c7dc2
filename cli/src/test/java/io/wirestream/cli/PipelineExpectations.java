package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the stages after cleaning must have written into the enriched article of the English harbour sample. */
final class PipelineExpectations {
    private PipelineExpectations() {
    }

    static void assertEnrichedFields(JsonNode article) {
        assertEquals("https://news.example.org/harbour?utm_source=rss", article.get("url").asText());
        assertEquals("[\"clean\",\"dedup\",\"language\",\"entities\",\"stories\"]", article.get("processing").get("stages").toString());
        assertTrue(article.get("story").get("id").asText().startsWith("story-"), article.get("story").toString());
        assertEquals("en", article.get("language").asText());
        assertEquals("UNIQUE", article.get("dedup").get("status").asText());
        assertEquals("https://news.example.org/harbour", article.get("canonicalUrl").asText());
        assertEquals(64, article.get("dedup").get("fingerprint").asText().length());
        assertTrue(article.get("languageConfidence").asDouble() > 0.1, article.toString());
        JsonNode hamburg = null;
        for (JsonNode e : article.get("entities")) {
            if (e.get("canonicalName").asText().equals("Hamburg")) {
                hamburg = e;
            }
        }
        assertNotNull(hamburg, "Hamburg not tagged: " + article.get("entities"));
        assertEquals("LOCATION", hamburg.get("type").asText());
        JsonNode mention = hamburg.get("mentions").get(0);
        String body = article.get("body").asText();
        assertEquals("Hamburg", body.substring(mention.get("start").asInt(), mention.get("end").asInt()));
    }
}
