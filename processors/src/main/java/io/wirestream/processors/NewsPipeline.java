package io.wirestream.processors;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.ProcessingInfo;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.Topic;
import io.wirestream.ops.metrics.PipelineMetrics;
import io.wirestream.processors.clean.Cleaning;
import io.wirestream.processors.clean.TextCleaner;
import io.wirestream.processors.route.Routing;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The processors topology: {@code news.raw} → clean → the configured stages, in order →
 * {@code news.enriched}, and to the topics of the configured routes ({@link Routing}). Production code and tests build it through {@link #build}, so tests run the
 * topology that runs in production.
 *
 * <p>Errors: a {@code news.raw} record that is not a RawArticle becomes a dead letter in the topology
 * ({@link RawRecordParser}, stage {@code deserialize}), so that its dead letter commits with its offset;
 * a record a stage throws on goes to the dead-letter topic through the exception handlers set in
 * {@link ProcessorConfig#streamsProperties()}.
 *
 * <p>Metrics (records out per stage, language mix, end-to-end latency) are recorded as records pass; after
 * a crash the records of the aborted transaction are processed again and counted again, so these counters
 * are at-least-once, unlike the topics.
 */
public final class NewsPipeline {
    public static final String SOURCE = "source.raw";
    public static final String SINK = "sink.enriched";

    private NewsPipeline() {
    }

    /**
     * Builds the topology.
     *
     * @param stages the stages after cleaning, in order (deduplication, language, entities)
     */
    public static Topology build(StageContext ctx, List<PipelineStage> stages) {
        Objects.requireNonNull(ctx, "ctx");
        StreamsBuilder builder = ctx.builder();
        Topic<String, RawArticle> raw = ctx.topics().raw();
        Topic<String, EnrichedArticle> enriched = ctx.topics().enriched();

        Topic<String, DeadLetter> deadLetters = ctx.topics().deadLetters();
        Cleaning cleaning = new Cleaning(new TextCleaner(), ctx.config().pipelineVersion());
        KStream<String, RawRecordParser.Parsed> parsed = builder
            .stream(raw.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
            .process(() -> new RawRecordParser(raw.valueSerde().deserializer(), ctx.config().applicationId(), ctx.metrics(),
                ctx.config().deadLetterMaxBytes()),
                Named.as(RawRecordParser.STAGE + ".parse"));
        parsed
            .filter((key, p) -> p.deadLetter() != null, Named.as(RawRecordParser.STAGE + ".failed"))
            .mapValues(RawRecordParser.Parsed::deadLetter, Named.as(RawRecordParser.STAGE + ".dead-letter"))
            .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde())
                .withName(RawRecordParser.STAGE + ".sink-dead-letters"));
        KStream<String, EnrichedArticle> articles = parsed
            .filter((key, p) -> p.deadLetter() == null, Named.as(RawRecordParser.STAGE + ".parsed"))
            .mapValues(RawRecordParser.Parsed::article, Named.as(RawRecordParser.STAGE + ".article"))
            .mapValues((key, article) -> cleaning.apply(article, Instant.now()), Named.as(Cleaning.STAGE + ".text"))
            .peek((id, article) -> ctx.metrics().recordsOut(Cleaning.STAGE, 1), Named.as(Cleaning.STAGE + ".metrics"));

        for (PipelineStage stage : stages) {
            articles = stage.build(articles, ctx)
                .mapValues(article -> withStage(article, stage.name()), Named.as(stage.step("done")))
                .peek((id, article) -> ctx.metrics().recordsOut(stage.name(), 1), Named.as(stage.step("metrics")));
        }

        PipelineMetrics metrics = ctx.metrics();
        KStream<String, EnrichedArticle> out = articles
            .mapValues(article -> stamped(article), Named.as("sink.stamp"))
            .peek((id, article) -> record(metrics, article), Named.as("sink.metrics"));
        out.to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()).withName(SINK));
        // routes get the very records of the enriched topic, in the same transaction
        Routing.build(out, ctx, ctx.config().routes());
        return builder.build();
    }

    // Values are copied, not changed in place: a stage may hand the same object to several branches. The copy
    // shares every field but the processing metadata with the original (ArticleCopies).
    private static EnrichedArticle withStage(EnrichedArticle article, String stage) {
        List<String> stages = new ArrayList<>(article.getProcessing().getStages());
        stages.add(stage);
        return ArticleCopies.withProcessing(article, ProcessingInfo.newBuilder(article.getProcessing()).setStages(stages).build());
    }

    private static void record(PipelineMetrics metrics, EnrichedArticle article) {
        Instant out = article.getProcessing().getProcessedAt();
        metrics.recordsOut("enriched", 1);
        metrics.articleLanguage(article.getLanguage());
        metrics.endToEndLatency(PipelineMetrics.Since.INGEST, article.getFetchedAt(), out);
        if (article.getPublishedAt() != null) {
            metrics.endToEndLatency(PipelineMetrics.Since.PUBLICATION, article.getPublishedAt(), out);
        }
    }

    private static EnrichedArticle stamped(EnrichedArticle article) {
        return ArticleCopies.withProcessing(article,
            ProcessingInfo.newBuilder(article.getProcessing()).setProcessedAt(Instant.now()).build());
    }
}
