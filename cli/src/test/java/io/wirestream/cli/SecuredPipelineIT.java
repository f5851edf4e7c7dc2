package io.wirestream.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.core.ConfigSources;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.embedded.EmbeddedKafkaBroker;
import io.wirestream.embedded.EmbeddedKafkaBroker.ScramUser;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.ingest.file.FileIngestor;
import io.wirestream.processors.ProcessorApp;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.registry.server.SchemaRegistryServer;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security by configuration alone: the broker's application listener accepts only SASL/SCRAM, and the registry
 * is reached over HTTPS with basic auth (a TLS, basic-auth front of the registry, as a production registry
 * behind its ingress). Ingest and processors are configured exactly as the deployment does it, from
 * {@code WIRESTREAM_*} environment variables, and must work; clients without or with wrong credentials must
 * be refused with an error that says so; and no secret may reach the logs.
 *
 * <p>The broker's application listener is SASL_SSL, as in {@code deploy/}. The certificates of the broker
 * and of the registry are made at test time with the JDK's keytool; nothing is checked in.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SecuredPipelineIT {
    private static final ScramUser INGEST = new ScramUser("wirestream-ingest", "ingest-secret-4711");
    private static final ScramUser PROCESSORS = new ScramUser("wirestream-processors", "processors-secret-0815");
    private static final String REGISTRY_USER_INFO = "wirestream:registry-secret-42";
    private static final String TRUSTSTORE_PASSWORD = "truststore-secret-7";

    @TempDir
    static Path dir;
    static EmbeddedKafkaBroker broker;
    static SchemaRegistryServer registry;
    static TlsBasicAuthFront front;
    static Path truststore;
    static Path kafkaTruststore;

    @BeforeAll
    static void start() throws Exception {
        String brokerKeyPassword = "broker-keystore-" + UUID.randomUUID();
        Path brokerKeystore = dir.resolve("broker-key.p12");
        kafkaTruststore = dir.resolve("kafka-trust.p12");
        selfSigned("broker", brokerKeystore, brokerKeyPassword, kafkaTruststore);
        broker = EmbeddedKafkaBroker.temporary().withSaslScram(List.of(INGEST, PROCESSORS))
            .withTls(brokerKeystore, brokerKeyPassword).start();
        // the registry's own store connection is cluster-internal (the broker's PLAINTEXT listener)
        registry = SchemaRegistryServer.start(Map.of("kafkastore.bootstrap.servers", broker.bootstrapServers(),
            "listeners", "http://127.0.0.1:0"));
        String keyPassword = "keystore-" + UUID.randomUUID();
        Path keystore = dir.resolve("registry-key.p12");
        truststore = dir.resolve("registry-trust.p12");
        selfSigned("registry", keystore, keyPassword, truststore);
        front = new TlsBasicAuthFront(keystore, keyPassword.toCharArray(), URI.create(registry.url()), REGISTRY_USER_INFO);
    }

    /** A key pair for 127.0.0.1 in {@code keystore}, and its certificate in a PKCS12 trust store. */
    private static void selfSigned(String alias, Path keystore, String keyPassword, Path trust) throws Exception {
        Path cert = dir.resolve(alias + ".crt");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
            "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
            "-keystore", keystore.toString(), "-storepass", keyPassword, "-keypass", keyPassword);
        keytool("-exportcert", "-alias", alias, "-keystore", keystore.toString(), "-storepass", keyPassword,
            "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-storetype", "PKCS12",
            "-keystore", trust.toString(), "-storepass", TRUSTSTORE_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (front != null) {
            front.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The environment a deployment gives a service: SASL to Kafka, TLS and basic auth to the registry. */
    private static Map<String, String> securedEnvironment(ScramUser user, String prefix) {
        Map<String, String> env = new HashMap<>();
        env.put("WIRESTREAM_BOOTSTRAP", broker.saslBootstrapServers());
        env.put("WIRESTREAM_REGISTRY", front.url());
        env.put("WIRESTREAM_TOPIC_PREFIX", prefix);
        env.put("WIRESTREAM_SECURITY_PROTOCOL", broker.saslSecurityProtocol());
        env.put("WIRESTREAM_SSL_TRUSTSTORE_LOCATION", kafkaTruststore.toString());
        env.put("WIRESTREAM_SSL_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD);
        env.put("WIRESTREAM_SSL_TRUSTSTORE_TYPE", "PKCS12");
        env.put("WIRESTREAM_SASL_MECHANISM", EmbeddedKafkaBroker.SCRAM_MECHANISM);
        env.put("WIRESTREAM_SASL_JAAS_CONFIG", user.jaasConfig());
        env.put("WIRESTREAM_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO");
        env.put("WIRESTREAM_BASIC_AUTH_USER_INFO", REGISTRY_USER_INFO);
        env.put("WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", truststore.toString());
        env.put("WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD);
        env.put("WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12");
        return env;
    }

    @Test
    void shouldRunIngestAndProcessorsOverSaslAndTheTlsRegistryWithoutLoggingASecret(@TempDir Path work) throws Exception {
        assertEquals("SASL_SSL", broker.saslSecurityProtocol());
        Path articles = Files.createDirectories(work.resolve("in"));
        Files.writeString(articles.resolve("a.txt"), " date 2025-03-01 The harbour authority opened a new ferry terminal on Monday.");
        Files.writeString(articles.resolve("b.txt"), " date 2025-03-02 Farmers in the valley reported an early cherry harvest this spring.");
        Files.writeString(articles.resolve("c.txt"), " date 2025-03-03 The city library extended its opening hours during the exam weeks.");
        Files.writeString(articles.resolve("broken.txt"), "no date header here");
        int rejectedBefore = front.rejected.get();

        StringWriter logs = new StringWriter();
        try (LogCapture ignored = new LogCapture(logs)) {
            IngestSummary summary;
            Set<String> ids;
            IngestConfig ingestConfig = new IngestConfig(ConfigSources.fromEnvironment(securedEnvironment(INGEST, "secure")));
            try (ArticlePublisher publisher = new ArticlePublisher(ingestConfig)) {
                summary = new FileIngestor(publisher, Clock.systemUTC()).ingest(List.of(articles));
            }
            assertEquals(3, summary.published(), summary.describe());
            assertEquals(1, summary.failed(), summary.describe());

            Map<String, String> processorEnv = securedEnvironment(PROCESSORS, "secure");
            processorEnv.put("WIRESTREAM_APPLICATION_ID", "secured-" + UUID.randomUUID());
            processorEnv.put("WIRESTREAM_STATE_DIR", work.resolve("state").toString());
            processorEnv.put("WIRESTREAM_OPS_HTTP_PORT", "0");
            ProcessorConfig processorConfig = new ProcessorConfig(ConfigSources.fromEnvironment(processorEnv));
            try (ProcessorApp app = new ProcessorApp(processorConfig);
                 SerdeFactory serdes = new SerdeFactory(Map.of("schema.registry.url", registry.url()))) {
                app.start();
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the processors did not reach RUNNING over SASL");
                Topics topics = new Topics(processorConfig.topicNames(), serdes);
                // an operator's view through the internal listener
                List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(broker.bootstrapServers(),
                    topics.enriched().name(), new StringDeserializer(), topics.enriched().valueSerde().deserializer(),
                    3, Duration.ofSeconds(60), Duration.ofSeconds(2));
                assertEquals(Set.of(
                        "The harbour authority opened a new ferry terminal on Monday.",
                        "Farmers in the valley reported an early cherry harvest this spring.",
                        "The city library extended its opening hours during the exam weeks."),
                    enriched.stream().map(r -> r.value().getBody()).collect(Collectors.toSet()));
                List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.read(broker.bootstrapServers(),
                    topics.deadLetters().name(), new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(),
                    1, Duration.ofSeconds(30), Duration.ofSeconds(1));
                assertEquals(List.of("ingest:broken.txt"), dlq.stream().map(r -> r.value().getStage() + ":" + r.value().getOrigin()).toList());
                assertEquals(KafkaStreams.State.RUNNING, app.state());
            }
        }
        assertEquals(rejectedBefore, front.rejected.get(), "the pipeline sent a registry request without valid credentials");
        assertTrue(front.served.get() > 0, "the registry front saw no request");
        String captured = logs.toString();
        // the capture works: Kafka printed the client configuration, with the JAAS line hidden
        assertTrue(captured.contains("sasl.jaas.config = [hidden]"), "Kafka's config dump was not captured");
        for (String secret : List.of(INGEST.password(), PROCESSORS.password(), REGISTRY_USER_INFO.split(":")[1], TRUSTSTORE_PASSWORD)) {
            assertFalse(captured.contains(secret), "a secret reached the logs: " + lineWith(captured, secret));
        }
    }

    @Test
    void shouldRefuseAClientWithoutCredentialsOnTheSaslListener() {
        Map<String, String> env = new HashMap<>();
        env.put("WIRESTREAM_BOOTSTRAP", broker.saslBootstrapServers());
        env.put("WIRESTREAM_REGISTRY", registry.url());
        env.put("WIRESTREAM_TOPIC_PREFIX", "anonymous");
        env.put("WIRESTREAM_KAFKA_REQUEST_TIMEOUT_MS", "3000");
        env.put("WIRESTREAM_KAFKA_DEFAULT_API_TIMEOUT_MS", "5000");
        IngestConfig config = new IngestConfig(ConfigSources.fromEnvironment(env));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ArticlePublisher(config).close());
        assertTrue(e.getMessage().startsWith("cannot list topics at " + broker.saslBootstrapServers()), e.getMessage());
        // A client that does not speak SASL gets no answer at all from a SASL listener: the broker closes the
        // connection during the handshake, so the client can only time out.
        assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, e.getCause().getCause());
    }

    @Test
    void shouldRefuseAWrongPasswordWithAnAuthenticationError() {
        ScramUser impostor = new ScramUser(INGEST.name(), "guessed-password");
        Map<String, String> env = securedEnvironment(impostor, "impostor");
        IngestConfig config = new IngestConfig(ConfigSources.fromEnvironment(env));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ArticlePublisher(config).close());
        assertEquals("cannot list topics at " + broker.saslBootstrapServers() + " within 30 s: Authentication failed "
            + "during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512", e.getMessage());
        assertFalse(e.getMessage().contains("guessed-password"));
    }

    private static String lineWith(String text, String secret) {
        return text.lines().filter(l -> l.contains(secret)).findFirst().orElse("").replace(secret, "<secret>");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, p.exitValue(), "keytool " + args[0] + " failed: " + out);
    }

    /** Sends every log event of Kafka and Wirestream, INFO and above, to a writer while open. */
    private static final class LogCapture implements AutoCloseable {
        private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        private final WriterAppender appender;

        LogCapture(StringWriter target) {
            appender = WriterAppender.newBuilder().setName("capture-" + UUID.randomUUID())
                .setTarget(target).setLayout(PatternLayout.newBuilder().withPattern("%c - %m%n").build()).build();
            appender.start();
            context.getConfiguration().addAppender(appender);
            context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
            Configurator.setLevel("org.apache.kafka", Level.INFO);
            Configurator.setLevel("io.wirestream", Level.INFO);
            context.updateLoggers();
        }

        @Override
        public void close() {
            Configurator.setLevel("org.apache.kafka", Level.WARN);
            context.getConfiguration().getRootLogger().removeAppender(appender.getName());
            context.updateLoggers();
            appender.stop();
        }
    }

    /**
     * An HTTPS front of the registry that demands HTTP basic auth and forwards what passes: what a registry
     * behind a TLS-terminating, authenticating ingress looks like to its clients.
     */
    private static final class TlsBasicAuthFront implements AutoCloseable {
        final AtomicInteger served = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        private final HttpsServer server;
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI upstream;
        private final String expected;

        TlsBasicAuthFront(Path keystore, char[] password, URI upstream, String userInfo) throws Exception {
            this.upstream = upstream;
            this.expected = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "https://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    rejected.incrementAndGet();
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"registry\"");
                    byte[] body = "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(401, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                byte[] requestBody = exchange.getRequestBody().readAllBytes();
                HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), requestBody.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                if (contentType != null) {
                    forward.header("Content-Type", contentType);
                }
                HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
                byte[] body = response.body();
                exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                served.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
