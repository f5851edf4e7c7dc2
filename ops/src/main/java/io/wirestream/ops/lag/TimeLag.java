package io.wirestream.ops.lag;

/**
 * How far behind in time a consumer is on one partition: the estimated age of the oldest record it has not
 * consumed yet.
 *
 * @param seconds the estimate, {@code >= 0}; {@link Double#NaN} when {@link Method#UNKNOWN}
 */
public record TimeLag(Method method, double seconds) {

    /** How the estimate was obtained, from the most to the least trustworthy. */
    public enum Method {
        /** The committed offset is at (or past) the latest log end observed: nothing to consume. */
        CAUGHT_UP,
        /** The committed offset lies between two observed log ends: linear interpolation. */
        INTERPOLATED,
        /** The committed offset is older than every observed log end: extrapolated from the observed trend. */
        EXTRAPOLATED,
        /**
         * The committed offset is older than every observation and the log end never moved while observed, so
         * no trend exists: the value is the age of the oldest observation, a lower bound of the true lag.
         */
        LOWER_BOUND,
        /** Fewer than two observations: no estimate yet. */
        UNKNOWN
    }

    public static final TimeLag CAUGHT_UP = new TimeLag(Method.CAUGHT_UP, 0.0);
    public static final TimeLag UNKNOWN = new TimeLag(Method.UNKNOWN, Double.NaN);

    public TimeLag {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (method == Method.UNKNOWN != Double.isNaN(seconds)) {
            throw new IllegalArgumentException("seconds must be NaN exactly when the method is UNKNOWN, was "
                + seconds + " with " + method);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 0, was " + seconds);
        }
    }

    public boolean isKnown() {
        return method != Method.UNKNOWN;
    }
}
