package io.wirestream.ops.lag;

/**
 * The health of a consumer on a partition or of a whole group, in increasing severity: a group takes the
 * status of its worst partition. The numeric {@link #code()} is what the metrics export.
 */
public enum LagStatus {
    /** Caught up, or consuming without a growing backlog. */
    OK(0),
    /** Consuming, but the lag grew in every interval of the window: consumers are slower than producers. */
    WARNING(1),
    /** The committed offset did not move for the whole window while lag remained: the consumer stopped. */
    STALLED(2),
    /** The committed offset went backwards, or fell below the log start (records deleted before being read). */
    ERROR(3);

    private final int code;

    LagStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public LagStatus worst(LagStatus other) {
        return other.code > code ? other : this;
    }
}
