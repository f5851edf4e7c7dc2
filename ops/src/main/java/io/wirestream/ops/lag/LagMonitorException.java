package io.wirestream.ops.lag;

/** A poll of the cluster failed (broker unreachable, timeout, authorisation); the message says which step. */
public final class LagMonitorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LagMonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
