package io.wirestream.processors.route;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a route writes its records' values; the key is always the article id as a UTF-8 string. */
public enum RouteFormat {
    /** The EnrichedArticle in Avro, Confluent wire format, schema registered under the configured subject strategy. */
    AVRO,
    /**
     * One JSON object per record (UTF-8), the article as {@code bin/wirestream tail} prints a value: fields in
     * schema order, unions unwrapped, enums as their symbol, timestamps as epoch milliseconds.
     */
    JSON;

    /** The name used in routes files: {@code avro} or {@code json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RouteFormat> parse(String text) {
        return Arrays.stream(values()).filter(f -> f.label().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
