package io.wirestream.processors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.ops.metrics.PipelineMetrics;
import org.apache.kafka.streams.StreamsBuilder;

import java.util.Objects;

/**
 * What every stage needs to build its part of the topology, and where it records its metrics.
 *
 * @param partitions the partition count of the input topic, which Kafka Streams gives every repartition
 *                   topic of the pipeline; a stage that routes records to partitions itself needs it
 */
public record StageContext(StreamsBuilder builder, Topics topics, SerdeFactory serdes, ProcessorConfig config,
                           PipelineMetrics metrics, int partitions) {
    public StageContext {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(serdes, "serdes");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
        if (partitions < 1) {
            throw new IllegalArgumentException("the input topic's partition count must be at least 1, got " + partitions);
        }
    }

    /** A context for an input topic with the configured partition count ({@code topic.partitions}). */
    public StageContext(StreamsBuilder builder, Topics topics, SerdeFactory serdes, ProcessorConfig config,
                        PipelineMetrics metrics) {
        this(builder, topics, serdes, config, metrics, config.topicSettings().partitions());
    }

    /** A context whose metrics go nowhere (topology tests). */
    public StageContext(StreamsBuilder builder, Topics topics, SerdeFactory serdes, ProcessorConfig config) {
        this(builder, topics, serdes, config, new PipelineMetrics(new SimpleMeterRegistry()));
    }
}
