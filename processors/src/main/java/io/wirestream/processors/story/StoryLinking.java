package io.wirestream.processors.story;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Story;
import io.wirestream.core.Topic;
import io.wirestream.processors.PipelineStage;
import io.wirestream.processors.StageContext;
import io.wirestream.stories.StoryParameters;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The story stage: every article gets a story ({@code EnrichedArticle.story}), and each story's state is written
 * to the compacted {@code news.stories}, keyed by story id (see docs/stories.md).
 *
 * <p>Story assignment is a global decision: the article and every open story it could join must be seen by the
 * same processor. The articles are therefore repartitioned through {@value #TOPIC}, an internal topic of ONE
 * partition, so one task owns the whole story index, whichever partition or instance the article came from.
 * Its state is the store {@value #STORE} (story id to stored story, RocksDB with a changelog), written in the
 * same exactly-once transaction as the articles and story records; the in-memory index is rebuilt from the
 * store when the task starts. Limit: the stage's throughput is that of one task (tens of thousands of articles
 * a second, far above a news pipeline's need), and the task moves between instances as a whole.
 *
 * <p>Only articles that passed deduplication reach it, once each; a story counts an article id twice only if
 * the same id reached the stage twice.
 */
public final class StoryLinking implements PipelineStage {

    public static final String NAME = "stories";
    public static final String STORE = "stories-index";
    public static final String TOPIC = "stories-in";

    private final StoryParameters parameters;

    public StoryLinking(StoryParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KStream<String, EnrichedArticle> build(KStream<String, EnrichedArticle> in, StageContext ctx) {
        ctx.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()));
        KStream<String, StoryProcessor.Outcome> outcomes = in
                .repartition(Repartitioned.<String, EnrichedArticle>as(TOPIC)
                        .withNumberOfPartitions(1)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(ctx.serdes().forValues(EnrichedArticle.class)))
                .process(() -> new StoryProcessor(parameters), Named.as(step("link")), STORE);

        Topic<String, Story> stories = ctx.topics().stories();
        outcomes
                .flatMap((id, outcome) -> outcome.stories().stream().map(s -> KeyValue.pair(s.getId(), s)).toList(),
                        Named.as(step("states")))
                .to(stories.name(), Produced.with(stories.keySerde(), stories.valueSerde()).withName(step("sink-stories")));
        return outcomes.mapValues(StoryProcessor.Outcome::article, Named.as(step("article")));
    }
}
