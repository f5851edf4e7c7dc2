package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;

/**
 * Rules for names written in Cyrillic, backed by the Russian dictionary ({@link Morphology}): its
 * tags say whether a word is a given name, a surname, an adjective, an abbreviation or only a common
 * word.
 */
final class RussianNameRules {

    private final Morphology morphology;
    private final NameCues cues;

    RussianNameRules(Morphology morphology, NameCues cues) {
        this.morphology = morphology;
        this.cues = cues;
    }

    static boolean applies(Token t) {
        return Morphology.isCyrillic(t.text());
    }

    /**
     * Whether a capitalised Cyrillic word can be part of a name. A word the dictionary knows only as
     * a common word is not, unless it names an organisation kind, has the shape of a place name
     * (indeclinable or neuter noun) or is written with a capital in the spelling dictionary (Европы),
     * inside a sentence. An all-capitals abbreviation of three or more
     * letters may be a name (МИД, МВД); a two-letter one the dictionary knows (ЧП) is not; legal forms
     * (ЗАО, ООО) are organisation words, dropped when alone.
     */
    boolean nameWord(Token t) {
        Morphology.Analysis a = morphology.analyse(t.text());
        if (t.acronym()) {
            // МИД, МВД, ФАС name organisations though the dictionary lists them as abbreviations of
            // common phrases; two-letter ones (ЧП, ДТП is three) are mostly common words
            return !a.known() || !a.properLemmas().isEmpty() || t.text().length() >= 3;
        }
        return !a.known() || !a.properLemmas().isEmpty() || cues.is(NameCues.Kind.ORG_WORD, t.text())
                || (a.placeLemma() != null && !t.sentenceStart()) || (a.properNoun() && !t.sentenceStart());
    }

    /**
     * A single word the dictionary reads as a place name: the shape of one (Душанбе, Строгино), or an
     * inanimate noun the spelling dictionary writes with a capital (Европы, Волге, Севастополя).
     */
    boolean placeName(Token t) {
        if (!applies(t)) {
            return false;
        }
        Morphology.Analysis a = morphology.analyse(t.text());
        return a.placeLemma() != null || (a.properNoun() && a.inanimate() && a.properLemmas().isEmpty());
    }

    /**
     * A name made of a capitalised adjective and a lower-case place or organisation noun
     * («Московской области», «Ильинское шоссе», «Московского метрополитена»): Russian capitalises
     * only the first word of such names. Null if the words at {@code from} are not one.
     */
    NameSpan adjectivePhrase(LinkedText lt, int from) {
        Token t = lt.token(from);
        if (from + 1 >= lt.size() || !applies(t) || t.acronym()) {
            return null;
        }
        Morphology.Analysis a = morphology.analyse(t.text());
        Token next = lt.token(from + 1);
        if (!a.adjective() || next.capitalised() || !LinkedText.adjacent(t, next) || !applies(next)) {
            return null;
        }
        if (cues.is(NameCues.Kind.PLACE_WORD, next.text())) {
            return new NameSpan(from, from + 2, null, EntityType.LOCATION);
        }
        if (cues.is(NameCues.Kind.ORG_WORD, next.text()) && !t.sentenceStart()) {
            // at a sentence start the capital says nothing («Национальная компания ...»);
            // «Европейский банк реконструкции и развития»: the name goes on in words that cannot be
            // told from the sentence; rather no entity than a truncated one
            if (from + 2 < lt.size()) {
                Token after = lt.token(from + 2);
                if (!after.capitalised() && LinkedText.adjacent(next, after) && morphology.genitive(after.text())) {
                    return null;
                }
            }
            return new NameSpan(from, from + 2, null, EntityType.ORGANIZATION);
        }
        return null;
    }

    /**
     * A name made of a capitalised organisation noun and the lower-case genitive words that say what
     * it is for («Министерства обороны», «Министерства иностранных дел»): capitalised inside a
     * sentence, the noun starts a proper name. At most {@value #MAX_GENITIVES} genitive words are
     * taken. Null if the words at {@code from} are not one.
     */
    NameSpan genitivePhrase(LinkedText lt, int from) {
        Token t = lt.token(from);
        if (!applies(t) || t.acronym() || t.sentenceStart() || !cues.is(NameCues.Kind.ORG_WORD, t.text())) {
            return null;
        }
        int end = from + 1;
        while (end < lt.size() && end - from <= MAX_GENITIVES) {
            Token w = lt.token(end);
            if (w.capitalised() || !applies(w) || !LinkedText.adjacent(lt.token(end - 1), w) || !morphology.genitive(w.text())) {
                break;
            }
            end++;
        }
        return end == from + 1 ? null : new NameSpan(from, end, null, EntityType.ORGANIZATION);
    }

    private static final int MAX_GENITIVES = 3;

    /** A given name by the dictionary's {@code Name} tag. */
    boolean givenName(Token t) {
        return morphology.analyse(t.text()).givenName();
    }

    /**
     * A word of the run that makes it a person: a surname that is not also an adjective
     * (Московский is a person only next to a given name), or a given name in a run of two or more.
     */
    boolean personWord(Token t, int runWords) {
        Morphology.Analysis an = morphology.analyse(t.text());
        return (an.surname() && !an.adjective()) || (an.givenName() && runWords >= 2);
    }
}
