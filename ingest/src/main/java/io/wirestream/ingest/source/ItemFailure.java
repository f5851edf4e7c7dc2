package io.wirestream.ingest.source;

/**
 * One item of a source could not become an article. Transient failures (the page timed out, 5xx) are
 * retried in later polls; permanent ones are dead-lettered with {@link #original()} and not tried again.
 */
public class ItemFailure extends Exception {
    private final boolean transientFailure;
    private final transient byte[] original;

    public ItemFailure(String message, boolean transientFailure, byte[] original, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.original = original;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    /** The bytes the item came as (a page, an entry), or null. */
    public byte[] original() {
        return original;
    }
}
