package io.wirestream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the embedded broker and registry in the foreground until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Run a real single-node Kafka broker and a schema registry in the foreground (Ctrl-C stops them).",
        "Prints bootstrap=HOST:PORT and registry=URL on their own lines once both serve."})
final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Keep topics, offsets and schemas here across restarts (default: a temporary folder, deleted on exit).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "0", description = "Kafka port with --data-dir (default: a free port).")
    int port;

    @Option(names = "--registry-port", defaultValue = "0", description = "Registry port (default: a free port).")
    int registryPort;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack = LocalStack.start(dataDir, port, registryPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "wirestream-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("bootstrap=" + stack.bootstrapServers());
        out.println("registry=" + stack.registryUrl());
        out.flush();
        stopped.await();
        return Wirestream.EXIT_OK;
    }
}
