package io.wirestream.registry.client;

import org.apache.avro.Schema;

import java.util.List;
import java.util.Optional;

/**
 * A client of a schema registry speaking the Confluent Schema Registry REST API (a Confluent server or
 * Wirestream's own {@code SchemaRegistryServer}).
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry refuses the request or cannot
 * be reached; {@link #lookup} and {@link #testCompatibility} turn "subject not found" into a result
 * instead. Implementations are thread-safe.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getSchemaById(int id);

    /** The newest version registered under {@code subject}. */
    SchemaMetadata getLatestSchemaMetadata(String subject);

    /** One version of {@code subject}. */
    SchemaMetadata getSchemaMetadata(String subject, int version);

    /** The version of {@code subject} holding {@code schema}, or empty if the subject or schema is unknown. */
    Optional<SchemaMetadata> lookup(String subject, Schema schema);

    /**
     * Whether {@code schema} may be registered under {@code subject} at the subject's compatibility level,
     * with the registry's explanations. A subject without versions accepts any schema.
     */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /**
     * The compatibility level of {@code subjectOrNull}, falling back to the global level when the subject
     * has none of its own; the global level when {@code subjectOrNull} is null.
     */
    String getCompatibility(String subjectOrNull);

    /** Sets the compatibility level of a subject, or the global level when {@code subjectOrNull} is null. */
    void setCompatibility(String subjectOrNull, String level);

    List<String> getAllSubjects();

    List<Integer> getAllVersions(String subject);

    @Override
    void close();
}
