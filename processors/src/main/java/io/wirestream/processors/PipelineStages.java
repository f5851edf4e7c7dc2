package io.wirestream.processors;

import io.wirestream.processors.dedup.Deduplication;
import io.wirestream.processors.enrich.EnrichmentStages;
import io.wirestream.processors.story.StoryLinking;

import java.util.ArrayList;
import java.util.List;

/** The stages that run after cleaning, in order, as the processors application runs them. */
public final class PipelineStages {
    private PipelineStages() {
    }

    public static List<PipelineStage> standard(ProcessorConfig config) {
        List<PipelineStage> stages = new ArrayList<>();
        // dedup first: copies never cost an enrichment, and only originals reach the enriched topic
        stages.add(new Deduplication());
        stages.addAll(EnrichmentStages.standard());
        // last: stories need the entities, and routes and news.enriched get the article with its story
        stages.add(new StoryLinking(config.storyParameters()));
        return List.copyOf(stages);
    }
}
