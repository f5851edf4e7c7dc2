package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.EnglishGazetteer;
import io.wirestream.enrichment.text.EnglishNameLists;
import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Types a name the knowledge base lacks by its cues ({@link NameCues}), in this order: an
 * organisation word inside (or a Russian compound abbreviation, {@link RussianNameRules#organisationCompound}), an all-capitals acronym alone or a word ending in an organisation word
 * makes an ORGANIZATION, and so do Latin words in a Cyrillic text; a given name first, a title before it (over a portfolio: "sindaco di Roma
 * Roberto Gualtieri") or a speech verb after it makes a PERSON; a place noun before it («города
 * Лачин») or at its end (Ross Ice Shelf), a Russian place-name reading or the name of a US state makes a LOCATION; a dictionary surname makes a PERSON; a
 * place preposition before a single word inside a sentence makes a LOCATION. In Latin script also: ", who" after
 * it, an inverted speech verb before it ("...," said X.), a common surname last, or a given name alone inside a
 * sentence make a PERSON; a place noun before "of" (Museum of ...) a LOCATION. Last, in a Latin-script text whose
 * language does not capitalise nouns, a name the English gazetteer lists takes its kind there
 * ({@link #gazetteerType}). Otherwise untyped (null), and {@link #typedByConjuncts} may still give it the type of
 * a name it is coordinated with.
 */
final class MentionTyper {

    private final NameCues cues;
    private final Morphology morphology;
    private final RussianNameRules russian;
    private final GermanNameRules german;
    private final EnglishNameLists english;
    private final EnglishGazetteer gazetteer;

    MentionTyper(NameCues cues, Morphology morphology, RussianNameRules russian, GermanNameRules german,
                 EnglishNameLists english, EnglishGazetteer gazetteer) {
        this.cues = cues;
        this.morphology = morphology;
        this.russian = russian;
        this.german = german;
        this.english = english;
        this.gazetteer = gazetteer;
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
            if (cues.is(NameCues.Kind.ORG_WORD, lt.token(k).text()) || russian.organisationCompound(lt.token(k))) {
                return EntityType.ORGANIZATION;
            }
        }
        Token first = lt.token(from);
        if (to - from == 1 && (first.acronym() || russian.inflectedAcronym(first))) {
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
        for (int k = from; k + 1 < to; k++) {
            if (lt.token(k).capitalised() && cues.is(NameCues.Kind.PLACE_WORD, lt.token(k).text())
                    && lt.token(k + 1).text().equals("of")) {
                // the place noun heads the name when "of" follows it: Museum of Flight, Gallery of Modern Art
                return EntityType.LOCATION;
            }
        }
        if (!lt.cyrillic() && english.state(lt.text().substring(first.start(), lt.token(to - 1).end()))) {
            return EntityType.LOCATION;
        }
        if (to - from >= 2 && ((givenName(first) && !(first.text().length() <= 2 && morphology.isStopWord(first.text().toLowerCase(Locale.ROOT))))
                || romanisedAsianName(lt, from, to))) {
            // a two-letter function word is no given name, whatever the lists hold ("Le" of Le Monde)
            return EntityType.PERSON;
        }
        if (to - from >= 2 && to - from <= 3 && !lt.cyrillic() && english.surname(lt.token(to - 1).text())) {
            // "Tomasz Baker", "Adaeze Walsh": a given name the lists lack before a common surname
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
        if (to < lt.size() && cues.is(NameCues.Kind.PERSON_RELATIVE, lt.token(to).text())
                && lt.text().startsWith(", ", lt.token(to - 1).end()) && lt.token(to).start() == lt.token(to - 1).end() + 2) {
            // "Halvorsen, who chairs the board": a relative pronoun used only of people
            return EntityType.PERSON;
        }
        if (speechVerbBefore(lt, from, to)) {
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
        if (to - from == 1 && !first.sentenceStart() && !lt.cyrillic() && english.givenName(first.text())
                && !(from > 0 && (articleOrPlacePreposition(lt.token(from - 1))))) {
            // a given name alone inside a sentence ("... told Marisol about it"): a person called by first name;
            // not after an article ("a Christian group") or a place preposition ("in Victoria")
            return EntityType.PERSON;
        }
        return gazetteerType(lt, from, to);
    }

    /**
     * The kind the English gazetteer gives the words {@code from} to {@code to} as written (a line end or a
     * typographic apostrophe read as a space or a straight one), for Latin words in a text whose language does
     * not capitalise nouns (in a Cyrillic text, Latin words are typed before this); null when it lacks them or lists them only as an event. A name of several kinds takes
     * the first of place, person, organisation (the source files many people's names as
     * organisations too: foundations and firms named after them).
     */
    private EntityType gazetteerType(LinkedText lt, int from, int to) {
        if (lt.nounCapitals() || !lt.latin(from, to)) {
            return null;
        }
        String name = lt.text().substring(lt.token(from).start(), lt.token(to - 1).end())
                .replace('\n', ' ').replace('’', '\'');
        Set<EnglishGazetteer.Kind> kinds = gazetteer.kinds(name);
        if (kinds.contains(EnglishGazetteer.Kind.PLACE)) {
            return EntityType.LOCATION;
        }
        if (kinds.contains(EnglishGazetteer.Kind.PERSON)) {
            return EntityType.PERSON;
        }
        return kinds.contains(EnglishGazetteer.Kind.ORGANIZATION) ? EntityType.ORGANIZATION : null;
    }

    private boolean articleOrPlacePreposition(Token t) {
        String w = t.text().toLowerCase(Locale.ROOT);
        return w.equals("a") || w.equals("an") || w.equals("the") || cues.is(NameCues.Kind.PLACE_PREPOSITION, w);
    }

    /**
     * Names joined by "and" or "or" (и, или) name things of one kind ("Okafor and Lindqvist", "Tallinn or Riga"): an
     * untyped name takes the type of a typed name it is coordinated with, unknown or known. Spans in text order.
     */
    List<NameSpan> typedByConjuncts(LinkedText lt, List<NameSpan> spans) {
        List<NameSpan> out = new ArrayList<>(spans);
        for (int k = 0; k < out.size(); k++) {
            NameSpan s = out.get(k);
            if (s.type() != null) {
                continue;
            }
            EntityType type = null;
            if (k > 0 && coordinated(lt, out.get(k - 1), s)) {
                type = out.get(k - 1).type();
            }
            if (type == null && k + 1 < out.size() && coordinated(lt, s, out.get(k + 1))) {
                type = out.get(k + 1).type();
            }
            if (type != null) {
                out.set(k, new NameSpan(s.from(), s.to(), null, type));
            }
        }
        return out;
    }

    /** {@code b} follows {@code a} with only "and" or "or" (и, или) between them. */
    private static boolean coordinated(LinkedText lt, NameSpan a, NameSpan b) {
        if (b.from() != a.to() + 1) {
            return false;
        }
        Token between = lt.token(a.to());
        String w = between.text();
        return (w.equals("and") || w.equals("or") || w.equals("и") || w.equals("или"))
                && LinkedText.adjacent(lt.token(a.to() - 1), between) && LinkedText.adjacent(between, lt.token(b.from()));
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

    /**
     * A speech verb inverted after a quotation or a clause ("...," said Halvorsen.): the verb right before the
     * name follows a quote mark or a comma, and the name ends the clause.
     */
    private boolean speechVerbBefore(LinkedText lt, int from, int to) {
        if (from == 0 || !cues.is(NameCues.Kind.SPEECH_VERB, lt.token(from - 1).text())) {
            return false;
        }
        Token verb = lt.token(from - 1);
        if (!LinkedText.adjacent(verb, lt.token(from)) || verb.capitalised()) {
            return false;
        }
        int before = verb.start() - 1;
        while (before >= 0 && lt.text().charAt(before) == ' ') {
            before--;
        }
        int after = lt.token(to - 1).end();
        return before >= 0 && "\"”'’»,".indexOf(lt.text().charAt(before)) >= 0
                && (after == lt.text().length() || ".,;:!?".indexOf(lt.text().charAt(after)) >= 0);
    }

    /** A title up to four words before, over a portfolio or place ("sindaco di Roma Roberto Gualtieri"). */
    private boolean titleBefore(LinkedText lt, int from) {
        for (int back = 1; back <= 4 && from - back >= 0; back++) {
            Token prev = lt.token(from - back);
            if (back == 1 && cues.is(NameCues.Kind.PERSON_TITLE, prev.text())
                    && lt.text().startsWith(". ", prev.end()) && lt.token(from).start() == prev.end() + 2) {
                // an abbreviated title with its dot: Ms. Halvorsen, Dr. Okafor
                return true;
            }
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
