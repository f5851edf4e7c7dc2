package io.wirestream.testkit;

import io.wirestream.core.WirestreamConfig;
import io.wirestream.registry.client.CompatibilityResult;
import io.wirestream.registry.client.RegistryErrors;
import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryException;
import io.wirestream.registry.server.CompatibilityLevel;
import io.wirestream.registry.server.RegistryEntry;
import io.wirestream.registry.server.RegistryException;
import io.wirestream.registry.server.RegistryService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The schema registry in the test's memory: the registry's own rules ({@link RegistryService}: global ids,
 * versions, compatibility checks) on a journal kept in a list, behind the client interface the serdes use. For
 * topology tests that need real Avro serialisation but no broker and no HTTP server:
 * {@code new SerdeFactory(new InMemorySchemaRegistry(), Map.of("schema.registry.url", InMemorySchemaRegistry.URL))}.
 *
 * <p>Errors are those of the HTTP client, with the registry's status and error code, so code under test sees the
 * same failures. Thread-safe.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    /** The URL the serde configuration needs; nothing listens there. */
    public static final String URL = "http://in-memory-registry.invalid";

    private final List<RegistryEntry> journal = Collections.synchronizedList(new ArrayList<>());
    private final RegistryService service = new RegistryService(journal::add, CompatibilityLevel.BACKWARD);

    /** Where {@link #config} points the clients: a name that never resolves, as a topology test opens no connection. */
    public static final String NO_BROKER = "unused.invalid:9092";

    /**
     * The two settings every Wirestream application needs, for a topology test without a broker: bootstrap servers
     * where nothing listens ({@link #NO_BROKER}) and this registry's {@link #URL}, plus {@code extra} (which may
     * override them).
     */
    public static Map<String, Object> config(Map<String, ?> extra) {
        Map<String, Object> c = new HashMap<>();
        c.put(WirestreamConfig.BOOTSTRAP_SERVERS, NO_BROKER);
        c.put(WirestreamConfig.SCHEMA_REGISTRY_URL, URL);
        c.putAll(extra);
        return c;
    }

    /** Every change stored so far, in order, as the Kafka journal of a registry server would hold them. */
    public List<RegistryEntry> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    @Override
    public int register(String subject, Schema schema) {
        return call("register under subject '" + subject + "'", () -> service.register(subject, schema.toString()));
    }

    @Override
    public Schema getSchemaById(int id) {
        return call("schema " + id, () -> new Schema.Parser().parse(service.schemaById(id)));
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        return getSchemaMetadata(subject, "latest");
    }

    @Override
    public SchemaMetadata getSchemaMetadata(String subject, int version) {
        return getSchemaMetadata(subject, Integer.toString(version));
    }

    private SchemaMetadata getSchemaMetadata(String subject, String version) {
        return call("subject '" + subject + "' version " + version, () -> metadata(service.version(subject, version)));
    }

    @Override
    public Optional<SchemaMetadata> lookup(String subject, Schema schema) {
        try {
            return Optional.of(metadata(service.lookup(subject, schema.toString())));
        } catch (RegistryException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw translated("lookup under subject '" + subject + "'", e);
        }
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        try {
            List<String> broken = service.testCompatibility(subject, null, schema.toString());
            return new CompatibilityResult(broken.isEmpty(), broken);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryErrors.SUBJECT_NOT_FOUND) {
                return new CompatibilityResult(true, List.of());
            }
            throw translated("compatibility under subject '" + subject + "'", e);
        }
    }

    @Override
    public String getCompatibility(String subjectOrNull) {
        return (subjectOrNull == null ? service.globalLevel() : service.effectiveLevel(subjectOrNull)).name();
    }

    @Override
    public void setCompatibility(String subjectOrNull, String level) {
        call("config of " + (subjectOrNull == null ? "the registry" : "subject '" + subjectOrNull + "'"),
                () -> service.setLevel(subjectOrNull, level));
    }

    @Override
    public List<String> getAllSubjects() {
        return service.subjects();
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        return call("versions of subject '" + subject + "'", () -> service.versions(subject));
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static SchemaMetadata metadata(RegistryEntry.SchemaEntry e) {
        return new SchemaMetadata(e.id(), e.version(), e.subject(), new Schema.Parser().parse(e.schema()));
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RegistryException e) {
            throw translated(what, e);
        }
    }

    private static SchemaRegistryException translated(String what, RegistryException e) {
        return new SchemaRegistryException("in-memory schema registry refused " + what + ": " + e.getMessage(), URL,
                e.httpStatus(), e.errorCode(), e.getMessage(), e);
    }
}
