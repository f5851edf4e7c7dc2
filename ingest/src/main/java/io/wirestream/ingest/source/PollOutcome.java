package io.wirestream.ingest.source;

import java.time.Duration;

/**
 * The result of one poll of a source.
 *
 * @param status       how the poll went as a whole
 * @param fetched      items read
 * @param published    articles Kafka acknowledged
 * @param skipped      items published before, not sent again
 * @param failed       items that could not be published
 * @param message      for a failed poll, the reason naming the URL or path; else a short note or null
 * @param pollSoon     when not null, the source wants its next poll no later than this (e.g. a file still growing)
 */
public record PollOutcome(Status status, int fetched, int published, int skipped, int failed, String message,
                          Duration pollSoon) {
    public enum Status { OK, NOT_MODIFIED, FAILED }

    public static PollOutcome notModified() {
        return new PollOutcome(Status.NOT_MODIFIED, 0, 0, 0, 0, null, null);
    }

    public static PollOutcome failed(String message) {
        return new PollOutcome(Status.FAILED, 0, 0, 0, 0, message, null);
    }

    public String describe() {
        return switch (status) {
            case NOT_MODIFIED -> "outcome=not-modified";
            case FAILED -> "outcome=failed reason=\"" + message + "\"";
            case OK -> "outcome=ok fetched=" + fetched + " published=" + published + " skipped=" + skipped + " failed=" + failed
                + (message == null ? "" : " note=\"" + message + "\"");
        };
    }
}
