package io.wirestream.processors;

import java.util.List;

/** The stages that run after cleaning, in order, as the processors application runs them. */
public final class PipelineStages {
    private PipelineStages() {
    }

    public static List<PipelineStage> standard(ProcessorConfig config) {
        return List.of();
    }
}
