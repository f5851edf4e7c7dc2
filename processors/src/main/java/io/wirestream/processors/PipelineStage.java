package io.wirestream.processors;

import io.wirestream.avro.EnrichedArticle;
import org.apache.kafka.streams.kstream.KStream;

/**
 * One step of the news pipeline. A stage receives the articles keyed by article id, returns those that go
 * on (possibly fewer, possibly changed) keyed by article id, and may write other topics itself.
 *
 * <p>Contract: {@link #name()} is stable and short ({@code [a-z-]+}); it prefixes the stage's processor
 * names ({@code <name>.<step>}), store names and internal topics, so that they keep their names as the
 * topology changes, and it is what a {@code DeadLetter} reports as the failed stage. A stage that cannot
 * handle a record throws; the processing exception handler then sends the record to the dead-letter topic
 * and the application goes on.
 */
public interface PipelineStage {
    String name();

    KStream<String, EnrichedArticle> build(KStream<String, EnrichedArticle> in, StageContext ctx);

    /** The processor name of a step of this stage, e.g. {@code clean.text}. */
    default String step(String step) {
        return name() + "." + step;
    }
}
