package io.wirestream.ops.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(20)
class DeadlineExecutorTest {
    @Test
    void shouldCloseTheConnectionOfAnExchangePastItsDeadlineAndRunTheNextOneUndisturbed() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             DeadlineExecutor executor = new DeadlineExecutor("test", 1, 4, Duration.ofMillis(300))) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.getLocalPort()));
            try (Socket silent = peer.accept()) {
                CompletableFuture<String> stalled = new CompletableFuture<>();
                long start = System.nanoTime();
                executor.execute(() -> {
                    try {
                        channel.read(ByteBuffer.allocate(16)); // the peer never writes
                        stalled.complete("read returned");
                    } catch (ClosedByInterruptException e) {
                        stalled.complete("closed after " + ((System.nanoTime() - start) / 100_000_000) + " tenths");
                    } catch (Exception e) {
                        stalled.complete(e.toString());
                    }
                });
                String outcome = stalled.get(5, TimeUnit.SECONDS);
                assertEquals(true, outcome.equals("closed after 3 tenths") || outcome.equals("closed after 4 tenths"), outcome);
                assertEquals(false, channel.isOpen());

                CompletableFuture<Boolean> next = new CompletableFuture<>();
                executor.execute(() -> {
                    try {
                        Thread.sleep(100);
                        next.complete(Thread.currentThread().isInterrupted());
                    } catch (InterruptedException e) {
                        next.complete(true);
                    }
                });
                assertEquals(false, next.get(5, TimeUnit.SECONDS), "the next exchange on the same thread is not interrupted");
            }
        }
    }

    @Test
    void shouldLetAnExchangeMoveItsOwnDeadline() throws Exception {
        try (DeadlineExecutor executor = new DeadlineExecutor("test", 1, 0, Duration.ofMillis(200))) {
            CompletableFuture<String> done = new CompletableFuture<>();
            executor.execute(() -> {
                executor.extendCurrent(Duration.ofSeconds(5));
                try {
                    Thread.sleep(600);
                    done.complete("finished");
                } catch (InterruptedException e) {
                    done.complete("interrupted");
                }
            });
            assertEquals("finished", done.get(5, TimeUnit.SECONDS));
        }
    }
}
