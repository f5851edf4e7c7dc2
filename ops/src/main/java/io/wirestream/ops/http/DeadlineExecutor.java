package io.wirestream.ops.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of a JDK {@code HttpServer}: a bounded pool whose every exchange has a deadline. The JDK server
 * reads a request's line and headers on the executor's thread, so a client that sends half a request and
 * stalls holds a thread; with a few such clients a small pool serves nobody else. Here a watchdog interrupts
 * the thread of an exchange past its deadline. The server's socket channel is interruptible, so the
 * interrupt closes that connection and frees the thread. A handler that has read its request and then waits
 * for something else (Kafka's acknowledgement) moves its own deadline with {@link #extendCurrent}.
 *
 * <p>Bounded: {@code threads} threads and a queue of {@code queue} exchanges; past that, new connections are
 * refused (the server closes them). Thread-safe.
 */
public final class DeadlineExecutor implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadlineExecutor.class);
    private static final long WATCH_EVERY_MS = 50;

    private final String name;
    private final Duration deadline;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    /** Threads running an exchange, with the System.nanoTime() deadline of that exchange. */
    private final Map<Thread, Long> running = new ConcurrentHashMap<>();

    public DeadlineExecutor(String name, int threads, int queue, Duration deadline) {
        if (threads < 1 || queue < 0 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("threads must be positive, queue not negative and the deadline positive; were "
                + threads + ", " + queue + ", " + deadline);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.deadline = deadline;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
            queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue), r -> {
                Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-deadlines");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::interruptOverdue, WATCH_EVERY_MS, WATCH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> {
            Thread me = Thread.currentThread();
            running.put(me, System.nanoTime() + deadline.toNanos());
            try {
                exchange.run();
            } finally {
                // Removed under the map's lock for this key, so the watchdog cannot interrupt the next exchange.
                running.remove(me);
                Thread.interrupted();
            }
        });
    }

    /**
     * Gives the exchange running on the calling thread {@code more} from now (for a handler that has read its
     * request and waits for an answer from elsewhere, within its own time limit).
     */
    public void extendCurrent(Duration more) {
        running.computeIfPresent(Thread.currentThread(), (t, old) -> System.nanoTime() + more.toNanos());
    }

    private void interruptOverdue() {
        long now = System.nanoTime();
        for (Thread t : running.keySet()) {
            running.computeIfPresent(t, (thread, due) -> {
                if (now - due >= 0) {
                    log.debug("{}: an exchange ran past its deadline of {} ms; closing its connection", name, deadline.toMillis());
                    thread.interrupt();
                    // Once: an exchange that ignores the interrupt is not interrupted again and again.
                    return now + TimeUnit.DAYS.toNanos(365);
                }
                return due;
            });
        }
    }

    /** Threads busy with an exchange (for tests and metrics). */
    public int active() {
        return running.size();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.shutdownNow();
    }
}
