package io.wirestream.core;

import org.apache.kafka.common.serialization.Serde;

import java.util.Objects;

/**
 * A topic with the serdes of its keys and values: the one place where code and tests learn how to read
 * and write it.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde of topic " + name);
        Objects.requireNonNull(valueSerde, "valueSerde of topic " + name);
    }
}
