package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;

import java.util.List;

/**
 * The name of an entity the knowledge base lacks, in its dictionary form where the dictionary knows
 * it: «Гараева» becomes «Гараев», «Анны Крыловой» «Анна Крылова» (a surname after a feminine given
 * name is put in the feminine), «Строгина» (a place) «Строгино», «Московской области» «Московская
 * область». Words in other scripts are kept as written.
 */
final class RussianCitationForms {

    private final Morphology morphology;
    private final NameCues cues;

    RussianCitationForms(Morphology morphology, NameCues cues) {
        this.morphology = morphology;
        this.cues = cues;
    }

    String citationForm(LinkedText lt, NameSpan s, EntityType type) {
        boolean feminine = false;
        for (int k = s.from(); k < s.to(); k++) {
            Morphology.Analysis a = morphology.analyse(lt.token(k).text());
            if (a.givenName()) {
                feminine = a.feminine();
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int k = s.from(); k < s.to(); k++) {
            Token t = lt.token(k);
            String word = t.text();
            String lemma = Morphology.isCyrillic(word) && !t.acronym() ? wordCitation(lt, k, s, type, feminine) : null;
            if (lemma != null) {
                word = t.capitalised() ? Character.toUpperCase(lemma.charAt(0)) + lemma.substring(1) : lemma;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word);
        }
        return b.toString();
    }

    /** The lemma of a lower-case noun of a name that is a place or organisation cue («банка» is банк, not банка). */
    private String cueLemma(String word) {
        List<String> lemmas = morphology.analyse(word).commonLemmas();
        for (String lemma : lemmas) {
            if (cues.is(NameCues.Kind.PLACE_WORD, lemma) || cues.is(NameCues.Kind.ORG_WORD, lemma)) {
                return lemma;
            }
        }
        return lemmas.isEmpty() ? null : lemmas.get(0);
    }

    private String wordCitation(LinkedText lt, int k, NameSpan s, EntityType type, boolean feminine) {
        Token t = lt.token(k);
        String word = t.text();
        Morphology.Analysis a = morphology.analyse(word);
        if (a.adjective() && k + 1 < s.to() && !lt.token(k + 1).capitalised()) {
            String next = lt.token(k + 1).text();
            String noun = cueLemma(next);
            String gender = noun == null ? null : morphology.genderOf(next, noun);
            if (gender != null) {
                return morphology.adjectiveAgreeing(word, gender);
            }
        }
        if (!t.capitalised()) {
            return cueLemma(word);
        }
        if (type == EntityType.LOCATION) {
            if (a.placeLemma() != null) {
                return a.placeLemma();
            }
            if (a.properLemmas().isEmpty() && !a.commonLemmas().isEmpty()) {
                return a.commonLemmas().get(0);
            }
        }
        String lemma = morphology.properLemma(word);
        if (lemma != null && feminine && a.surname() && !a.givenName()) {
            String female = morphology.form(lemma, "NN:Fam:Fem:Sin:Nom");
            return female != null ? female : lemma;
        }
        return lemma;
    }
}
