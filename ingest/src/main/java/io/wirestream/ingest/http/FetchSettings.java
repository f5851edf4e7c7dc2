package io.wirestream.ingest.http;

import io.wirestream.ingest.IngestConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and manners of every feed and page request.
 *
 * @param userAgent        sent with every request; names Wirestream
 * @param robotName        the agent name robots.txt groups are matched against
 * @param connectTimeout   longest wait for a connection
 * @param requestTimeout   longest time for one exchange (headers and whole body) per redirect hop
 * @param maxResponseBytes largest body read, compressed and decoded alike
 * @param maxRedirects     redirects followed per fetch
 * @param hostDelay        least time between the starts of two requests to one host
 * @param respectRobots    whether robots.txt is obeyed
 * @param addressPolicy    which addresses may be fetched from (every redirect hop included)
 */
public record FetchSettings(String userAgent, String robotName, Duration connectTimeout, Duration requestTimeout,
                            int maxResponseBytes, int maxRedirects, Duration hostDelay, boolean respectRobots,
                            AddressPolicy addressPolicy) {
    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(addressPolicy, "addressPolicy");
        Objects.requireNonNull(robotName, "robotName");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, were connect=" + connectTimeout + " request=" + requestTimeout);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + maxResponseBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        }
        if (hostDelay.isNegative()) {
            throw new IllegalArgumentException("hostDelay must not be negative, was " + hostDelay);
        }
    }

    public static FetchSettings from(IngestConfig config) {
        return new FetchSettings(config.getString(IngestConfig.HTTP_USER_AGENT), "wirestream",
            Duration.ofMillis(config.getInt(IngestConfig.HTTP_CONNECT_TIMEOUT_MS)),
            Duration.ofMillis(config.getInt(IngestConfig.HTTP_REQUEST_TIMEOUT_MS)),
            config.getInt(IngestConfig.HTTP_MAX_RESPONSE_BYTES),
            config.getInt(IngestConfig.HTTP_MAX_REDIRECTS),
            Duration.ofMillis(config.getInt(IngestConfig.HTTP_HOST_DELAY_MS)),
            config.getBoolean(IngestConfig.HTTP_ROBOTS),
            AddressPolicy.allowing(config.getList(IngestConfig.HTTP_ALLOWED_ADDRESSES)));
    }
}
