package io.wirestream.processors.errors;

/** Which failures say nothing about the record being processed, so that it must not become a dead letter. */
public final class TransientFailures {

    private TransientFailures() {
    }

    /**
     * Whether a failure says nothing about the record itself: the registry or the network is unavailable.
     * Such a record must not become a dead letter (it is fine); the handlers fail the stream thread instead,
     * which the application replaces, and processing resumes from the last commit once the registry answers.
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            // network failures only: a decoding error (Avro's EOFException on a truncated record) is also an
            // IOException, but it is the record's fault and must become a dead letter
            if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpTimeoutException
                || t instanceof java.net.SocketTimeoutException || t instanceof java.net.UnknownHostException) {
                return true;
            }
            if (t instanceof io.wirestream.registry.client.SchemaRegistryException e
                && (e.httpStatus() <= 0 || e.httpStatus() >= 500 || e.httpStatus() == 429
                    || e.httpStatus() == 401 || e.httpStatus() == 403)) {
                return true;
            }
        }
        return false;
    }
}
