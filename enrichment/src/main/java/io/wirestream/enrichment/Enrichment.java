package io.wirestream.enrichment;

import io.wirestream.enrichment.entity.LinkedEntity;
import io.wirestream.enrichment.language.LanguageGuess;

import java.util.List;
import java.util.Objects;

/** What enrichment found in one text: its language and the entities it names, most salient first. */
public record Enrichment(LanguageGuess language, List<LinkedEntity> entities) {

    public Enrichment {
        Objects.requireNonNull(language, "language must not be null");
        entities = List.copyOf(entities);
    }
}
