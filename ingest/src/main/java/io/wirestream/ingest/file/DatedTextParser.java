package io.wirestream.ingest.file;

import io.wirestream.avro.RawArticle;
import io.wirestream.ingest.ArticleParseException;
import io.wirestream.ingest.Articles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dated text format: one article per file, the file starting with optional spaces, the word
 * {@code date}, a date {@code YYYY-MM-DD} and then the article text (which may continue on the same line).
 * The date becomes the publication time at 00:00 UTC; the title is left to the cleaning stage.
 */
public final class DatedTextParser {
    private static final Pattern HEADER = Pattern.compile("\\A\\uFEFF?\\s*date\\s+(\\S+)\\s+", Pattern.CASE_INSENSITIVE);

    private DatedTextParser() {
    }

    public static RawArticle parse(String source, String origin, String content, Instant fetchedAt) throws ArticleParseException {
        Matcher m = HEADER.matcher(content);
        if (!m.find()) {
            String start = content.strip();
            throw new ArticleParseException(origin, "line 1: expected ' date YYYY-MM-DD <text>', found '"
                + (start.length() > 40 ? start.substring(0, 40) + "…" : start) + "'");
        }
        Instant published;
        try {
            published = LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ArticleParseException(origin, "line 1: '" + m.group(1) + "' is not a date YYYY-MM-DD");
        }
        String body = content.substring(m.end());
        if (body.isBlank()) {
            throw new ArticleParseException(origin, "line 1: the article has a date but no text");
        }
        return Articles.create(source, origin, null, null, body, published, fetchedAt, null, Map.of());
    }
}
