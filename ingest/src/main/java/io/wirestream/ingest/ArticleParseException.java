package io.wirestream.ingest;

/** An input item that is not a valid article; the message names the origin (file and line, or URL). */
public class ArticleParseException extends Exception {
    private final String origin;

    public ArticleParseException(String origin, String message) {
        super(origin + ": " + message);
        this.origin = origin;
    }

    public ArticleParseException(String origin, String message, Throwable cause) {
        super(origin + ": " + message, cause);
        this.origin = origin;
    }

    public String origin() {
        return origin;
    }
}
