package io.wirestream.processors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.ops.metrics.PipelineMetrics;
import org.apache.kafka.streams.StreamsBuilder;

import java.util.Objects;

/** What every stage needs to build its part of the topology, and where it records its metrics. */
public record StageContext(StreamsBuilder builder, Topics topics, SerdeFactory serdes, ProcessorConfig config,
                           PipelineMetrics metrics) {
    public StageContext {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(serdes, "serdes");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** A context whose metrics go nowhere (topology tests). */
    public StageContext(StreamsBuilder builder, Topics topics, SerdeFactory serdes, ProcessorConfig config) {
        this(builder, topics, serdes, config, new PipelineMetrics(new SimpleMeterRegistry()));
    }
}
