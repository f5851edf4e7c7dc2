package io.wirestream.ops.lag;

/** A status with the reason an operator reads to act on it. */
public record Verdict(LagStatus status, String reason) {
    public Verdict {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank (status " + status + ")");
        }
    }
}
