package io.wirestream.ingest.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.RawArticle;
import io.wirestream.ingest.ArticleParseException;
import io.wirestream.ingest.Articles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses one JSON Lines record into a {@link RawArticle}. Fields: {@code body} (or {@code text}; required,
 * non-empty), {@code url}, {@code title}, {@code publishedAt} (ISO-8601 instant or offset date-time, a date
 * {@code YYYY-MM-DD}, or epoch milliseconds), {@code language}, {@code source}, {@code attributes} (an
 * object of strings). Unknown fields are kept in the attributes, so nothing the producer sent is lost.
 * This is also the JSON accepted by the HTTP push endpoint.
 */
public final class JsonLinesParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of("body", "text", "url", "title", "publishedAt", "language", "source", "attributes");

    private JsonLinesParser() {
    }

    public static RawArticle parse(String defaultSource, String origin, String line, Instant fetchedAt) throws ArticleParseException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ArticleParseException(origin, "malformed JSON: " + e.getOriginalMessage()
                + " (column " + e.getLocation().getColumnNr() + ")");
        }
        return fromJson(defaultSource, origin, node, fetchedAt);
    }

    public static RawArticle fromJson(String defaultSource, String origin, JsonNode node, Instant fetchedAt) throws ArticleParseException {
        if (node == null || !node.isObject()) {
            throw new ArticleParseException(origin, "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        String body = text(node, "body", origin);
        if (body == null) {
            body = text(node, "text", origin);
        }
        if (body == null || body.isBlank()) {
            throw new ArticleParseException(origin, "field 'body' is missing or empty");
        }
        String url = text(node, "url", origin);
        String scheme = url == null ? "" : url.substring(0, Math.min(url.length(), 8)).toLowerCase(java.util.Locale.ROOT);
        if (url != null && !(scheme.startsWith("http://") || scheme.startsWith("https://"))) {
            throw new ArticleParseException(origin, "field 'url' must be an http or https URL, was '" + url + "'");
        }
        String source = text(node, "source", origin);
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode attrs = node.get("attributes");
        if (attrs != null && !attrs.isNull()) {
            if (!attrs.isObject()) {
                throw new ArticleParseException(origin, "field 'attributes' must be an object of strings");
            }
            attrs.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey()) && !e.getValue().isNull()) {
                attributes.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return Articles.create(source == null ? defaultSource : source, origin, url, text(node, "title", origin), body,
            publishedAt(node.get("publishedAt"), origin), fetchedAt, text(node, "language", origin), attributes);
    }

    private static String text(JsonNode node, String field, String origin) throws ArticleParseException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ArticleParseException(origin, "field '" + field + "' must be a string, was " + v.getNodeType());
        }
        return v.asText();
    }

    static Instant publishedAt(JsonNode v, String origin) throws ArticleParseException {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new ArticleParseException(origin, "field 'publishedAt' is " + v.asText() + ", too large for epoch milliseconds");
            }
            return Instant.ofEpochMilli(v.asLong());
        }
        if (!v.isTextual()) {
            throw new ArticleParseException(origin, "field 'publishedAt' must be a string or epoch milliseconds");
        }
        String s = v.asText().strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new ArticleParseException(origin, "field 'publishedAt' is not an ISO-8601 date or date-time: '" + s + "'");
        }
    }
}
