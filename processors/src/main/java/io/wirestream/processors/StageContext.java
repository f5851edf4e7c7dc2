package io.wirestream.processors;

import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import org.apache.kafka.streams.StreamsBuilder;

import java.util.Objects;

/** What every stage needs to build its part of the topology. */
public record StageContext(StreamsBuilder builder, Topics topics, SerdeFactory serdes, ProcessorConfig config) {
    public StageContext {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(serdes, "serdes");
        Objects.requireNonNull(config, "config");
    }
}
