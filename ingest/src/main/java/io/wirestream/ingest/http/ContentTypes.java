package io.wirestream.ingest.http;

import java.util.Locale;
import java.util.Optional;

/** Reads the parts of a Content-Type header value ({@code type/subtype; charset=...}). */
public final class ContentTypes {
    private ContentTypes() {
    }

    /** The media type in lower case without parameters, or empty. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter, unquoted, if present. */
    public static Optional<String> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String value = p.substring(8).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
