package io.wirestream.ingest.source;

/**
 * What each source has published, so that a feed showing the same items again (or a restart) does not
 * publish them twice. Bounded: each source remembers its most recent items only. Only an optimisation:
 * articles keep stable keys and the dedup stage drops copies that get through anyway.
 * Implementations are thread-safe.
 */
public interface PublishedItems extends AutoCloseable {
    boolean contains(String source, String itemKey);

    /** Remembers an item; call it once Kafka has acknowledged the article. */
    void remember(String source, String itemKey);

    /** Writes out what is pending; a no-op for memory-only stores. */
    default void flush() {
    }

    @Override
    void close();
}
