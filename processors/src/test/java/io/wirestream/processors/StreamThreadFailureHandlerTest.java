package io.wirestream.processors;

import io.wirestream.ops.health.Health;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(30)
class StreamThreadFailureHandlerTest {
    private static StreamThreadFailureHandler handler(long waitMs) {
        return new StreamThreadFailureHandler(new ThreadReplacementBackoff(waitMs, waitMs, System::currentTimeMillis), "news.kb");
    }

    /** Runs the handler on a thread named as Kafka Streams names its threads. */
    private static CompletableFuture<StreamThreadExceptionResponse> failOn(StreamThreadFailureHandler handler, String threadName) {
        CompletableFuture<StreamThreadExceptionResponse> response = new CompletableFuture<>();
        Thread t = new Thread(() -> response.complete(handler.handle(new IllegalStateException("registry unreachable"))), threadName);
        t.start();
        return response;
    }

    @Test
    void shouldMakeReadinessFailWhileAFailedStreamThreadWaitsToBeReplaced() throws Exception {
        StreamThreadFailureHandler handler = handler(3_000);
        // Kafka Streams keeps listing the failed thread as RUNNING until the handler returns
        StreamThreadsHealthCheck readiness = new StreamThreadsHealthCheck(() -> List.of("RUNNING"), handler::awaitingReplacement, 1);
        assertEquals(Health.Status.UP, readiness.check().status());

        CompletableFuture<StreamThreadExceptionResponse> response = failOn(handler, "app-1-StreamThread-1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (handler.awaitingReplacement() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(new Health(Health.Status.NOT_READY,
            "0 of 1 stream threads alive [RUNNING], 1 of them failed and waiting to be replaced"), readiness.check());
        assertEquals(false, response.isDone(), "the thread is replaced only after the wait");

        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, response.get(10, TimeUnit.SECONDS));
        assertEquals(0, handler.awaitingReplacement());
        assertEquals(Health.Status.UP, readiness.check().status());
    }

    @Test
    void shouldStopTheClientWhenTheGlobalThreadFails() throws Exception {
        StreamThreadFailureHandler handler = handler(60_000);
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
            failOn(handler, "app-1-GlobalStreamThread").get(5, TimeUnit.SECONDS), "no wait, no replacement");
        assertEquals(0, handler.awaitingReplacement());
    }
}
