package io.wirestream.ingest.http;

/**
 * What a server said about a resource's version, sent back on the next request for a conditional GET
 * ({@code If-None-Match}, {@code If-Modified-Since}). Either part may be null.
 */
public record CacheValidators(String etag, String lastModified) {
    public static final CacheValidators NONE = new CacheValidators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
