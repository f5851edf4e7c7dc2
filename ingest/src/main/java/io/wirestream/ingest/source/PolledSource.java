package io.wirestream.ingest.source;

/** A source that the {@link IngestService} polls on a schedule: feeds, pages, watched folders. */
public interface PolledSource extends AutoCloseable {
    SourceDefinition definition();

    /**
     * One poll. Failures of the source (HTTP errors, broken documents, unreadable files) are outcomes, not
     * exceptions; a poll publishes what it finds and returns once Kafka has answered for all of it.
     */
    PollOutcome poll() throws InterruptedException;

    /**
     * Called once before the first poll. A source that learns of new input between polls (a folder watcher)
     * calls {@code pollWithin} to have its next poll start no later than the given delay.
     */
    default void start(java.util.function.Consumer<java.time.Duration> pollWithin) {
    }

    /** Called once the service stops polling. */
    @Override
    default void close() {
    }
}
