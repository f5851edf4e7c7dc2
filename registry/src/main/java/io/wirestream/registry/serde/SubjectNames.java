package io.wirestream.registry.serde;

/** Confluent's TopicNameStrategy: the subject of a topic's values is {@code <topic>-value}, of its keys {@code <topic>-key}. */
public final class SubjectNames {
    private SubjectNames() {
    }

    public static String topicNameStrategy(String topic, boolean isKey) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic must be a non-empty name, was '" + topic + "'");
        }
        return topic + (isKey ? "-key" : "-value");
    }
}
