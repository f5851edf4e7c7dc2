package io.wirestream.ingest.source;

import java.util.Locale;
import java.util.Optional;

/** The kinds of live source; the name is what the sources file says in {@code kind}. */
public enum SourceKind {
    /** An RSS or Atom feed, polled; items with only a summary get their page fetched. */
    FEED,
    /** One article page, polled; published again only when its text changes. */
    PAGE,
    /** A folder watched for new .txt, .jsonl and .ndjson files. */
    FOLDER,
    /** An HTTP endpoint that accepts POSTed articles. */
    PUSH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceKind> parse(String s) {
        for (SourceKind k : values()) {
            if (k.label().equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
