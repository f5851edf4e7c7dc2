package io.wirestream.ingest.feed;

/** A feed document that cannot be read: broken XML, a DOCTYPE, bytes not in the declared encoding, not RSS or Atom. */
public class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
