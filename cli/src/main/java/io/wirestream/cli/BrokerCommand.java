package io.wirestream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the embedded broker (or a local cluster) and registry in the foreground until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = {"Run a real Kafka broker (or, with --brokers 3, a three-node cluster) and a schema registry in the"
        + " foreground (Ctrl-C stops them).",
        "Prints bootstrap=HOST:PORT[,HOST:PORT...] and registry=URL on their own lines once both serve."})
final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Keep topics, offsets and schemas here across restarts (default: a temporary folder, deleted on exit).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "0", description = "Kafka port with --data-dir (default: a free port).")
    int port;

    @Option(names = "--brokers", defaultValue = "1", paramLabel = "N",
        description = "1 (default): one broker in this JVM. 3 to 9: a cluster of N KRaft nodes on 127.0.0.1, each its own"
            + " JVM (512 MB heap), replication factor 3 and min.insync.replicas 2 as in production; node logs and data"
            + " in --data-dir (or a temporary folder).")
    int brokers;

    @Option(names = "--registry-port", defaultValue = "0", description = "Registry port (default: a free port).")
    int registryPort;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (brokers != 1 && (brokers < 3 || brokers > 9)) {
            throw new ParameterException(spec.commandLine(), "--brokers must be 1, or 3 to 9 (replication factor 3), was " + brokers);
        }
        if (brokers > 1 && port != 0) {
            throw new ParameterException(spec.commandLine(), "--port applies to a single broker; a cluster picks free ports");
        }
        LocalStack stack = brokers == 1 ? LocalStack.start(dataDir, port, registryPort)
            : LocalStack.startCluster(dataDir, brokers, registryPort);
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
