package io.wirestream.ingest.http;

import java.net.URI;

/**
 * A fetch that did not give content. The message names the URL and what went wrong; {@link #kind()} tells
 * whether trying again later may help ({@link Kind#transientFailure()}).
 */
public class FetchException extends Exception {
    /** Why a fetch failed. */
    public enum Kind {
        /** The server answered 4xx (other than 429): the resource is not there for us. */
        CLIENT_ERROR(false),
        /** The server answered 5xx or 429. */
        SERVER_ERROR(true),
        /** Connection or read took longer than the limits. */
        TIMEOUT(true),
        /** Connection refused, reset, DNS failure, broken gzip. */
        NETWORK(true),
        /** The body is larger than the response size limit. */
        TOO_LARGE(false),
        /** Too many redirects, a redirect without Location, or to a scheme other than http/https. */
        BAD_REDIRECT(false),
        /** The URL is not http or https. */
        UNSUPPORTED_URL(false),
        /** robots.txt forbids the URL to our agent. */
        ROBOTS_DISALLOWED(false),
        /** The host resolves to an address that is not public and not allowed ({@link AddressPolicy}). */
        REFUSED_ADDRESS(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final URI uri;
    private final int status;

    public FetchException(Kind kind, URI uri, int status, String message, Throwable cause) {
        super(uri + ": " + message, cause);
        this.kind = kind;
        this.uri = uri;
        this.status = status;
    }

    public FetchException(Kind kind, URI uri, String message) {
        this(kind, uri, 0, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status for {@link Kind#CLIENT_ERROR} and {@link Kind#SERVER_ERROR}, else 0. */
    public int status() {
        return status;
    }
}
