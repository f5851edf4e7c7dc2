package io.wirestream.processors;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.core.SerdeFactory;
import io.wirestream.ops.health.HealthRegistry;
import io.wirestream.ops.health.KafkaStreamsHealthCheck;
import io.wirestream.ops.http.OpsHttpServer;
import io.wirestream.ops.metrics.PipelineMetrics;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.core.TopicProvisioner;
import io.wirestream.core.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processors application: owns the configuration, the topology and the Kafka Streams lifecycle.
 *
 * <p>Failure policy: a stream thread that dies on an unexpected exception is replaced (its tasks resume
 * from the last committed transaction, so nothing is lost or repeated), after a wait that grows with
 * consecutive failures ({@link StreamThreadFailureHandler}); the global thread cannot be replaced, so its
 * failure stops the client ({@code ERROR}); per-record failures never reach
 * this point, they go to the dead-letter topic. Local state is never wiped on start: it is rebuilt from
 * the changelogs only when Kafka Streams finds it corrupt.
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessorApp.class);

    private final ProcessorConfig config;
    private final SerdeFactory serdes;
    /** The registry client the caller gave, which the exception handlers use too; null when the app built its own. */
    private final SchemaRegistryClient givenRegistry;
    private final Topology topology;
    private final int partitions;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch failed = new CountDownLatch(1);
    private final StreamThreadFailureHandler failureHandler;
    private final PrometheusMeterRegistry meterRegistry = PipelineMetrics.prometheusRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(meterRegistry);
    private final HealthRegistry health = new HealthRegistry();
    private KafkaStreams streams;
    private OpsHttpServer opsServer;

    public ProcessorApp(ProcessorConfig config, List<PipelineStage> stages) {
        this(config, stages, new SerdeFactory(Objects.requireNonNull(config, "config").registryConfigs()), null);
    }

    /**
     * An application whose serdes, and exception handlers ({@link #streamsProperties()}), use {@code registry}, which
     * the caller owns and closes ({@link #close()} leaves it open); the other serde settings still come from
     * {@code config}. Nothing here contacts the cluster or the registry: the topology is built from configuration
     * alone, so it can also run through a {@code TopologyTestDriver} on a registry without a server.
     */
    public ProcessorApp(ProcessorConfig config, List<PipelineStage> stages, SchemaRegistryClient registry) {
        this(config, stages, new SerdeFactory(Objects.requireNonNull(registry, "registry"),
            Objects.requireNonNull(config, "config").registryConfigs()), registry);
    }

    private ProcessorApp(ProcessorConfig config, List<PipelineStage> stages, SerdeFactory serdes, SchemaRegistryClient givenRegistry) {
        this.config = Objects.requireNonNull(config, "config");
        this.failureHandler = new StreamThreadFailureHandler(new ThreadReplacementBackoff(config.getLong(ProcessorConfig.THREAD_REPLACE_BACKOFF_MS),
            config.getLong(ProcessorConfig.THREAD_REPLACE_BACKOFF_MAX_MS), System::currentTimeMillis), config.topicNames().knowledgeBase());
        this.serdes = serdes;
        this.givenRegistry = givenRegistry;
        Topics topics = new Topics(config.topicNames(), serdes);
        // the topology is built from configuration alone; start() checks the count against the cluster
        this.partitions = config.topicSettings().partitions();
        this.topology = NewsPipeline.build(new StageContext(new StreamsBuilder(), topics, serdes, config, metrics, partitions), stages);
    }

    /**
     * The input topic's partition count, empty when it does not exist. Deduplication routes its probes to
     * partitions itself and must know the count the repartition topics get (that of the input topic): the
     * topology is built for {@code topic.partitions}, and {@link #start()} refuses to run when the topic has another.
     */
    private static Optional<Integer> inputPartitions(ProcessorConfig config, String topic) {
        try (Admin admin = Admin.create(config.kafkaClientConfigs())) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS).get(topic);
            return Optional.of(d.partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot read the partition count of " + topic + " at "
                + config.bootstrapServers() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot read the partition count of " + topic + ": no answer from "
                + config.bootstrapServers() + " within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the partition count of " + topic, e);
        }
    }

    public ProcessorApp(ProcessorConfig config) {
        this(config, PipelineStages.standard(config));
    }

    public Topology topology() {
        return topology;
    }

    public ProcessorConfig config() {
        return config;
    }

    /**
     * The properties Kafka Streams runs this topology with: {@link ProcessorConfig#streamsProperties()}, plus the
     * registry client the application was given, if any ({@link ProcessorConfig#HANDLER_REGISTRY_CLIENT}).
     */
    public Properties streamsProperties() {
        Properties p = config.streamsProperties();
        if (givenRegistry != null) {
            p.put(ProcessorConfig.HANDLER_REGISTRY_CLIENT, givenRegistry);
        }
        return p;
    }

    /** Creates missing topics, the routes' included (if configured), and starts Kafka Streams; returns at once. */
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("already started");
        }
        if (config.createTopics()) {
            List<NewTopic> topics = new ArrayList<>(TopicProvisioner.definitions(config.topicNames(), config.topicSettings()));
            config.routes().topics().forEach(t -> topics.add(TopicProvisioner.derived(t, config.topicSettings())));
            TopicProvisioner.ensure(config.kafkaClientConfigs(), topics, Duration.ofSeconds(30));
        } else {
            requireRouteTopics();
        }
        String raw = config.topicNames().raw();
        inputPartitions(config, raw).filter(n -> n != partitions).ifPresent(n -> {
            throw new IllegalStateException("topic " + raw + " has " + n + " partitions, but " + ProcessorConfig.TOPIC_PARTITIONS
                + "=" + partitions + ": set " + ProcessorConfig.TOPIC_PARTITIONS + "=" + n + " (deduplication routes its probes by the"
                + " input topic's partition count, which every repartition topic of the pipeline gets)");
        });
        streams = new KafkaStreams(topology, streamsProperties());
        streams.setUncaughtExceptionHandler(failureHandler);
        streams.setStateListener((now, before) -> {
            log.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            } else if (now == KafkaStreams.State.ERROR) {
                failed.countDown();
            }
        });
        health.register("kafka-streams", new KafkaStreamsHealthCheck(this::state));
        KafkaStreams started = streams;
        health.register("stream-threads", new StreamThreadsHealthCheck(() -> started.metadataForLocalThreads().stream()
            .map(org.apache.kafka.streams.ThreadMetadata::threadState).toList(), failureHandler::awaitingReplacement,
            config.getInt(ProcessorConfig.NUM_STREAM_THREADS)));
        health.bindTo(meterRegistry);
        metrics.bindJvm().bindKafkaStreams(streams);
        Metrics.addRegistry(meterRegistry);
        if (config.opsHttpPort() >= 0) {
            opsServer = OpsHttpServer.start(new InetSocketAddress(config.opsHttpBind(), config.opsHttpPort()), meterRegistry, health);
            log.info("Metrics and health at {}", opsServer.baseUri());
        }
        streams.start();
        log.info("Processors started: application.id={}, bootstrap={}", config.applicationId(), config.bootstrapServers());
        config.routes().all().forEach(r -> log.info("Route {} -> {} ({})", r.name(), r.topic(), r.format().label()));
    }

    /**
     * Without topic creation, a missing route topic would only show as blocked writes once an article matches;
     * say so at start instead.
     */
    private void requireRouteTopics() {
        List<String> wanted = config.routes().topics();
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(config.kafkaClientConfigs())) {
            java.util.Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<String> missing = wanted.stream().filter(t -> !existing.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the topics of routes " + config.routes().all().stream()
                    .filter(r -> missing.contains(r.topic())).map(r -> r.name() + " (" + r.topic() + ")").toList()
                    + " do not exist and topic.create=false: create them, or set topic.create=true");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics at " + config.bootstrapServers() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
    }

    /** Waits until Kafka Streams reached RUNNING once. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until Kafka Streams reached {@code ERROR} (it stopped processing for good: the global thread
     * failed); a process running the application should then exit with an error, so that it is restarted.
     */
    public boolean awaitFailure(Duration timeout) throws InterruptedException {
        return failed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    /** The running Kafka Streams instance, for metrics and health checks; null before {@link #start()}. */
    public synchronized KafkaStreams streams() {
        return streams;
    }

    /** The metrics and health endpoints, once started; null when disabled ({@code ops.http.port=-1}). */
    public synchronized OpsHttpServer opsServer() {
        return opsServer;
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    /**
     * How a clean shutdown treats the consumer group. A dynamic member leaves it, so that its tasks are given
     * out again at once: otherwise the group waits {@code session.timeout.ms} (45 s by default) for the gone
     * member, and a restarted single instance processes nothing meanwhile. A static member (one configured
     * with {@code group.instance.id}) stays, as static membership is there to ride out restarts.
     */
    static CloseOptions.GroupMembershipOperation closeMembership(Properties streamsProperties) {
        boolean staticMember = streamsProperties.stringPropertyNames().stream()
            .anyMatch(k -> k.equals(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG) || k.endsWith("." + ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        return staticMember ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
    }

    @Override
    public synchronized void close() {
        try {
            if (streams != null) {
                streams.close(CloseOptions.groupMembershipOperation(closeMembership(config.streamsProperties()))
                    .withTimeout(Duration.ofSeconds(30)));
                streams = null;
            }
        } finally {
            if (opsServer != null) {
                opsServer.close();
                opsServer = null;
            }
            Metrics.removeRegistry(meterRegistry);
            metrics.close();
            serdes.close();
        }
    }
}
