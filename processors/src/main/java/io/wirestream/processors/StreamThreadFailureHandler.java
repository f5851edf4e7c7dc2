package io.wirestream.processors;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happens to a thread of the processors that dies on an unexpected exception. A stream thread is
 * replaced after the wait of {@link ThreadReplacementBackoff}, spent on the failing thread itself; the global
 * thread cannot be replaced (asking for it makes Kafka Streams 4.3 fail with a ClassCastException on the way
 * down), so its failure stops the client ({@code ERROR}).
 *
 * <p>While a failed stream thread waits to be replaced, Kafka Streams still lists it in its old state
 * (usually {@code RUNNING}) although it processes nothing: {@link #awaitingReplacement()} counts such threads
 * so that readiness does not report them as working. Thread-safe.
 */
final class StreamThreadFailureHandler implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailureHandler.class);

    private final ThreadReplacementBackoff backoff;
    private final String knowledgeBaseTopic;
    private final AtomicInteger awaiting = new AtomicInteger();

    StreamThreadFailureHandler(ThreadReplacementBackoff backoff, String knowledgeBaseTopic) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.knowledgeBaseTopic = Objects.requireNonNull(knowledgeBaseTopic, "knowledgeBaseTopic");
    }

    /** Called on the failing thread; returns once the wait before its replacement is over. */
    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        if (Thread.currentThread().getName().endsWith("-GlobalStreamThread")) {
            log.error("The global thread ({} store) failed and cannot be replaced: stopping (state ERROR)", knowledgeBaseTopic, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        // a failure that repeats at once (registry or broker down) would otherwise cost a rebalance per attempt
        long wait = backoff.nextWaitMs();
        log.error("Stream thread failed ({} in a row); replacing it in {} ms, processing resumes from the last commit",
            backoff.consecutiveFailures(), wait, error);
        awaiting.incrementAndGet();
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaiting.decrementAndGet();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Stream threads that failed and are waiting to be replaced: listed as alive, processing nothing. */
    int awaitingReplacement() {
        return awaiting.get();
    }
}
