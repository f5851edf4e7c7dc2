package io.wirestream.registry.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SchemaRegistryClient} over HTTP with {@link HttpClient} and Jackson.
 *
 * <p>Caches what never changes in a registry: id to schema, and (subject, schema) to id and to version.
 * "Latest" answers, subjects, versions and compatibility settings are always fetched. An id the registry
 * does not know is remembered as missing for {@code schema.registry.missing.id.cache.ms} (records carrying
 * it are usually many: garbage, or written against another registry), and concurrent lookups of one id
 * share one request. Failures to reach the registry are never cached.
 *
 * <p>Failure policy: connection failures fall over to the next URL of the list at once; when every URL
 * failed to connect, or a request timed out, or the registry answered 5xx or 429, the request is retried
 * up to {@code schema.registry.retries} times with exponential backoff. Any other 4xx fails at once with
 * the registry's {@code error_code} and {@code message}. Requests are idempotent in this API (registering
 * the same schema twice returns the same id), so retrying a POST is safe.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
        "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final List<Endpoint> endpoints;
    private final AtomicInteger preferred = new AtomicInteger();
    private final HttpClient http;
    private final RegistryClientConfig config;
    private final ExponentialBackoff backoff;
    private final ObjectMapper json = new ObjectMapper();

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<Integer, MissingId> missingIds = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Schema>> fetchesById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> versionsBySubjectSchema = new ConcurrentHashMap<>();

    public HttpSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        this.endpoints = endpoints(config);
        if (endpoints.isEmpty()) {
            throw new org.apache.kafka.common.config.ConfigException(RegistryClientConfig.URL_CONFIG
                + " is empty: give at least one registry URL, for example http://localhost:8081");
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
            .connectTimeout(config.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
        if (config.truststoreLocation().isPresent()) {
            builder.sslContext(sslContext(config));
        }
        this.http = builder.build();
        this.backoff = new ExponentialBackoff(config.retryBackoffMs(), 2, config.retryBackoffMaxMs(), 0.2);
    }

    public static HttpSchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        return new HttpSchemaRegistryClient(new RegistryClientConfig(configs, false));
    }

    /** The registry base URLs this client talks to, without credentials. */
    public List<String> urls() {
        return endpoints.stream().map(e -> e.base().toString()).toList();
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
            "subject '" + subject + "'");
        int id = requiredInt(answer, "id", "register under subject '" + subject + "'");
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        MissingId missing = missingIds.get(id);
        if (missing != null) {
            if (System.nanoTime() - missing.at() < config.missingIdCacheTime().toNanos()) {
                throw missing.again();
            }
            missingIds.remove(id, missing);
        }
        CompletableFuture<Schema> mine = new CompletableFuture<>();
        CompletableFuture<Schema> running = fetchesById.putIfAbsent(id, mine);
        if (running != null) {
            return await(running, id);
        }
        try {
            Schema schema = fetchSchema(id);
            mine.complete(schema);
            return schema;
        } catch (RuntimeException e) {
            if (e instanceof SchemaRegistryException r && r.errorCode() == RegistryErrors.SCHEMA_NOT_FOUND
                && !config.missingIdCacheTime().isZero()) {
                missingIds.put(id, new MissingId(r, System.nanoTime()));
            }
            mine.completeExceptionally(e);
            throw e;
        } finally {
            fetchesById.remove(id, mine);
        }
    }

    private Schema fetchSchema(int id) {
        String what = "schema id " + id;
        JsonNode answer = call("GET", "/schemas/ids/" + id, null, what);
        Schema schema = parse(requiredText(answer, "schema", what), answer, what);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    /** The outcome of another thread's request for the same id. */
    private static Schema await(CompletableFuture<Schema> fetch, int id) {
        try {
            return fetch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SchemaRegistryException r) {
                throw new SchemaRegistryException(r.getMessage(), r.url(), r.httpStatus(), r.errorCode(), r.registryMessage(), r);
            }
            throw new SchemaRegistryException("looking up schema id " + id + " failed: " + e.getCause(), null,
                SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, String.valueOf(e.getCause()), e.getCause());
        }
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        return fetchVersion(subject, "latest");
    }

    @Override
    public SchemaMetadata getSchemaMetadata(String subject, int version) {
        return fetchVersion(subject, Integer.toString(version));
    }

    @Override
    public Optional<SchemaMetadata> lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer id = idsBySubjectSchema.get(key);
        Integer version = versionsBySubjectSchema.get(key);
        if (id != null && version != null) {
            return Optional.of(new SchemaMetadata(id, version, subject, schema));
        }
        String what = "subject '" + subject + "'";
        JsonNode answer;
        try {
            answer = call("POST", "/subjects/" + encode(subject), schemaBody(schema), what);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == RegistryErrors.SUBJECT_NOT_FOUND || e.errorCode() == RegistryErrors.SCHEMA_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        SchemaMetadata found = new SchemaMetadata(requiredInt(answer, "id", what), requiredInt(answer, "version", what),
            subject, schema);
        remember(found);
        return Optional.of(found);
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        String what = "subject '" + subject + "'";
        JsonNode answer;
        try {
            answer = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                schemaBody(schema), what);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == RegistryErrors.SUBJECT_NOT_FOUND) {
                // Nothing registered yet, so nothing the schema could break.
                return new CompatibilityResult(true, List.of());
            }
            throw e;
        }
        JsonNode compatible = answer.get("is_compatible");
        if (compatible == null || !compatible.isBoolean()) {
            throw unexpected(answer, "is_compatible", what);
        }
        List<String> messages = new ArrayList<>();
        JsonNode m = answer.get("messages");
        if (m != null && m.isArray()) {
            m.forEach(n -> messages.add(n.isTextual() ? n.asText() : n.toString()));
        }
        return new CompatibilityResult(compatible.booleanValue(), messages);
    }

    @Override
    public String getCompatibility(String subjectOrNull) {
        String path = subjectOrNull == null ? "/config" : "/config/" + encode(subjectOrNull) + "?defaultToGlobal=true";
        String what = subjectOrNull == null ? "global config" : "subject '" + subjectOrNull + "'";
        return requiredText(call("GET", path, null, what), "compatibilityLevel", what);
    }

    @Override
    public void setCompatibility(String subjectOrNull, String level) {
        String path = subjectOrNull == null ? "/config" : "/config/" + encode(subjectOrNull);
        String what = subjectOrNull == null ? "global config" : "subject '" + subjectOrNull + "'";
        ObjectNode body = json.createObjectNode().put("compatibility", level);
        call("PUT", path, body, what);
    }

    @Override
    public List<String> getAllSubjects() {
        JsonNode answer = call("GET", "/subjects", null, "all subjects");
        List<String> subjects = new ArrayList<>();
        requireArray(answer, "all subjects").forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        String what = "subject '" + subject + "'";
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions", null, what);
        List<Integer> versions = new ArrayList<>();
        requireArray(answer, what).forEach(n -> versions.add(n.asInt()));
        return versions;
    }

    /** Drops the caches; {@link HttpClient} of Java 17 holds no resource that needs closing. */
    @Override
    public void close() {
        schemasById.clear();
        missingIds.clear();
        idsBySubjectSchema.clear();
        versionsBySubjectSchema.clear();
    }

    private SchemaMetadata fetchVersion(String subject, String version) {
        String what = "subject '" + subject + "' version " + version;
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null, what);
        int id = requiredInt(answer, "id", what);
        Schema schema = schemasById.computeIfAbsent(id, i -> parse(requiredText(answer, "schema", what), answer, what));
        SchemaMetadata metadata = new SchemaMetadata(id, requiredInt(answer, "version", what), subject, schema);
        remember(metadata);
        return metadata;
    }

    private void remember(SchemaMetadata m) {
        SubjectSchema key = new SubjectSchema(m.subject(), m.schema());
        idsBySubjectSchema.put(key, m.id());
        versionsBySubjectSchema.put(key, m.version());
        schemasById.putIfAbsent(m.id(), m.schema());
    }

    private ObjectNode schemaBody(Schema schema) {
        // schemaType is omitted: AVRO is the default of the API, and old registries reject the field.
        return json.createObjectNode().put("schema", schema.toString());
    }

    /** One request with fall-over and retries; returns the parsed JSON of a 2xx answer. */
    private JsonNode call(String method, String pathAndQuery, JsonNode body, String what) {
        String payload = body == null ? null : body.toString();
        int attempt = 0;
        while (true) {
            Attempt result = attemptOnEndpoints(method, pathAndQuery, payload);
            HttpResponse<String> response = result.response();
            if (response != null && response.statusCode() / 100 == 2) {
                return parseJson(response, result.url(), method, what);
            }
            boolean retriable = response == null || response.statusCode() >= 500 || response.statusCode() == 429;
            if (!retriable || attempt >= config.retries()) {
                throw failure(method, result, what, attempt + 1);
            }
            long wait = backoff.backoff(attempt);
            attempt++;
            log.warn("{} {} ({}) failed ({}); retry {} of {} in {} ms", method, result.url(), what,
                response == null ? result.error().toString() : "HTTP " + response.statusCode(),
                attempt, config.retries(), wait);
            sleep(wait, method, result.url(), what);
        }
    }

    /** Tries the preferred endpoint, falling over to the others on connection failures only. */
    private Attempt attemptOnEndpoints(String method, String pathAndQuery, String payload) {
        int start = preferred.get();
        Attempt last = null;
        for (int i = 0; i < endpoints.size(); i++) {
            int index = (start + i) % endpoints.size();
            Endpoint endpoint = endpoints.get(index);
            URI uri = URI.create(endpoint.base() + pathAndQuery);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
            if (endpoint.authorization() != null) {
                request.header("Authorization", endpoint.authorization());
            }
            if (payload != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            request.method(method, payload == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                preferred.set(index);
                return new Attempt(uri.toString(), response, null);
            } catch (ConnectException | HttpConnectTimeoutException e) {
                log.debug("cannot connect to {}: {}", endpoint.base(), e.toString());
                last = new Attempt(uri.toString(), null, e);
            } catch (IOException e) {
                // Connected but no complete answer (timeout, reset): another URL would not know more.
                return new Attempt(uri.toString(), null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(method + " " + uri + " was interrupted", uri.toString(),
                    SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, "interrupted", e);
            }
        }
        return last;
    }

    private SchemaRegistryException failure(String method, Attempt result, String what, int attempts) {
        HttpResponse<String> response = result.response();
        if (response == null) {
            String cause = result.error().getClass().getSimpleName()
                + (result.error().getMessage() == null ? "" : ": " + result.error().getMessage());
            String where = endpoints.size() > 1 ? " (tried all " + endpoints.size() + " URLs)" : "";
            return new SchemaRegistryException(method + " " + result.url() + " (" + what + ") failed after "
                + attempts + " attempt(s)" + where + ": no answer from the registry: " + cause, result.url(),
                SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, cause, result.error());
        }
        int status = response.statusCode();
        int errorCode = status;
        String message = abbreviate(response.body());
        try {
            JsonNode error = json.readTree(response.body());
            if (error != null && error.isObject()) {
                if (error.path("error_code").isInt()) {
                    errorCode = error.get("error_code").intValue();
                }
                if (error.path("message").isTextual()) {
                    message = error.get("message").asText();
                }
            }
        } catch (JsonProcessingException notJson) {
            // Proxies and plain web servers answer with HTML or text: keep its start as the message.
        }
        return new SchemaRegistryException(method + " " + result.url() + " (" + what + ") failed"
            + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": the registry answered HTTP "
            + status + ", error_code " + errorCode + ": " + message,
            result.url(), status, errorCode, message, null);
    }

    private JsonNode parseJson(HttpResponse<String> response, String url, String method, String what) {
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(method + " " + url + " (" + what + ") answered HTTP "
                + response.statusCode() + " with a body that is not JSON: " + abbreviate(response.body()), url,
                response.statusCode(), response.statusCode(), abbreviate(response.body()), e);
        }
    }

    private Schema parse(String text, JsonNode answer, String what) {
        JsonNode type = answer.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
            throw new SchemaRegistryException(what + " has schemaType " + type.asText()
                + "; this client reads AVRO schemas only", null, 200, 0, type.asText(), null);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("the registry returned for " + what
                + " a schema that Avro cannot parse: " + e.getMessage(), null, 200, 0, abbreviate(text), e);
        }
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode n = answer == null ? null : answer.get(field);
        if (n == null || !n.canConvertToInt()) {
            throw unexpected(answer, field, what);
        }
        return n.intValue();
    }

    private static String requiredText(JsonNode answer, String field, String what) {
        JsonNode n = answer == null ? null : answer.get(field);
        if (n == null || !n.isTextual()) {
            throw unexpected(answer, field, what);
        }
        return n.asText();
    }

    private static JsonNode requireArray(JsonNode answer, String what) {
        if (answer == null || !answer.isArray()) {
            throw new SchemaRegistryException("the registry answered " + what + " with "
                + abbreviate(String.valueOf(answer)) + " where a JSON array was expected", null, 200, 0,
                abbreviate(String.valueOf(answer)), null);
        }
        return answer;
    }

    private static SchemaRegistryException unexpected(JsonNode answer, String field, String what) {
        String body = abbreviate(String.valueOf(answer));
        return new SchemaRegistryException("the registry's answer for " + what + " lacks a valid '" + field
            + "': " + body, null, 200, 0, body, null);
    }

    private static void sleep(long ms, String method, String url, String what) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method + " " + url + " (" + what + ") was interrupted between retries",
                url, SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, "interrupted", e);
        }
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        if (s == null || s.isEmpty()) {
            return "(empty body)";
        }
        String oneLine = s.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    private static List<Endpoint> endpoints(RegistryClientConfig config) {
        List<Endpoint> list = new ArrayList<>();
        String configured = config.userInfo().map(HttpSchemaRegistryClient::basic).orElse(null);
        for (URI url : config.urls()) {
            String authorization = configured;
            if (!config.credentialsFromUserInfo() && url.getRawUserInfo() != null) {
                authorization = basic(java.net.URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8));
            }
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            URI base = URI.create(url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + url.getHost()
                + (url.getPort() == -1 ? "" : ":" + url.getPort()) + path);
            list.add(new Endpoint(base, authorization));
        }
        return List.copyOf(list);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static SSLContext sslContext(RegistryClientConfig config) {
        String location = config.truststoreLocation().orElseThrow();
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore trustStore = KeyStore.getInstance(config.truststoreType());
            trustStore.load(in, config.truststorePassword());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the truststore " + location + " ("
                + RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the " + config.truststoreType() + " truststore " + location
                + " (" + RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + "): " + e.getMessage(), e);
        }
    }

    /** A base URL without credentials, and the Authorization header for it (or null). */
    private record Endpoint(URI base, String authorization) {
        @Override
        public String toString() {
            return base.toString();
        }
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    /** An id the registry answered "not found" for, and when (System.nanoTime()). */
    private record MissingId(SchemaRegistryException answer, long at) {
        SchemaRegistryException again() {
            return new SchemaRegistryException(answer.getMessage() + " (remembered: not asked again for "
                + "schema.registry.missing.id.cache.ms)", answer.url(), answer.httpStatus(), answer.errorCode(),
                answer.registryMessage(), null);
        }
    }

    private record Attempt(String url, HttpResponse<String> response, IOException error) {
    }
}
