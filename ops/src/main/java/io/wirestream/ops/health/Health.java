package io.wirestream.ops.health;

/** The result of one {@link HealthCheck}: a status and a short human-readable detail. */
public record Health(Status status, String detail) {

    /**
     * What a check's state means for the orchestrator. Liveness fails only on {@link #DOWN} (restarting would help);
     * readiness fails on anything but {@link #UP}.
     */
    public enum Status {
        /** Working: live and ready. */
        UP(2),
        /** Alive but not able to do its work now (rebalancing, starting, a source failing): live, not ready. */
        NOT_READY(1),
        /** Broken beyond self-repair: neither live nor ready, the process should be restarted. */
        DOWN(0);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        /** The value exported in {@code wirestream_health_status}: 2 UP, 1 NOT_READY, 0 DOWN. */
        public int code() {
            return code;
        }
    }

    public Health {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        if (detail == null) {
            throw new IllegalArgumentException("detail must not be null (use \"\"), status " + status);
        }
    }

    public static Health up(String detail) {
        return new Health(Status.UP, detail);
    }

    public static Health notReady(String detail) {
        return new Health(Status.NOT_READY, detail);
    }

    public static Health down(String detail) {
        return new Health(Status.DOWN, detail);
    }
}
