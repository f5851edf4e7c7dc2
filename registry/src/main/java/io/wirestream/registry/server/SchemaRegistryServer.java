package io.wirestream.registry.server;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry serving the Confluent Schema Registry REST API (Avro schemas), storing its state in a
 * compacted Kafka topic: the registry of the embedded default (demo, tests, local development).
 *
 * <p>Limits: one server per topic (no leader election or forwarding; a second writer would hand out the
 * same ids); Avro only, without schema references; no deletion endpoints, authentication or https.
 */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int HTTP_THREADS = 4;

    private final HttpServer http;
    private final ExecutorService executor;
    private final KafkaRegistryJournal journal;
    private final String url;

    private SchemaRegistryServer(HttpServer http, ExecutorService executor, KafkaRegistryJournal journal, String url) {
        this.http = http;
        this.executor = executor;
        this.journal = journal;
        this.url = url;
    }

    /** Reads the schemas topic (creating it if missing), then serves; returns once requests are served. */
    public static SchemaRegistryServer start(RegistryServerConfig config) {
        List<RegistryEntry> stored = new ArrayList<>();
        KafkaRegistryJournal journal = KafkaRegistryJournal.open(config, stored::add);
        ExecutorService executor = null;
        try {
            RegistryService registry = new RegistryService(journal, config.compatibilityLevel());
            stored.forEach(registry::replay);
            URI listener = config.listener();
            HttpServer http = HttpServer.create(new InetSocketAddress(listener.getHost(), listener.getPort()), 64);
            executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
            http.setExecutor(executor);
            http.createContext("/", new RegistryHttpHandler(registry));
            http.start();
            String url = "http://" + listener.getHost() + ":" + http.getAddress().getPort();
            log.info("Schema registry serving {} ({} schema versions and config entries from topic '{}')", url,
                stored.size(), config.topic());
            return new SchemaRegistryServer(http, executor, journal, url);
        } catch (IOException e) {
            journal.close();
            if (executor != null) {
                executor.shutdownNow();
            }
            throw new UncheckedIOException("cannot listen on " + config.listener() + " ("
                + RegistryServerConfig.LISTENERS_CONFIG + ")", e);
        } catch (RuntimeException e) {
            journal.close();
            if (executor != null) {
                executor.shutdownNow();
            }
            throw e;
        }
    }

    public static SchemaRegistryServer start(Map<String, ?> configs) {
        return start(new RegistryServerConfig(configs));
    }

    /** The base URL clients use, for example {@code http://127.0.0.1:40123}. */
    public String url() {
        return url;
    }

    /** Stops serving (requests in progress get up to a second) and closes the Kafka clients. */
    @Override
    public void close() {
        http.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
        log.info("Schema registry at {} stopped", url);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "wirestream-registry-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
