package io.wirestream.registry.client;

/**
 * A registry request that failed: refused by the registry (a 4xx, or a 5xx after all retries) or never
 * answered (connection or timeout failures after all retries).
 *
 * <p>The message names the request (method and URL, never credentials), the subject or id concerned, and
 * what the registry answered.
 */
public class SchemaRegistryException extends RuntimeException {
    /** {@link #httpStatus()} and {@link #errorCode()} when no HTTP answer was received. */
    public static final int NO_RESPONSE = -1;

    private final int httpStatus;
    private final int errorCode;
    private final String url;
    private final String registryMessage;

    public SchemaRegistryException(String message, String url, int httpStatus, int errorCode,
                                   String registryMessage, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** The HTTP status of the registry's answer, or {@link #NO_RESPONSE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The registry's {@code error_code} (for example 40401 subject not found, 40403 schema not found,
     * 409 incompatible, 42201 invalid schema), the HTTP status when the body had none, or
     * {@link #NO_RESPONSE}.
     */
    public int errorCode() {
        return errorCode;
    }

    /** The URL of the failed request, without credentials. */
    public String url() {
        return url;
    }

    /** The registry's {@code message} (or the start of its body), or the I/O failure when there was no answer. */
    public String registryMessage() {
        return registryMessage;
    }
}
