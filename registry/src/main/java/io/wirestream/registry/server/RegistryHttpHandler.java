package io.wirestream.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.wirestream.registry.client.RegistryErrors;
import io.wirestream.registry.server.RegistryEntry.SchemaEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Confluent Schema Registry REST API over {@link RegistryService}: routes, JSON bodies, and errors as
 * {@code {"error_code": ..., "message": ...}} with the HTTP status the code starts with.
 */
final class RegistryHttpHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** Schema texts are small; a larger body is refused rather than read into memory. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final RegistryService registry;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttpHandler(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            byte[] body;
            try {
                Object answer = route(exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()),
                    query(exchange.getRequestURI().getRawQuery()), exchange);
                body = answer instanceof String raw ? raw.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(answer);
            } catch (RegistryException e) {
                status = e.httpStatus();
                body = error(e.errorCode(), e.getMessage());
                if (status >= 500) {
                    log.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.getMessage(), e);
                }
            } catch (RuntimeException e) {
                status = 500;
                body = error(500, "Internal error: " + e);
                log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            }
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Object route(String method, List<String> path, Map<String, String> query, HttpExchange exchange)
        throws IOException {
        int n = path.size();
        if (n == 0) {
            return only(method, "GET", json.createObjectNode());
        }
        switch (path.get(0)) {
            case "subjects":
                if (n == 1) {
                    only(method, "GET", null);
                    return registry.subjects();
                }
                String subject = path.get(1);
                if (n == 2) {
                    only(method, "POST", null);
                    return metadata(registry.lookup(subject, schemaText(exchange)));
                }
                if (n == 3 && path.get(2).equals("versions")) {
                    if (method.equals("POST")) {
                        return json.createObjectNode().put("id", registry.register(subject, schemaText(exchange)));
                    }
                    only(method, "GET", null);
                    return registry.versions(subject);
                }
                if (n == 4 && path.get(2).equals("versions")) {
                    only(method, "GET", null);
                    return metadata(registry.version(subject, path.get(3)));
                }
                if (n == 5 && path.get(2).equals("versions") && path.get(4).equals("schema")) {
                    only(method, "GET", null);
                    return registry.version(subject, path.get(3)).schema();
                }
                break;
            case "schemas":
                if (n >= 3 && path.get(1).equals("ids")) {
                    int id = schemaId(path.get(2));
                    if (n == 3) {
                        only(method, "GET", null);
                        return json.createObjectNode().put("schema", registry.schemaById(id));
                    }
                    if (n == 4 && path.get(3).equals("schema")) {
                        only(method, "GET", null);
                        return registry.schemaById(id);
                    }
                    if (n == 4 && path.get(3).equals("versions")) {
                        only(method, "GET", null);
                        ArrayNode uses = json.createArrayNode();
                        registry.usesOf(id).forEach(u -> uses.addObject().put("subject", u.subject()).put("version", u.version()));
                        return uses;
                    }
                }
                break;
            case "compatibility":
                if ((n == 4 || n == 5) && path.get(1).equals("subjects") && path.get(3).equals("versions")) {
                    only(method, "POST", null);
                    List<String> messages = registry.testCompatibility(path.get(2), n == 5 ? path.get(4) : null,
                        schemaText(exchange));
                    ObjectNode answer = json.createObjectNode().put("is_compatible", messages.isEmpty());
                    if ("true".equalsIgnoreCase(query.get("verbose"))) {
                        messages.forEach(answer.putArray("messages")::add);
                        if (messages.isEmpty()) {
                            answer.putArray("messages");
                        }
                    }
                    return answer;
                }
                break;
            case "config":
                if (n == 1 || n == 2) {
                    String configSubject = n == 2 ? path.get(1) : null;
                    if (method.equals("PUT")) {
                        JsonNode request = body(exchange);
                        String level = request.path("compatibility").asText(null);
                        return json.createObjectNode().put("compatibility", registry.setLevel(configSubject, level).name());
                    }
                    only(method, "GET", null);
                    return json.createObjectNode().put("compatibilityLevel", level(configSubject, query).name());
                }
                break;
            default:
                break;
        }
        throw new RegistryException(404, 404, "HTTP 404 Not Found: " + method + " /" + String.join("/", path));
    }

    private CompatibilityLevel level(String subject, Map<String, String> query) {
        if (subject == null) {
            return registry.globalLevel();
        }
        return registry.subjectLevel(subject).orElseGet(() -> {
            if ("true".equalsIgnoreCase(query.get("defaultToGlobal"))) {
                return registry.globalLevel();
            }
            throw new RegistryException(404, RegistryErrors.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
        });
    }

    private ObjectNode metadata(SchemaEntry v) {
        return json.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
            .put("schema", v.schema());
    }

    private String schemaText(HttpExchange exchange) throws IOException {
        JsonNode request = body(exchange);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new RegistryException(422, RegistryErrors.INVALID_SCHEMA,
                "Invalid schema: schemaType " + type + " is not supported; this registry serves AVRO only");
        }
        JsonNode references = request.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw new RegistryException(422, RegistryErrors.INVALID_SCHEMA,
                "Invalid schema: schema references are not supported by this registry");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new RegistryException(422, RegistryErrors.INVALID_SCHEMA,
                "Invalid schema: the request body needs a 'schema' field holding the schema as a JSON string");
        }
        return schema.asText();
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new RegistryException(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new RegistryException(400, 400, "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, 400, "Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static <T> T only(String method, String allowed, T answer) {
        if (!method.equals(allowed)) {
            throw new RegistryException(405, 405, "HTTP 405 Method Not Allowed: use " + allowed);
        }
        return answer;
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, RegistryErrors.SCHEMA_NOT_FOUND,
                "Schema " + text + " not found: ids are integers");
        }
    }

    private byte[] error(int code, String message) {
        try {
            return json.writeValueAsBytes(json.createObjectNode().put("error_code", code).put("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Path segments, percent-decoded one by one so an encoded '/' stays inside its subject name. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
