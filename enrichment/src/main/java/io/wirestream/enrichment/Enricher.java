package io.wirestream.enrichment;

import io.wirestream.enrichment.entity.EntityLinker;
import io.wirestream.enrichment.kb.KnowledgeBase;
import io.wirestream.enrichment.language.LanguageGuess;
import io.wirestream.enrichment.language.LanguageIdentifier;
import io.wirestream.enrichment.language.ScriptAwareLanguageIdentifier;

import java.util.Objects;

/**
 * Language identification and entity linking for one text, the unit the stream stages and the
 * benchmark use. Thread-safe; build one per process (models load in about two seconds).
 */
public final class Enricher {

    private final LanguageIdentifier languages;
    private final EntityLinker linker;

    public Enricher(LanguageIdentifier languages, EntityLinker linker) {
        this.languages = Objects.requireNonNull(languages, "languages must not be null");
        this.linker = Objects.requireNonNull(linker, "linker must not be null");
    }

    /** The standard set-up: script-aware OpenNLP identification, the bundled knowledge base. */
    public static Enricher standard() {
        return new Enricher(ScriptAwareLanguageIdentifier.forNews(), new EntityLinker(KnowledgeBase.bundled()));
    }

    public LanguageIdentifier languages() {
        return languages;
    }

    public EntityLinker linker() {
        return linker;
    }

    public Enrichment enrich(String text) {
        LanguageGuess language = languages.identify(text);
        return new Enrichment(language, linker.link(text, language.code()));
    }
}
