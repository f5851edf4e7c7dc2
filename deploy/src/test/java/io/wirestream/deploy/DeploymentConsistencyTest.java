package io.wirestream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.cli.Wirestream;
import io.wirestream.core.ConfigSources;
import io.wirestream.core.TopicNames;
import io.wirestream.core.TopicProvisioner;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.deploy.DeploymentFiles.Workload;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.source.SourceDefinition;
import io.wirestream.ingest.source.SourceKind;
import io.wirestream.ingest.source.SourceOptions;
import io.wirestream.ingest.source.SourcesFile;
import io.wirestream.ingest.source.SourcesFileException;
import io.wirestream.ops.cli.MonitorCommand;
import io.wirestream.processors.ProcessorConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.wirestream.deploy.DeploymentFiles.compose;
import static io.wirestream.deploy.DeploymentFiles.configMap;
import static io.wirestream.deploy.DeploymentFiles.kind;
import static io.wirestream.deploy.DeploymentFiles.list;
import static io.wirestream.deploy.DeploymentFiles.map;
import static io.wirestream.deploy.DeploymentFiles.named;
import static io.wirestream.deploy.DeploymentFiles.path;
import static io.wirestream.deploy.DeploymentFiles.workloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No container runs here, so the deployment files are checked against the code instead: the topics and
 * their settings, every environment variable, every command line, the ports and the monitoring wiring.
 * (Metric names used by the dashboard and alert rules are checked by the ops module's
 * {@code DeployedMetricNamesTest} against what the code exports.)
 */
class DeploymentConsistencyTest {
    private static final String MIN_ISR = "min.insync.replicas";
    private static final String REGISTRY_TOPIC = "_schemas";

    @Test
    void shouldDeclareEveryTopicWithTheSettingsOfTheCode() {
        Map<String, String> shared = configMap();
        TopicNames names = new TopicNames(shared.get("WIRESTREAM_TOPIC_PREFIX"));
        int partitions = Integer.parseInt(shared.get("WIRESTREAM_TOPIC_PARTITIONS"));
        short replicas = Short.parseShort(shared.get("WIRESTREAM_TOPIC_REPLICATION_FACTOR"));
        Map<String, NewTopic> expected = TopicProvisioner.definitions(names, new TopicProvisioner.Settings(partitions, replicas))
            .stream().collect(Collectors.toMap(NewTopic::name, Function.identity()));

        Map<String, Map<String, Object>> declared = new TreeMap<>();
        for (Map<String, Object> topic : kind("KafkaTopic")) {
            Object topicName = path(topic, "spec", "topicName");
            declared.put(String.valueOf(topicName != null ? topicName : path(topic, "metadata", "name")), map(topic.get("spec")));
        }
        Set<String> wanted = new TreeSet<>(names.all());
        wanted.add(REGISTRY_TOPIC);
        assertEquals(wanted, declared.keySet());
        assertEquals(new TreeSet<>(names.all()), new TreeSet<>(expected.keySet()));

        for (NewTopic topic : expected.values()) {
            Map<String, Object> spec = declared.get(topic.name());
            assertEquals(topic.numPartitions(), spec.get("partitions"), topic.name() + " partitions");
            assertEquals((int) topic.replicationFactor(), spec.get("replicas"), topic.name() + " replicas");
            Map<String, String> config = strings(map(spec.get("config")));
            assertEquals("2", config.remove(MIN_ISR), topic.name() + " " + MIN_ISR);
            assertEquals(topic.configs(), config, topic.name() + " settings");
        }
        Map<String, Object> registry = declared.get(REGISTRY_TOPIC);
        assertEquals(1, registry.get("partitions"));
        assertEquals((int) replicas, registry.get("replicas"));
        assertEquals(Map.of("cleanup.policy", "compact", MIN_ISR, "2"), strings(map(registry.get("config"))));

        Map<String, String> broker = strings(map(path(named("Kafka", "wirestream"), "spec", "kafka", "config")));
        assertEquals("2", broker.get(MIN_ISR));
        assertEquals(String.valueOf(replicas), broker.get("default.replication.factor"));
        assertEquals(3, path(named("KafkaNodePool", "dual-role"), "spec", "replicas"));
    }

    @Test
    void shouldCreateTheSameTopicsInComposeOnAClusterOfThreeBrokers() {
        Map<String, Object> compose = compose();
        Map<String, String> env = strings(map(compose.get("x-wirestream-env")));
        Map<String, String> shared = configMap();
        for (String key : List.of("WIRESTREAM_TOPIC_PREFIX", "WIRESTREAM_TOPIC_PARTITIONS", "WIRESTREAM_TOPIC_REPLICATION_FACTOR")) {
            assertEquals(shared.get(key), env.get(key), key + " differs between compose and Kubernetes");
        }
        List<Map<String, String>> brokers = brokers(compose);
        assertEquals(3, brokers.size());
        for (Map<String, String> broker : brokers) {
            assertEquals("2", broker.get("KAFKA_MIN_INSYNC_REPLICAS"));
            assertEquals(env.get("WIRESTREAM_TOPIC_REPLICATION_FACTOR"), broker.get("KAFKA_DEFAULT_REPLICATION_FACTOR"));
            assertEquals("2", broker.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"));
            assertEquals("false", broker.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        }
    }

    @Test
    void shouldSetOnlyVariablesThatMapToKeysTheApplicationDefinesOrPassesThrough() {
        Map<String, Set<String>> unknown = new TreeMap<>();
        int checked = 0;
        for (Workload w : workloads()) {
            Set<String> bad = new TreeSet<>();
            switch (w.command()) {
                case "process" -> bad.addAll(unknownKeys(w, ProcessorConfig.definition(), ProcessorConfig::new));
                case "ingest" -> bad.addAll(unknownKeys(w, IngestConfig.definition(), IngestConfig::new));
                // the monitor takes the brokers and the Kafka client settings; everything else would be ignored
                case "monitor" -> bad.addAll(keysTheMonitorIgnores(w));
                default -> throw new AssertionError(w.where() + " runs an unexpected command " + w.args());
            }
            checked++;
            if (!bad.isEmpty()) {
                unknown.put(w.where(), bad);
            }
        }
        assertEquals(Map.of(), unknown);
        assertEquals(8, checked, "containers running the Wirestream image (5 in compose, 3 in Kubernetes)");
    }

    /** Keys of the monitor's WIRESTREAM_* variables that are neither the brokers nor a Kafka client setting. */
    private static Set<String> keysTheMonitorIgnores(Workload w) {
        Map<String, String> keys = ConfigSources.fromEnvironment(w.env());
        Map<String, Object> client = WirestreamConfig.clientSettings(keys);
        return keys.keySet().stream().filter(k -> !k.equals(WirestreamConfig.BOOTSTRAP_SERVERS)
                && !client.containsKey(k)
                && !(k.startsWith(WirestreamConfig.KAFKA_PREFIX) && client.containsKey(k.substring(WirestreamConfig.KAFKA_PREFIX.length()))))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Keys of the workload's WIRESTREAM_* variables that its config neither defines nor hands to a client. */
    private static Set<String> unknownKeys(Workload w, ConfigDef definition, Function<Map<String, String>, WirestreamConfig> create) {
        Map<String, String> keys = ConfigSources.fromEnvironment(w.env());
        // constructing the config validates every value, as at start-up
        WirestreamConfig config = create.apply(keys);
        Map<String, Object> client = config.kafkaClientConfigs();
        Map<String, Object> registry = config.registryConfigs();
        return keys.keySet().stream().filter(k -> !definition.names().contains(k)
                && !client.containsKey(k)
                && !(k.startsWith(WirestreamConfig.KAFKA_PREFIX) && client.containsKey(k.substring(WirestreamConfig.KAFKA_PREFIX.length())))
                && !registry.containsKey(k))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldGiveTheMonitorTheSameKafkaClientSettingsAsTheApplications() {
        Map<String, Workload> kubernetes = kubernetesWorkloads();
        Workload monitor = kubernetes.get("wirestream-lag-monitor");
        Map<String, Object> processorsClient = new ProcessorConfig(ConfigSources.fromEnvironment(kubernetes.get("wirestream-processors").env()))
            .kafkaClientConfigs();
        Map<String, Object> ingestClient = new IngestConfig(ConfigSources.fromEnvironment(kubernetes.get("wirestream-ingest").env()))
            .kafkaClientConfigs();
        Map<String, String> monitorKeys = ConfigSources.fromEnvironment(monitor.env());
        Map<String, Object> monitorClient = WirestreamConfig.clientSettings(monitorKeys);

        Map<String, Object> expected = new TreeMap<>(processorsClient);
        expected.remove(WirestreamConfig.BOOTSTRAP_SERVERS);
        assertEquals(expected, new TreeMap<>(monitorClient), "the monitor's client settings differ from the processors'");
        assertEquals(ingestClient.keySet(), processorsClient.keySet());
        assertEquals(processorsClient.get(WirestreamConfig.BOOTSTRAP_SERVERS), monitorKeys.get(WirestreamConfig.BOOTSTRAP_SERVERS));
        assertEquals("SASL_SSL", monitorClient.get("security.protocol"));
        // no file of settings any more: the monitor's command line names none, and no init container writes one
        assertFalse(monitor.args().contains("--command-config"), monitor.args().toString());
        assertEquals(null, path(named("Deployment", "wirestream-lag-monitor"), "spec", "template", "spec", "initContainers"));
    }

    @Test
    void shouldRunIngestAsAServiceOnAValidSourcesFile() throws SourcesFileException {
        Map<String, Object> services = map(compose().get("services"));
        Map<String, Workload> kubernetes = kubernetesWorkloads();
        Workload k8sIngest = kubernetes.get("wirestream-ingest");
        Workload composeIngest = workloads().stream().filter(w -> w.where().equals("compose service ingest")).findFirst()
            .orElseThrow(() -> new AssertionError("no compose service ingest"));
        // Kubernetes: a Deployment, its sources file from the ConfigMap mounted where --sources points
        Map<String, Object> deployment = named("Deployment", "wirestream-ingest");
        Map<String, Object> container = map(list(path(deployment, "spec", "template", "spec", "containers")).get(0));
        String k8sPath = sourcesOption(k8sIngest);
        List<SourceDefinition> k8sSources = SourcesFile.parseYaml(k8sPath, configMapFile(deployment, container, k8sPath), null);
        SourceDefinition k8sPush = onePush(k8sSources, "Kubernetes");
        assertEquals(2, k8sSources.stream().filter(d -> d.kind() == SourceKind.FEED).count(), "feeds in the Kubernetes sources file");
        assertEquals(Optional.of("0.0.0.0"), k8sPush.option(SourceOptions.BIND), "a push endpoint bound to loopback is unreachable from its Service");
        Map<String, Object> pushPort = containerPort(container, k8sPush.port());
        Map<String, Object> service = named("Service", "wirestream-ingest");
        assertEquals(List.of(pushPort.get("name")), list(path(service, "spec", "ports")).stream()
            .filter(p -> k8sPush.port().equals(path(p, "port"))).map(p -> path(p, "targetPort")).toList(), "Service port of the push endpoint");

        // compose: the same, from the file mounted into the container, its push port published
        String composePath = sourcesOption(composeIngest);
        Map<String, String> mounts = mounts(services.get("ingest"));
        Path hostFile = DeploymentFiles.DEPLOY.resolve(source(mounts, composePath)).normalize();
        List<SourceDefinition> composeSources;
        try {
            composeSources = SourcesFile.parseYaml(composePath, Files.readString(hostFile), null);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + hostFile, e);
        }
        SourceDefinition composePush = onePush(composeSources, "compose");
        assertEquals(Optional.of("0.0.0.0"), composePush.option(SourceOptions.BIND), "a push endpoint bound to loopback is unreachable from the host");
        assertTrue(DeploymentFiles.strings(map(services.get("ingest")).get("ports")).stream()
                .anyMatch(p -> p.endsWith(":" + composePush.port() + ":" + composePush.port())),
            "compose publishes the push port " + composePush.port());
        assertEquals(k8sSources, composeSources, "compose and Kubernetes run the same example sources");
    }

    private static String sourcesOption(Workload w) {
        CommandLine.ParseResult sub = launcher().parseArgs(w.args().toArray(String[]::new)).subcommand();
        assertEquals("ingest", sub.commandSpec().name(), w.where());
        Path file = sub.matchedOptionValue("--sources", null);
        assertTrue(file != null, w.where() + " runs ingest without --sources: " + w.args());
        return file.toString();
    }

    private static SourceDefinition onePush(List<SourceDefinition> sources, String where) {
        List<SourceDefinition> push = sources.stream().filter(d -> d.kind() == SourceKind.PUSH).toList();
        assertEquals(1, push.size(), "push sources in the " + where + " sources file");
        return push.get(0);
    }

    /** The text of the ConfigMap entry that {@code file} is inside the container, through its volume mounts. */
    private static String configMapFile(Map<String, Object> deployment, Map<String, Object> container, String file) {
        for (Object m : list(container.get("volumeMounts"))) {
            String mountPath = String.valueOf(path(m, "mountPath"));
            if (!file.startsWith(mountPath + "/")) {
                continue;
            }
            String volume = String.valueOf(path(m, "name"));
            Object configMap = list(path(deployment, "spec", "template", "spec", "volumes")).stream()
                .filter(v -> volume.equals(path(v, "name"))).map(v -> path(v, "configMap", "name")).findFirst().orElse(null);
            assertTrue(configMap != null, file + " is mounted from volume " + volume + ", which is not a ConfigMap");
            String key = file.substring(mountPath.length() + 1);
            Object text = path(named("ConfigMap", String.valueOf(configMap)), "data", key);
            assertTrue(text != null, "ConfigMap " + configMap + " has no entry " + key);
            return String.valueOf(text);
        }
        throw new AssertionError(file + " is in no volume mount of " + path(deployment, "metadata", "name"));
    }

    private static Map<String, Object> containerPort(Map<String, Object> container, Object number) {
        return list(container.get("ports")).stream().map(DeploymentFiles::map)
            .filter(p -> String.valueOf(number).equals(String.valueOf(p.get("containerPort")))).findFirst()
            .orElseThrow(() -> new AssertionError("container " + container.get("name") + " declares no port " + number));
    }

    /** Deployment name → its Wirestream container's workload. */
    private static Map<String, Workload> kubernetesWorkloads() {
        Map<String, Workload> out = new TreeMap<>();
        for (Workload w : workloads()) {
            Matcher m = Pattern.compile("Deployment (\\S+) container .*").matcher(w.where());
            if (m.matches()) {
                out.put(m.group(1), w);
            }
        }
        return out;
    }

    /** The port of the metrics and health endpoints that the workload's own configuration gives it. */
    private static int opsPort(Workload w) {
        return switch (w.command()) {
            case "process" -> new ProcessorConfig(ConfigSources.fromEnvironment(w.env())).opsHttpPort();
            case "ingest" -> new IngestConfig(ConfigSources.fromEnvironment(w.env())).opsHttpPort();
            case "monitor" -> Integer.parseInt(option(w.args(), "--port"));
            default -> throw new AssertionError(w.where() + " runs an unexpected command " + w.args());
        };
    }

    @Test
    void shouldRunCommandLinesTheLauncherAccepts() {
        Set<String> commands = new TreeSet<>();
        for (Workload w : workloads()) {
            CommandLine.ParseResult parsed = launcher().parseArgs(w.args().toArray(String[]::new));
            assertTrue(parsed.hasSubcommand(), w.where() + " names no command: " + w.args());
            commands.add(parsed.subcommand().commandSpec().name());
        }
        assertEquals(Set.of("ingest", "process", "monitor"), commands);
    }

    /** The launcher, with the ops module's monitor command added while the launcher does not register it itself. */
    private static CommandLine launcher() {
        CommandLine cmd = new CommandLine(new Wirestream());
        if (!cmd.getSubcommands().containsKey("monitor")) {
            cmd.addSubcommand("monitor", new MonitorCommand());
        }
        return cmd;
    }

    @Test
    void shouldPublishComposePortsOnLoopbackUnlessConfiguredAndRequireThePushToken() {
        Map<String, Object> services = map(compose().get("services"));
        Pattern loopbackUnlessConfigured = Pattern.compile("\\$\\{WIRESTREAM_BIND:-127\\.0\\.0\\.1}:\\d+:\\d+");
        Map<String, List<String>> exposed = new TreeMap<>();
        services.forEach((name, service) -> {
            List<String> wide = DeploymentFiles.strings(map(service).get("ports")).stream()
                .filter(p -> !loopbackUnlessConfigured.matcher(p).matches()).toList();
            if (!wide.isEmpty()) {
                exposed.put(name, wide);
            }
        });
        assertEquals(Map.of(), exposed, "published ports that are not bound to ${WIRESTREAM_BIND:-127.0.0.1}");
        // The push endpoint binds all of its container's addresses, so other containers and, with WIRESTREAM_BIND,
        // other hosts reach it: compose refuses to start without its token.
        String token = strings(map(map(services.get("ingest")).get("environment"))).get("WIRESTREAM_INGEST_PUSH_TOKEN");
        assertTrue(token != null && token.matches("\\$\\{WIRESTREAM_PUSH_TOKEN:\\?.+}"),
            "the ingest service must require its push token from the environment, was " + token);
    }

    @Test
    void shouldAgreeOnPortsInCompose() {
        Map<String, Object> services = map(compose().get("services"));
        Map<String, List<String>> targets = scrapeTargets();
        Map<String, List<String>> expected = new TreeMap<>();
        for (Workload w : workloads().stream().filter(w -> w.where().startsWith("compose")).toList()) {
            String service = w.where().substring("compose service ".length());
            boolean oneShot = !DeploymentFiles.strings(map(services.get(service)).get("profiles")).isEmpty();
            if (oneShot) {
                // started only by `docker compose run`: reads files and exits, serving no endpoints
                assertEquals("ingest", w.command(), service);
                continue;
            }
            String job = switch (w.command()) {
                case "process" -> "wirestream-processors";
                case "ingest" -> "wirestream-ingest";
                case "monitor" -> "wirestream-lag-monitor";
                default -> throw new AssertionError(w.where() + " runs an unexpected command " + w.args());
            };
            int port = opsPort(w);
            expected.computeIfAbsent(job, j -> new ArrayList<>()).add(service + ":" + port);
            assertTrue(DeploymentFiles.strings(map(services.get(service)).get("ports")).stream().anyMatch(p -> p.endsWith(":" + port)),
                service + " publishes its ops port " + port);
        }
        assertEquals(expected, targets);
        assertEquals(List.of("ingest:" + IngestConfig.DEFAULT_OPS_HTTP_PORT), targets.get("wirestream-ingest"));

        // every client bootstraps from exactly the brokers' internal listeners
        Set<String> advertised = brokers(compose()).stream()
            .map(b -> Arrays.stream(b.get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .filter(l -> l.startsWith("INTERNAL://")).findFirst().orElseThrow().substring("INTERNAL://".length()))
            .collect(Collectors.toCollection(TreeSet::new));
        for (Workload w : workloads().stream().filter(w -> w.where().startsWith("compose")).toList()) {
            assertEquals(advertised, new TreeSet<>(List.of(w.env().get("WIRESTREAM_BOOTSTRAP").split(","))), w.where());
        }
        URI registry = URI.create(strings(map(compose().get("x-wirestream-env"))).get("WIRESTREAM_REGISTRY"));
        Map<String, String> registryEnv = strings(map(map(services.get(registry.getHost())).get("environment")));
        assertEquals(registry.getScheme() + "://0.0.0.0:" + registry.getPort(), registryEnv.get("SCHEMA_REGISTRY_LISTENERS"));
    }

    @Test
    void shouldAgreeOnPortsAndSecurityInKubernetes() {
        Map<String, String> shared = configMap();
        Map<String, Workload> wirestream = kubernetesWorkloads();
        for (Map<String, Object> deployment : kind("Deployment")) {
            String name = String.valueOf(path(deployment, "metadata", "name"));
            Map<String, Object> pod = map(path(deployment, "spec", "template"));
            Map<String, Object> container = map(list(path(pod, "spec", "containers")).get(0));
            List<Object> ports = list(container.get("ports"));
            // the probes' port: the ops port of a Wirestream application, the only port of anything else
            Map<String, Object> port;
            if (wirestream.containsKey(name)) {
                port = containerPort(container, opsPort(wirestream.get(name)));
                assertEquals("true", path(pod, "metadata", "annotations", "prometheus.io/scrape"), name + " is scraped");
                assertEquals(String.valueOf(port.get("containerPort")), path(pod, "metadata", "annotations", "prometheus.io/port"),
                    name + " is scraped on its ops port");
                assertEquals("/metrics", path(pod, "metadata", "annotations", "prometheus.io/path"), name);
            } else {
                assertEquals(1, ports.size(), name + ": one port per container");
                port = map(ports.get(0));
            }
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                Object probePort = path(container, probe, "httpGet", "port");
                probePort = probePort != null ? probePort : path(container, probe, "tcpSocket", "port");
                assertEquals(port.get("name"), probePort, name + " " + probe);
            }
            if (wirestream.containsKey(name)) {
                assertEquals("/health/live", path(container, "livenessProbe", "httpGet", "path"), name);
                assertEquals("/health/ready", path(container, "readinessProbe", "httpGet", "path"), name);
            }
            assertTrue(path(container, "resources", "requests", "memory") != null && path(container, "resources", "limits", "memory") != null,
                name + " needs memory requests and limits");
        }
        assertEquals(Set.of("wirestream-ingest", "wirestream-lag-monitor", "wirestream-processors"), wirestream.keySet());
        assertEquals(IngestConfig.DEFAULT_OPS_HTTP_PORT, opsPort(wirestream.get("wirestream-ingest")));

        // clients reach the cluster's only listener, which is TLS with SCRAM-SHA-512: SASL_SSL
        Map<String, Object> kafka = named("Kafka", "wirestream");
        Map<String, Object> listener = map(list(path(kafka, "spec", "kafka", "listeners")).get(0));
        assertEquals(path(kafka, "metadata", "name") + "-kafka-bootstrap:" + listener.get("port"), shared.get("WIRESTREAM_BOOTSTRAP"));
        assertEquals(Boolean.TRUE, listener.get("tls"));
        assertEquals("scram-sha-512", path(listener, "authentication", "type"));
        assertEquals("SASL_SSL", shared.get("WIRESTREAM_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", shared.get("WIRESTREAM_SASL_MECHANISM"));

        // the registry URL names the registry Service and port, over https as the registry listens
        URI registry = URI.create(shared.get("WIRESTREAM_REGISTRY"));
        Map<String, Object> service = named("Service", registry.getHost());
        assertEquals(registry.getPort(), path(list(path(service, "spec", "ports")).get(0), "port"));
        Map<String, String> registryEnv = new LinkedHashMap<>();
        for (Object e : list(path(list(path(named("Deployment", registry.getHost()), "spec", "template", "spec", "containers")).get(0), "env"))) {
            Map<String, Object> var = map(e);
            if (var.containsKey("value")) {
                registryEnv.put(String.valueOf(var.get("name")), String.valueOf(var.get("value")));
            }
        }
        assertEquals("https://0.0.0.0:" + registry.getPort(), registryEnv.get("SCHEMA_REGISTRY_LISTENERS"));
        assertEquals(REGISTRY_TOPIC, registryEnv.get("SCHEMA_REGISTRY_KAFKASTORE_TOPIC"));
        assertEquals("https", registry.getScheme());
    }

    @Test
    void shouldGiveEveryApplicationItsOwnScramUserWithAclsOnItsTopics() {
        Map<String, Set<String>> topicsByUser = new TreeMap<>();
        for (Map<String, Object> user : kind("KafkaUser")) {
            assertEquals("scram-sha-512", path(user, "spec", "authentication", "type"));
            Set<String> topics = new TreeSet<>();
            for (Object acl : list(path(user, "spec", "authorization", "acls"))) {
                if ("topic".equals(path(acl, "resource", "type")) && "literal".equals(path(acl, "resource", "patternType"))) {
                    topics.add(String.valueOf(path(acl, "resource", "name")));
                }
            }
            topicsByUser.put(String.valueOf(path(user, "metadata", "name")), topics);
        }
        TopicNames names = new TopicNames(configMap().get("WIRESTREAM_TOPIC_PREFIX"));
        assertEquals(Set.of(names.raw(), names.deadLetters(), names.ingestState()), topicsByUser.get("wirestream-ingest"));
        assertEquals(Set.of(names.raw(), names.knowledgeBase(), names.enriched(), names.duplicates(), names.deadLetters(), names.stories()),
            topicsByUser.get("wirestream-processors"));
        assertEquals(Set.of("*"), topicsByUser.get("wirestream-lag-monitor"));
        assertEquals(Set.of(REGISTRY_TOPIC), topicsByUser.get("schema-registry"));
        // the Secret each workload reads its JAAS line from is its own user's
        for (Map<String, Object> doc : kubernetes("Deployment", "Job")) {
            String name = String.valueOf(path(doc, "metadata", "name"));
            for (Object c : list(path(doc, "spec", "template", "spec", "containers"))) {
                for (Object e : list(map(c).get("env"))) {
                    Object secret = path(e, "valueFrom", "secretKeyRef");
                    if (secret != null && "sasl.jaas.config".equals(path(secret, "key"))) {
                        assertEquals(name, path(secret, "name"), name + " must authenticate as its own user");
                        assertTrue(topicsByUser.containsKey(name), "no KafkaUser " + name);
                    }
                }
            }
        }
    }

    @Test
    void shouldWirePrometheusAndGrafanaToTheOpsFiles() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        Map<String, String> prometheusMounts = mounts(services.get("prometheus"));
        Map<String, Object> prometheus = map(DeploymentFiles.load(DeploymentFiles.DEPLOY.resolve(
            source(prometheusMounts, "/etc/prometheus/prometheus.yml"))).get(0));
        for (String rules : DeploymentFiles.strings(prometheus.get("rule_files"))) {
            Path host = DeploymentFiles.DEPLOY.resolve(source(prometheusMounts, rules)).normalize();
            assertTrue(Files.isRegularFile(host), rules + " is mounted from " + host + ", which does not exist");
            assertTrue(Files.readString(host).contains("wirestream_"), host + " holds no Wirestream alert");
        }

        Map<String, String> grafanaMounts = mounts(services.get("grafana"));
        Map<String, Object> provider = map(list(map(DeploymentFiles.load(DeploymentFiles.DEPLOY.resolve(
            source(grafanaMounts, "/etc/grafana/provisioning/dashboards/wirestream.yml"))).get(0)).get("providers")).get(0));
        Path dashboards = DeploymentFiles.DEPLOY.resolve(source(grafanaMounts, String.valueOf(path(provider, "options", "path")))).normalize();
        Path dashboard = dashboards.resolve("wirestream-dashboard.json");
        JsonNode json = new ObjectMapper().readTree(dashboard.toFile());
        String datasourceType = String.valueOf(path(list(map(DeploymentFiles.load(DeploymentFiles.DEPLOY.resolve(
            source(grafanaMounts, "/etc/grafana/provisioning/datasources/wirestream.yml"))).get(0)).get("datasources")).get(0), "type"));
        List<String> variables = new ArrayList<>();
        json.path("templating").path("list").forEach(v -> {
            if ("datasource".equals(v.path("type").asText())) {
                variables.add(v.path("query").asText());
            }
        });
        assertEquals(List.of(datasourceType), variables, "the dashboard's data source variable must accept the provisioned data source");
    }

    @Test
    void shouldBuildTheImageFromTheLaunchersBuildOutput() throws IOException {
        String dockerfile = Files.readString(DeploymentFiles.DEPLOY.resolve("docker/Dockerfile"));
        String cliPom = Files.readString(DeploymentFiles.DEPLOY.resolve("../cli/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(cliPom);
        assertTrue(finalName.find(), "cli/pom.xml sets no finalName");
        assertTrue(cliPom.contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>"), "cli copies its dependencies elsewhere");
        assertTrue(dockerfile.contains("COPY cli/target/" + finalName.group(1) + ".jar "), "the image must copy cli/target/" + finalName.group(1) + ".jar");
        assertTrue(dockerfile.contains("COPY cli/target/lib/ "), "the image must copy cli/target/lib/");
        Matcher entry = Pattern.compile("-jar (\\S+)").matcher(dockerfile);
        assertTrue(entry.find());
        assertEquals("/opt/wirestream/" + finalName.group(1) + ".jar", entry.group(1));
        Set<String> tags = new TreeSet<>();
        map(compose().get("services")).values().stream().map(s -> String.valueOf(map(s).get("image")))
            .filter(i -> i.startsWith(DeploymentFiles.IMAGE_PREFIX)).forEach(tags::add);
        for (Map<String, Object> doc : kubernetes("Deployment", "Job")) {
            for (Object c : list(path(doc, "spec", "template", "spec", "containers"))) {
                String image = String.valueOf(map(c).get("image"));
                if (image.startsWith(DeploymentFiles.IMAGE_PREFIX)) {
                    tags.add(image);
                }
            }
        }
        assertEquals(1, tags.size(), "one image tag everywhere: " + tags);
        assertFalse(dockerfile.contains("USER root"));
    }

    private static List<Map<String, Object>> kubernetes(String... kinds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String k : kinds) {
            out.addAll(kind(k));
        }
        return out;
    }

    private static List<Map<String, String>> brokers(Map<String, Object> compose) {
        return map(compose.get("services")).values().stream().map(DeploymentFiles::map)
            .filter(s -> String.valueOf(s.get("image")).startsWith("apache/kafka:"))
            .map(s -> strings(map(s.get("environment")))).toList();
    }

    /** job name → scrape targets, from the Prometheus configuration the compose file mounts. */
    private static Map<String, List<String>> scrapeTargets() {
        Map<String, String> mounts = mounts(map(compose().get("services")).get("prometheus"));
        Map<String, Object> config = map(DeploymentFiles.load(DeploymentFiles.DEPLOY.resolve(source(mounts, "/etc/prometheus/prometheus.yml"))).get(0));
        Map<String, List<String>> out = new TreeMap<>();
        for (Object job : list(config.get("scrape_configs"))) {
            List<String> targets = new ArrayList<>();
            for (Object sc : list(map(job).get("static_configs"))) {
                targets.addAll(DeploymentFiles.strings(map(sc).get("targets")));
            }
            out.put(String.valueOf(map(job).get("job_name")), targets);
        }
        return out;
    }

    /** container path → host path (relative to deploy/) of a compose service's bind mounts. */
    private static Map<String, String> mounts(Object service) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String volume : DeploymentFiles.strings(map(service).get("volumes"))) {
            String[] parts = volume.split(":");
            out.put(parts[1], parts[0]);
        }
        return out;
    }

    /** The host file or folder mounted at {@code containerPath}, or that contains it. */
    private static String source(Map<String, String> mounts, String containerPath) {
        for (Map.Entry<String, String> m : mounts.entrySet()) {
            if (containerPath.equals(m.getKey())) {
                return m.getValue();
            }
            if (containerPath.startsWith(m.getKey() + "/")) {
                return m.getValue() + containerPath.substring(m.getKey().length());
            }
        }
        throw new AssertionError(containerPath + " is not mounted; mounts: " + mounts);
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        assertTrue(i >= 0 && i + 1 < args.size(), "no " + name + " in " + args);
        return args.get(i + 1);
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
