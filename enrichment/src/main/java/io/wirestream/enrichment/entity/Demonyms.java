package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KbEntity;
import io.wirestream.enrichment.kb.KnowledgeBase;
import io.wirestream.enrichment.text.Morphology;

import java.util.List;
import java.util.Optional;

/**
 * Nationality words in Latin script (American, Indonesians, Iraqi): not a place, person or
 * organisation. A word is one when, less a plural {@code s} and then a final {@code n} or {@code i},
 * it is the name of a place the knowledge base knows (America, Indonesia, Iraq). Words in other
 * scripts are left alone: Russian writes nationality adjectives in lower case.
 */
final class Demonyms {

    private final KnowledgeBase kb;
    private final Morphology morphology;

    Demonyms(KnowledgeBase kb, Morphology morphology) {
        this.kb = kb;
        this.morphology = morphology;
    }

    boolean is(String word) {
        if (word.length() < 5 || !io.wirestream.enrichment.text.Scripts.latin(word.codePointAt(0))) {
            return false;
        }
        String w = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        char last = w.charAt(w.length() - 1);
        return (last == 'n' || last == 'i') && knownPlace(w.substring(0, w.length() - 1));
    }

    private boolean knownPlace(String name) {
        Optional<KnowledgeBase.NameMatch> m = kb.longestName(List.of(morphology.keys(name)), 0);
        return m.isPresent() && m.get().words() == 1
                && m.get().entities().stream().map(KbEntity::type).anyMatch(t -> t == EntityType.LOCATION);
    }
}
