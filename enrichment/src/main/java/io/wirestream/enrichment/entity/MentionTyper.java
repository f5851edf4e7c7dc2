package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.EnglishNameLists;
import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;

import java.util.Locale;

/**
 * Types a name the knowledge base lacks by its cues ({@link NameCues}), in this order: an
 * organisation word inside, an all-capitals acronym alone or a word ending in an organisation word
 * makes an ORGANIZATION, and so do Latin words in a Cyrillic text; a given name first, a title before it (over a portfolio: "sindaco di Roma
 * Roberto Gualtieri") or a speech verb after it makes a PERSON; a place noun before it («города
 * Лачин») or at its end (Ross Ice Shelf), a Russian place-name reading or the name of a US state makes a LOCATION; a dictionary surname makes a PERSON; a
 * place preposition before a single word inside a sentence makes a LOCATION. Otherwise untyped (null).
 */
final class MentionTyper {

    private final NameCues cues;
    private final Morphology morphology;
    private final RussianNameRules russian;
    private final GermanNameRules german;
    private final EnglishNameLists english;

    MentionTyper(NameCues cues, Morphology morphology, RussianNameRules russian, GermanNameRules german,
                 EnglishNameLists english) {
        this.cues = cues;
        this.morphology = morphology;
        this.russian = russian;
        this.german = german;
        this.english = english;
    }

    /**
     * A given name: in the cue list, else by the dictionary of the word's script (Russian for
     * Cyrillic; the German dictionary and the English name list for Latin).
     */
    boolean givenName(Token t) {
        if (cues.is(NameCues.Kind.GIVEN_NAME, t.text())) {
            return true;
        }
        return RussianNameRules.applies(t) ? russian.givenName(t) : german.givenName(t) || english.givenName(t.text());
    }

    /** A lower-case particle or function word (della, of, für). */
    boolean functionWord(Token t) {
        return !t.capitalised() && (cues.is(NameCues.Kind.CONNECTOR, t.text())
                || morphology.isStopWord(t.text().toLowerCase(Locale.ROOT)));
    }

    /** The type of the run of words {@code from} to {@code to}, or null if nothing says. */
    EntityType typeOf(LinkedText lt, int from, int to) {
        for (int k = from; k < to; k++) {
            if (cues.is(NameCues.Kind.ORG_WORD, lt.token(k).text())) {
                return EntityType.ORGANIZATION;
            }
        }
        Token first = lt.token(from);
        if (to - from == 1 && first.acronym()) {
            return EntityType.ORGANIZATION;
        }
        if (endsWithOrgWord(lt.token(to - 1))) {
            return EntityType.ORGANIZATION;
        }
        if (lt.cyrillic() && lt.latin(from, to)) {
            // a Russian text cites foreign companies, sites and newspapers in Latin letters (Facebook,
            // Financial Times); foreign people and places it writes in Cyrillic
            return EntityType.ORGANIZATION;
        }
        if (to - from >= 2 && lt.token(to - 1).capitalised() && cues.is(NameCues.Kind.PLACE_WORD, lt.token(to - 1).text())) {
            // a name ending in a place noun: Ross Ice Shelf, Adler Planetarium, Hong Kong Island
            return EntityType.LOCATION;
        }
        if (!lt.cyrillic() && english.state(lt.text().substring(first.start(), lt.token(to - 1).end()))) {
            return EntityType.LOCATION;
        }
        if (to - from >= 2 && (givenName(first) || romanisedAsianName(lt, from, to))) {
            return EntityType.PERSON;
        }
        if (from > 0) {
            Token prev = lt.token(from - 1);
            if (!prev.capitalised() && LinkedText.adjacent(prev, first) && cues.is(NameCues.Kind.ORG_WORD, prev.text())) {
                return EntityType.ORGANIZATION;
            }
        }
        if (titleBefore(lt, from)) {
            return EntityType.PERSON;
        }
        if (to < lt.size() && cues.is(NameCues.Kind.SPEECH_VERB, lt.token(to).text())) {
            return EntityType.PERSON;
        }
        if (from > 0 && !lt.token(from - 1).capitalised() && cues.is(NameCues.Kind.PLACE_WORD, lt.token(from - 1).text())) {
            return EntityType.LOCATION;
        }
        if (to - from == 1 && russian.placeName(first)) {
            return EntityType.LOCATION;
        }
        for (int k = from; k < to; k++) {
            if (RussianNameRules.applies(lt.token(k)) && russian.personWord(lt.token(k), to - from)) {
                return EntityType.PERSON;
            }
        }
        if (to - from == 1 && from > 0 && !first.sentenceStart()
                && cues.is(NameCues.Kind.PLACE_PREPOSITION, lt.token(from - 1).text())) {
            return EntityType.LOCATION;
        }
        return null;
    }

    /**
     * Two or three Latin words, the last a romanised East Asian given name: capitalised syllable,
     * hyphen, lower-case syllable (Wong Pik-wan, Kim Jong-un, Lau Siu-lai).
     */
    private static boolean romanisedAsianName(LinkedText lt, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        String last = lt.token(to - 1).text();
        int hyphen = last.indexOf('-');
        if (hyphen < 2 || hyphen > 5 || last.length() - hyphen - 1 < 2 || last.length() - hyphen - 1 > 5
                || !Character.isUpperCase(last.charAt(0))) {
            return false;
        }
        for (int k = 1; k < last.length(); k++) {
            char c = last.charAt(k);
            if (k != hyphen && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** A title up to four words before, over a portfolio or place ("sindaco di Roma Roberto Gualtieri"). */
    private boolean titleBefore(LinkedText lt, int from) {
        for (int back = 1; back <= 4 && from - back >= 0; back++) {
            Token prev = lt.token(from - back);
            if (!LinkedText.adjacent(prev, lt.token(from - back + 1))) {
                return false;
            }
            if (cues.is(NameCues.Kind.PERSON_TITLE, prev.text())) {
                return true;
            }
            // right after "ministra para la" comes the portfolio (Transición Ecológica), not a person
            if (back == 1 && functionWord(prev)) {
                return false;
            }
            if (back >= 2 && !prev.capitalised() && !functionWord(prev)) {
                return false;
            }
        }
        return false;
    }

    /** A capitalised word ending in an organisation word of 4+ letters (Bundesnetzagentur, Сбербанк). */
    private boolean endsWithOrgWord(Token t) {
        String key = morphology.keys(t.text()).get(0);
        for (int cut = 1; cut + 4 <= key.length(); cut++) {
            if (cues.is(NameCues.Kind.ORG_WORD, key.substring(cut))) {
                return true;
            }
        }
        return false;
    }
}
