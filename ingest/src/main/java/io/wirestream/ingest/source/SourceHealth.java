package io.wirestream.ingest.source;

import java.time.Instant;

/**
 * A point-in-time view of one source, for logs, the CLI and health endpoints. Counts are since start.
 *
 * @param fetched             items read from the source (feed entries, pages, file articles, pushed articles)
 * @param published           articles Kafka acknowledged
 * @param failed              items that could not be published (dead-lettered, or to be retried)
 * @param skipped             items already published before (not sent again)
 * @param notModified         polls answered "304 Not Modified"
 * @param pollFailures        polls that failed as a whole (HTTP error, timeout, broken feed)
 * @param consecutiveFailures polls failed in a row; 0 after a success
 * @param lastSuccess         end of the last successful poll, or null
 * @param lastOutcome         one line describing the last poll, or null before the first
 */
public record SourceHealth(String name, SourceKind kind, long fetched, long published, long failed, long skipped,
                           long notModified, long pollFailures, int consecutiveFailures, Instant lastSuccess,
                           String lastOutcome) {
    /** Whether the last poll succeeded (or none has failed yet). */
    public boolean healthy() {
        return consecutiveFailures == 0;
    }
}
