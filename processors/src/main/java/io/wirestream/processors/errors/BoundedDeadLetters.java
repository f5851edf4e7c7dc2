package io.wirestream.processors.errors;

import io.wirestream.avro.DeadLetter;
import io.wirestream.core.DeadLetters;

import java.time.Instant;
import java.util.Arrays;

/**
 * Dead letters of the processors, cut to a size the producer and the topic accept. A record can fail
 * because it is too large (a 1 MB value that grew in a stage, or one that is not an article at all); its
 * dead letter carries the original bytes plus the reason, so without a limit it would be larger still and
 * could never be written, and the stream thread would stop on it.
 *
 * <p>Rule: key and value together keep at most {@code maxBytes} (the setting {@code dead.letter.max.bytes});
 * the key keeps at most {@value #MAX_KEY_BYTES} bytes of that, the value the rest, each a prefix of the
 * original. A cut is stated at the end of the error message with the original sizes.
 */
public final class BoundedDeadLetters {
    /** Most bytes of an original key a dead letter keeps (ids are far shorter). */
    public static final int MAX_KEY_BYTES = 1024;

    private BoundedDeadLetters() {
    }

    public static DeadLetter of(byte[] key, byte[] value, DeadLetters.Source source, String stage, Throwable error,
                                String applicationId, Instant failedAt, int maxBytes) {
        if (maxBytes < MAX_KEY_BYTES) {
            throw new IllegalArgumentException("maxBytes must be at least " + MAX_KEY_BYTES + ", got " + maxBytes);
        }
        byte[] keptKey = prefix(key, Math.min(MAX_KEY_BYTES, maxBytes));
        byte[] keptValue = prefix(value, maxBytes - (keptKey == null ? 0 : keptKey.length));
        DeadLetter letter = DeadLetters.of(keptKey, keptValue, source, stage, error, applicationId, failedAt);
        String note = note("key", key, keptKey) + note("value", value, keptValue);
        if (!note.isEmpty()) {
            letter.setErrorMessage(letter.getErrorMessage() + " [dead letter cut:" + note + "]");
        }
        return letter;
    }

    private static byte[] prefix(byte[] bytes, int max) {
        return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, Math.max(0, max));
    }

    private static String note(String what, byte[] original, byte[] kept) {
        return original == null || original.length == kept.length ? ""
            : " original " + what + " of " + original.length + " bytes, first " + kept.length + " kept;";
    }
}
