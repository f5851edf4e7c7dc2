package io.wirestream.processors.enrich;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.enrichment.language.LanguageGuess;
import io.wirestream.enrichment.language.LanguageIdentifier;
import io.wirestream.processors.PipelineStage;
import io.wirestream.processors.StageContext;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import java.util.Objects;

/**
 * Sets {@code language} and {@code languageConfidence} of each article from its title and cleaned
 * body. Stateless; an article too short or too mixed to call gets {@code und}.
 */
public final class LanguageTagging implements PipelineStage {

    public static final String NAME = "language";

    private final LanguageIdentifier identifier;

    public LanguageTagging(LanguageIdentifier identifier) {
        this.identifier = Objects.requireNonNull(identifier, "identifier must not be null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KStream<String, EnrichedArticle> build(KStream<String, EnrichedArticle> in, StageContext ctx) {
        return in.mapValues(this::tag, Named.as(step("identify")));
    }

    EnrichedArticle tag(EnrichedArticle article) {
        String text = article.getTitle() == null ? article.getBody() : article.getTitle() + "\n" + article.getBody();
        LanguageGuess guess = identifier.identify(text);
        return EnrichedArticle.newBuilder(article)
                .setLanguage(guess.code())
                .setLanguageConfidence(guess.confidence())
                .build();
    }
}
