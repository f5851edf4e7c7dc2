package io.wirestream.ingest.http;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a fetch: either the body (decoded from gzip, at most the size limit) or "not modified".
 *
 * @param finalUri    where the content came from after redirects
 * @param notModified true when the server answered 304 to a conditional GET; the body is then empty
 * @param body        the content bytes, never null
 * @param contentType the Content-Type header, or null
 * @param validators  ETag and Last-Modified to send next time (the previous ones when not modified)
 */
public record FetchResult(URI finalUri, boolean notModified, byte[] body, String contentType, CacheValidators validators) {
    public FetchResult {
        Objects.requireNonNull(finalUri, "finalUri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(validators, "validators");
    }

    /** The charset parameter of the Content-Type, if the server declared one. */
    public Optional<String> declaredCharset() {
        return ContentTypes.charset(contentType);
    }
}
