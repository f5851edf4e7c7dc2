package io.wirestream.ingest.source;

import java.util.Map;
import java.util.Set;

/** The options each kind of source accepts in the sources file, with their meaning (for validation and docs). */
public final class SourceOptions {
    /** feed: fetch the page of items that carry only a summary (true, default) or publish the summary (false). */
    public static final String FETCH_PAGES = "fetch-pages";
    /** feed, page: fewer characters of text than this count as "only a summary" (feed) or "no article" (page). */
    public static final String MIN_CONTENT_CHARS = "min-content-chars";
    /** folder: how long a file must stay unchanged before it is read (a duration, e.g. 2s). */
    public static final String STABLE = "stable";
    /** push: the address to listen on (default 127.0.0.1; 0.0.0.0 for all interfaces). */
    public static final String BIND = "bind";
    /** push: most articles per request. */
    public static final String MAX_BATCH = "max-batch";

    public static final int DEFAULT_MIN_CONTENT_CHARS = 400;

    static final Map<SourceKind, Set<String>> ALLOWED = Map.of(
        SourceKind.FEED, Set.of(FETCH_PAGES, MIN_CONTENT_CHARS),
        SourceKind.PAGE, Set.of(MIN_CONTENT_CHARS),
        SourceKind.FOLDER, Set.of(STABLE),
        SourceKind.PUSH, Set.of(BIND, MAX_BATCH));

    private SourceOptions() {
    }

    public static int minContentChars(SourceDefinition d) {
        return d.option(MIN_CONTENT_CHARS).map(Integer::parseInt).orElse(DEFAULT_MIN_CONTENT_CHARS);
    }

    public static boolean fetchPages(SourceDefinition d) {
        return d.option(FETCH_PAGES).map(Boolean::parseBoolean).orElse(true);
    }
}
