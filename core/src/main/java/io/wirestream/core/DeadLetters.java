package io.wirestream.core;

import io.wirestream.avro.DeadLetter;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds {@link DeadLetter} records. The message is the exception's message and those of its causes,
 * so the reason reads without a stack trace; the class is that of the outermost exception unless a
 * more specific root cause explains it better (a wrapping exception with no message of its own).
 */
public final class DeadLetters {
    /** Longest error message kept; longer ones are cut with a note, so a dead letter stays small. */
    public static final int MAX_MESSAGE_CHARS = 4_000;

    private DeadLetters() {
    }

    /** Where a failed record was: a Kafka position, or an origin outside Kafka (a file and line, a URL). */
    public record Source(String topic, Integer partition, Long offset, String origin) {
        public static Source kafka(String topic, int partition, long offset) {
            return new Source(topic, partition, offset, null);
        }

        public static Source outsideKafka(String origin) {
            return new Source(null, null, null, Objects.requireNonNull(origin, "origin"));
        }
    }

    public static DeadLetter of(byte[] key, byte[] value, Source source, String stage, Throwable error,
                                String applicationId, Instant failedAt) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(error, "error");
        Throwable reported = error;
        while (reported.getCause() != null && reported.getMessage() != null
            && reported.getMessage().equals(String.valueOf(reported.getCause()))) {
            reported = reported.getCause();
        }
        return DeadLetter.newBuilder()
            .setKey(key == null ? null : ByteBuffer.wrap(key))
            .setValue(value == null ? null : ByteBuffer.wrap(value))
            .setTopic(source.topic())
            .setPartition(source.partition())
            .setOffset(source.offset())
            .setOrigin(source.origin())
            .setStage(stage)
            .setErrorClass(reported.getClass().getName())
            .setErrorMessage(describe(error))
            .setFailedAt(failedAt)
            .setApplicationId(applicationId)
            .build();
    }

    /** The message of an error and of each distinct cause, joined with "; caused by ". */
    public static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        int depth = 0;
        while (t != null && depth++ < 8) {
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(msg) < 0) {
                if (sb.length() > 0) {
                    sb.append("; caused by ");
                }
                sb.append(t.getCause() != null || t.getMessage() == null ? t.getClass().getSimpleName() + ": " + msg : msg);
            }
            t = t.getCause();
        }
        if (sb.length() > MAX_MESSAGE_CHARS) {
            sb.setLength(MAX_MESSAGE_CHARS);
            sb.append(" ... (cut at ").append(MAX_MESSAGE_CHARS).append(" chars)");
        }
        return sb.toString();
    }
}
