package io.wirestream.registry.serde;

/**
 * Subject names of Confluent's strategies. TopicNameStrategy: the subject of a topic's values is
 * {@code <topic>-value}, of its keys {@code <topic>-key}. RecordNameStrategy: the record's full name.
 */
public final class SubjectNames {
    private SubjectNames() {
    }

    public static String topicNameStrategy(String topic, boolean isKey) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic must be a non-empty name, was '" + topic + "'");
        }
        return topic + (isKey ? "-key" : "-value");
    }

    public static String recordNameStrategy(org.apache.avro.Schema schema) {
        if (schema == null || schema.getType() != org.apache.avro.Schema.Type.RECORD) {
            throw new IllegalArgumentException("the RecordNameStrategy names subjects after records, but the schema is "
                + (schema == null ? "missing" : "a " + schema.getType().getName()));
        }
        return schema.getFullName();
    }
}
