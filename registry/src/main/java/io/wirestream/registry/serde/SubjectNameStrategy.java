package io.wirestream.registry.serde;

import org.apache.avro.Schema;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the serializer names the registry subject it registers or looks up a record's schema under. The names are
 * Confluent's, and Confluent's class names are accepted too, so a client configuration can be shared.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-value} (or {@code -key}): one schema history per topic; the default. */
    TOPIC_NAME("TopicNameStrategy"),
    /**
     * The record's full name, e.g. {@code io.wirestream.avro.EnrichedArticle}: one schema history per record type,
     * shared by every topic that carries it (and their compatibility checked together).
     */
    RECORD_NAME("RecordNameStrategy");

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String label;

    SubjectNameStrategy(String label) {
        this.label = label;
    }

    /** The name used in configuration, e.g. {@code TopicNameStrategy}. */
    public String label() {
        return label;
    }

    /** Accepts the short name or Confluent's class name ({@code io.confluent.kafka.serializers.subject.RecordNameStrategy}). */
    public static Optional<SubjectNameStrategy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        String shortName = t.startsWith(CONFLUENT_PACKAGE) ? t.substring(CONFLUENT_PACKAGE.length()) : t;
        return Arrays.stream(values()).filter(s -> s.label.equals(shortName)).findFirst();
    }

    /** The subject of a record with {@code schema} written to {@code topic}. */
    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> SubjectNames.topicNameStrategy(topic, isKey);
            case RECORD_NAME -> SubjectNames.recordNameStrategy(schema);
        };
    }
}
