package io.wirestream.cli;

import io.wirestream.core.ConnectionOptions;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs the processors application until stopped. */
@Command(name = "process", mixinStandardHelpOptions = true,
    description = {"Run the processors (Kafka Streams, exactly-once): <prefix>.raw -> clean -> dedup -> language -> entities -> <prefix>.enriched.",
        "Instances with the same application.id share the partitions. Ctrl-C stops cleanly."})
final class ProcessCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Override
    public Integer call() throws InterruptedException {
        ProcessorConfig config = new ProcessorConfig(connection.resolve(System.getenv()));
        ProcessorApp app = new ProcessorApp(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "wirestream-process-shutdown"));
        app.start();
        // Kafka Streams in ERROR processes nothing more (the global thread failed): exit, so that the process is restarted
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (app.awaitFailure(Duration.ZERO)) {
                System.err.println("The processors stopped on an error (Kafka Streams state ERROR; see the log); exiting");
                return Wirestream.EXIT_FAILURE;
            }
        }
        return Wirestream.EXIT_OK;
    }
}
