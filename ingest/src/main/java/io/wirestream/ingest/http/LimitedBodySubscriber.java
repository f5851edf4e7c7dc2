package io.wirestream.ingest.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit. Past the limit it cancels the subscription (which closes the
 * exchange, so no more bytes are read) and either fails with {@link TooLargeException} or, in truncating
 * mode, completes with the bytes it has.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    /** The body went past the limit; nothing of it is returned. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long limit) {
            super("response body is larger than " + limit + " bytes");
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final long limit;
    private final boolean truncate;
    private Flow.Subscription subscription;

    LimitedBodySubscriber(long limit, boolean truncate) {
        this.limit = limit;
        this.truncate = truncate;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int room = (int) Math.max(0, limit - buffer.size());
            if (b.remaining() > room) {
                subscription.cancel();
                if (truncate) {
                    byte[] part = new byte[room];
                    b.get(part);
                    buffer.write(part, 0, part.length);
                    result.complete(buffer.toByteArray());
                } else {
                    result.completeExceptionally(new TooLargeException(limit));
                }
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
