package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KbEntity;
import io.wirestream.enrichment.kb.KnowledgeBase;
import io.wirestream.enrichment.text.GermanLexicon;
import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;
import io.wirestream.enrichment.text.Tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the people, places and organisations a text names and links them to canonical entities.
 *
 * <ol>
 *   <li>Datelines: an all-capitals place opening the text ("KOUROU, 12 May") is read with ordinary
 *       capitals and is a LOCATION ({@link Datelines}).</li>
 *   <li>Known names: at each capitalised word, the longest name of the knowledge base that starts
 *       there, matched on word keys, so inflected forms are found («Путиным» is Putin).</li>
 *   <li>Russian adjective + place or organisation noun («Московской области», «Ильинское шоссе»,
 *       «Московского метрополитена»): one LOCATION or ORGANIZATION name, cited in the nominative.</li>
 *   <li>Other names: runs of capitalised words (with particles such as "von der" inside), minus
 *       function words, titles, month and weekday names and, in Russian, words the dictionary knows
 *       only as common words or abbreviations (unless they have the shape of a place name). A run is
 *       typed by its cues ({@link NameCues}): an organisation word inside or an all-capitals acronym
 *       makes an ORGANIZATION; a title before it (over a portfolio: "sindaco di Roma Roberto
 *       Gualtieri"), a speech verb after it, a given name or a dictionary surname inside makes a
 *       PERSON; a place preposition before a single word, a place noun before it («города Лачин»)
 *       or a Russian place-name reading makes a LOCATION. A title's portfolio ("ministro della
 *       Cultura", "Finance Minister") is left out. An untyped run is kept only if it is the same
 *       name, or the surname, of a typed one.</li>
 *   <li>In a language that capitalises nouns (German), a run needs evidence beyond its capitals
 *       ({@link GermanLexicon}): a proper noun or unknown word, or an acronym; common nouns before a
 *       name are dropped.</li>
 *   <li>Mentions of one entity are grouped: by id for known entities, by the keys of the name for
 *       others, a lone surname joining the full name it belongs to.</li>
 * </ol>
 * Thread-safe: all state is per call, the knowledge base and the dictionaries are shared.
 */
public final class EntityLinker {

    /** Mentions in the first fifth of the text count this much more toward salience. */
    private static final double LEAD_WEIGHT = 1.0;

    private final KnowledgeBase kb;
    private final NameCues cues;
    private final Morphology morphology;
    private final GermanLexicon german;

    public EntityLinker(KnowledgeBase kb) {
        this.kb = kb;
        this.morphology = Morphology.shared();
        this.cues = NameCues.bundled(morphology);
        this.german = GermanLexicon.shared();
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** A run of words taken as one name. */
    private record Span(int from, int to, KbEntity known, EntityType type) {
    }

    /**
     * Entities named in {@code text}, most salient first. Whether the text capitalises its nouns
     * (German) is judged from the text itself ({@link NounCapitalisation}); prefer
     * {@link #link(String, String)} when the language is known.
     */
    public List<LinkedEntity> link(String text) {
        return link(text, null);
    }

    /**
     * Entities named in {@code text}, most salient first.
     *
     * @param language ISO 639-1 code of the text, or null or {@code und} if not known
     */
    public List<LinkedEntity> link(String text, String language) {
        List<Token> tokens = Tokenizer.tokenize(text);
        Datelines.Dateline dateline = Datelines.normalise(text, tokens);
        boolean nounCapitals = NounCapitalisation.applies(language, tokens, morphology);
        List<List<String>> keys = kb.keys(tokens);
        List<Span> spans = new ArrayList<>();
        Map<String, KbEntity> chosen = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.cased() && !t.capitalised() && !cues.is(NameCues.Kind.CONNECTOR, t.text())) {
                i++;
                continue;
            }
            Optional<KnowledgeBase.NameMatch> match = kb.longestName(keys, i);
            if (match.isPresent() && acceptable(tokens, i, match.get().words())) {
                KbEntity e = choose(match.get().entities(), chosen);
                chosen.put(e.id(), e);
                spans.add(new Span(i, i + match.get().words(), e, e.type()));
                i += match.get().words();
                continue;
            }
            if (!t.capitalised() && t.cased()) {
                i++;
                continue;
            }
            if (dateline != null && i == dateline.from()) {
                // the place of a dateline (KOUROU, 12 May): not in the knowledge base, still a place
                spans.add(new Span(i, dateline.to(), null, EntityType.LOCATION));
                i = dateline.to();
                continue;
            }
            Span phrase = adjectivePhrase(tokens, i);
            if (phrase != null) {
                spans.add(phrase);
                i = phrase.to();
                continue;
            }
            int end = unknownRunEnd(tokens, keys, i);
            Span unknown = trimAndType(text, tokens, i, end);
            if (unknown != null && nounCapitals) {
                unknown = withGermanEvidence(tokens, unknown);
            }
            if (unknown != null && unknown.to() - unknown.from() == 1 && tokens.get(unknown.from()).sentenceStart()
                    && writtenLowerCase(tokens, tokens.get(unknown.from()).text())) {
                // "Officials said ..." and "officials" elsewhere: a capital at a sentence start only
                unknown = null;
            }
            if (unknown != null && unknown.from() > i) {
                // leading words were dropped: scan again from the next word, which may start a known
                // name or a phrase of its own («Пассажиры Московского метрополитена»)
                i++;
                continue;
            }
            if (unknown != null) {
                spans.add(unknown);
            }
            i = Math.max(end, i + 1);
        }
        return group(text, tokens, keys, spans);
    }

    /**
     * A Russian name made of a capitalised adjective and a lower-case place or organisation noun
     * («Московской области», «Ильинское шоссе», «Московского метрополитена»): Russian capitalises
     * only the first word of such names. Null if the words at {@code from} are not one.
     */
    private Span adjectivePhrase(List<Token> tokens, int from) {
        Token t = tokens.get(from);
        if (from + 1 >= tokens.size() || !Morphology.isCyrillic(t.text()) || t.acronym()) {
            return null;
        }
        Morphology.Analysis a = morphology.analyse(t.text());
        Token next = tokens.get(from + 1);
        if (!a.adjective() || next.capitalised() || !adjacent(t, next) || !Morphology.isCyrillic(next.text())) {
            return null;
        }
        if (cues.is(NameCues.Kind.PLACE_WORD, next.text())) {
            return new Span(from, from + 2, null, EntityType.LOCATION);
        }
        if (cues.is(NameCues.Kind.ORG_WORD, next.text()) && !t.sentenceStart()) {
            // at a sentence start the capital says nothing («Национальная компания ...»);
            // «Европейский банк реконструкции и развития»: the name goes on in words that cannot be
            // told from the sentence; rather no entity than a truncated one
            if (from + 2 < tokens.size()) {
                Token after = tokens.get(from + 2);
                if (!after.capitalised() && adjacent(next, after) && morphology.genitive(after.text())) {
                    return null;
                }
            }
            return new Span(from, from + 2, null, EntityType.ORGANIZATION);
        }
        return null;
    }

    /**
     * In a language that capitalises nouns, a capitalised word is a name only with evidence: the
     * dictionary lists it as a proper noun or does not know it (foreign names), or it is an acronym.
     * Common nouns before a name are dropped (Bahnchef Richard Lutz); a run of common words alone is
     * kept only as an adjective + organisation noun (Europäische Zentralbank).
     */
    private Span withGermanEvidence(List<Token> tokens, Span s) {
        int a = s.from();
        while (a < s.to() - 1 && german.kind(tokens.get(a).text()) == GermanLexicon.Kind.COMMON
                && !tokens.get(a).acronym()) {
            a++;
        }
        boolean evidence = false;
        for (int k = a; k < s.to(); k++) {
            Token t = tokens.get(k);
            if (cues.is(NameCues.Kind.CONNECTOR, t.text())) {
                continue;
            }
            GermanLexicon.Kind kind = german.kind(t.text());
            evidence |= t.acronym() || (kind != GermanLexicon.Kind.COMMON && kind != GermanLexicon.Kind.ADJECTIVE);
        }
        if (!evidence) {
            boolean adjectiveOrg = s.to() - a >= 2 && german.kind(tokens.get(a).text()) == GermanLexicon.Kind.ADJECTIVE
                    && s.type() == EntityType.ORGANIZATION;
            if (!adjectiveOrg) {
                return null;
            }
        }
        return a == s.from() ? s : new Span(a, s.to(), null, typeOf(tokens, a, s.to()));
    }

    private boolean acceptable(List<Token> tokens, int from, int words) {
        boolean capital = false;
        for (int k = from; k < from + words; k++) {
            Token t = tokens.get(k);
            capital |= t.capitalised() || !t.cased();
        }
        if (!capital) {
            return false;
        }
        Token first = tokens.get(from);
        return !(words == 1 && !first.acronym() && morphology.isStopWord(first.text().toLowerCase(Locale.ROOT)));
    }

    /** Among entities sharing a name, the one this text already named, else the first listed. */
    private static KbEntity choose(List<KbEntity> candidates, Map<String, KbEntity> chosen) {
        for (KbEntity e : candidates) {
            if (chosen.containsKey(e.id())) {
                return e;
            }
        }
        return candidates.get(0);
    }

    /** End (exclusive) of the run of capitalised words starting at {@code from}. */
    private int unknownRunEnd(List<Token> tokens, List<List<String>> keys, int from) {
        int j = from + 1;
        while (j < tokens.size()) {
            Token t = tokens.get(j);
            if (!adjacent(tokens.get(j - 1), t)) {
                break;
            }
            if (t.capitalised() && !t.sentenceStart()) {
                // a title is never inside a name: "Finance Minister Rachel Reeves" is two runs
                if (kb.longestName(keys, j).isPresent() || cues.is(NameCues.Kind.PERSON_TITLE, t.text())) {
                    break;
                }
                j++;
            } else if (cues.is(NameCues.Kind.CONNECTOR, t.text()) && j + 1 < tokens.size()
                    && tokens.get(j + 1).capitalised() && adjacent(t, tokens.get(j + 1))
                    && kb.longestName(keys, j + 1).isEmpty()) {
                j += 2;
            } else {
                break;
            }
        }
        return j;
    }

    /** A lower-case particle or function word (della, of, für). */
    private boolean functionWord(Token t) {
        return !t.capitalised() && (cues.is(NameCues.Kind.CONNECTOR, t.text())
                || morphology.isStopWord(t.text().toLowerCase(Locale.ROOT)));
    }

    /** The word follows an elided article (dell'Economia, l'Union). */
    private static boolean afterElision(String text, Token t) {
        return t.start() > 0 && (text.charAt(t.start() - 1) == '\'' || text.charAt(t.start() - 1) == '’');
    }

    /** Whether the text also has {@code word} in lower case. */
    private static boolean writtenLowerCase(List<Token> tokens, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (Token t : tokens) {
            if (t.text().equals(lower)) {
                return true;
            }
        }
        return false;
    }

    /** Words of one name are separated by one space or a hyphen only, never by punctuation. */
    private static boolean adjacent(Token a, Token b) {
        int gap = b.start() - a.end();
        return gap == 1;
    }

    private boolean nameWord(Token t) {
        String lower = t.text().toLowerCase(Locale.ROOT);
        if (!hasLetter(t.text()) || romanNumeral(t.text())) {
            return false;
        }
        if (morphology.isStopWord(lower) || cues.is(NameCues.Kind.PERSON_TITLE, t.text())) {
            return false;
        }
        if (Morphology.isCyrillic(t.text())) {
            Morphology.Analysis a = morphology.analyse(t.text());
            if (t.acronym()) {
                // ЗАО, ЧП, ПВО: abbreviations of common phrases, not organisations
                return !a.known() || !a.properLemmas().isEmpty();
            }
            // A word the dictionary knows only as a common word is not a name unless it names an
            // organisation kind, or has the shape of a place name (indeclinable or neuter noun) inside a sentence.
            return !a.known() || !a.properLemmas().isEmpty() || cues.is(NameCues.Kind.ORG_WORD, t.text())
                    || (a.placeLemma() != null && !t.sentenceStart());
        }
        return true;
    }

    private static boolean hasLetter(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Character.isLetter(word.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean romanNumeral(String word) {
        return word.length() <= 5 && word.chars().allMatch(c -> "IVXLCDM".indexOf(c) >= 0);
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

    private Span trimAndType(String text, List<Token> tokens, int from, int to) {
        int a = from;
        while (a < to && !nameWord(tokens.get(a))) {
            a++;
        }
        int b = to;
        while (b > a && (!nameWord(tokens.get(b - 1)) || cues.is(NameCues.Kind.CONNECTOR, tokens.get(b - 1).text()))) {
            b--;
        }
        if (a >= b) {
            return null;
        }
        // Inside a run, a non-name word splits it: keep the part before it.
        for (int k = a; k < b; k++) {
            if (!nameWord(tokens.get(k)) && !cues.is(NameCues.Kind.CONNECTOR, tokens.get(k).text())) {
                b = k;
                break;
            }
        }
        // A capitalised common noun before a given name (German "Bahnchef Richard Lutz") is not part of the name.
        if (b - a >= 3 && !givenName(tokens.get(a)) && givenName(tokens.get(a + 1))) {
            a++;
        }
        // A title's portfolio before a name ("ministro della Cultura Alessandro Giuli", "Minister of
        // Finance Anton Siluanov") belongs to the title.
        if (b - a >= 3 && a >= 2 && functionWord(tokens.get(a - 1))
                && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(a - 2).text())) {
            return new Span(a + 1, b, null, EntityType.PERSON);
        }
        // the same after an elided article ("ministro dell'Economia Giancarlo Giorgetti")
        if (b - a >= 3 && a >= 1 && afterElision(text, tokens.get(a))
                && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(a - 1).text())) {
            return new Span(a + 1, b, null, EntityType.PERSON);
        }
        // a single word just before a title ("Finance Minister"), or a title's portfolio on its own
        // ("Minister of Finance"), qualifies the title
        if (b - a == 1 && ((b < tokens.size() && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(b).text()))
                || (a >= 2 && functionWord(tokens.get(a - 1)) && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(a - 2).text())))) {
            return null;
        }
        if (b - a == 1 && CalendarWords.is(tokens.get(a).text())) {
            return null;
        }
        // An organisation word alone ("Council", «Совета») names a kind, not an organisation.
        if (b - a == 1 && cues.is(NameCues.Kind.ORG_WORD, tokens.get(a).text())) {
            return null;
        }
        return new Span(a, b, null, typeOf(tokens, a, b));
    }

    /** A given name: in the cue list, the Russian dictionary's {@code Name} tag or the German dictionary's {@code VOR}. */
    private boolean givenName(Token t) {
        if (cues.is(NameCues.Kind.GIVEN_NAME, t.text())) {
            return true;
        }
        return Morphology.isCyrillic(t.text()) ? morphology.analyse(t.text()).givenName()
                : german.kind(t.text()) == GermanLexicon.Kind.GIVEN_NAME;
    }

    private EntityType typeOf(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (cues.is(NameCues.Kind.ORG_WORD, tokens.get(k).text())) {
                return EntityType.ORGANIZATION;
            }
        }
        if (to - from == 1 && tokens.get(from).acronym()) {
            return EntityType.ORGANIZATION;
        }
        if (endsWithOrgWord(tokens.get(to - 1))) {
            return EntityType.ORGANIZATION;
        }
        if (to - from >= 2 && givenName(tokens.get(from))) {
            return EntityType.PERSON;
        }
        if (from > 0) {
            Token prev = tokens.get(from - 1);
            if (!prev.capitalised() && adjacent(prev, tokens.get(from)) && cues.is(NameCues.Kind.ORG_WORD, prev.text())) {
                return EntityType.ORGANIZATION;
            }
        }
        // a title up to four words before, over a portfolio or place ("sindaco di Roma Roberto Gualtieri")
        for (int back = 1; back <= 4 && from - back >= 0; back++) {
            Token prev = tokens.get(from - back);
            if (!adjacent(prev, tokens.get(from - back + 1))) {
                break;
            }
            if (cues.is(NameCues.Kind.PERSON_TITLE, prev.text())) {
                return EntityType.PERSON;
            }
            // right after "ministra para la" comes the portfolio (Transición Ecológica), not a person
            if (back == 1 && functionWord(prev)) {
                break;
            }
            if (back >= 2 && !prev.capitalised() && !functionWord(prev)) {
                break;
            }
        }
        if (to < tokens.size() && cues.is(NameCues.Kind.SPEECH_VERB, tokens.get(to).text())) {
            return EntityType.PERSON;
        }
        Token first = tokens.get(from);
        if (to - from >= 2 && givenName(first)) {
            return EntityType.PERSON;
        }
        if (from > 0 && !tokens.get(from - 1).capitalised() && cues.is(NameCues.Kind.PLACE_WORD, tokens.get(from - 1).text())) {
            return EntityType.LOCATION;
        }
        if (to - from == 1 && Morphology.isCyrillic(first.text()) && morphology.analyse(first.text()).placeLemma() != null) {
            return EntityType.LOCATION;
        }
        for (int k = from; k < to; k++) {
            Morphology.Analysis an = morphology.analyse(tokens.get(k).text());
            // an adjective that is also a surname (Московский) is a person only next to a given name
            if ((an.surname() && !an.adjective()) || (an.givenName() && to - from >= 2)) {
                return EntityType.PERSON;
            }
        }
        if (to - from == 1 && from > 0 && !first.sentenceStart()
                && cues.is(NameCues.Kind.PLACE_PREPOSITION, tokens.get(from - 1).text())) {
            return EntityType.LOCATION;
        }
        return null;
    }

    /** Mentions grouped into entities. */
    private List<LinkedEntity> group(String text, List<Token> tokens, List<List<String>> keys, List<Span> spans) {
        final class Group {
            final String key;
            final KbEntity known;
            EntityType type;
            final List<Span> spans = new ArrayList<>();

            Group(String key, KbEntity known, EntityType type) {
                this.key = key;
                this.known = known;
                this.type = type;
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Span> untyped = new ArrayList<>();
        for (Span s : spans) {
            if (s.known() != null) {
                groups.computeIfAbsent(s.known().id(), k -> new Group(k, s.known(), s.type())).spans.add(s);
            } else if (s.type() != null) {
                groups.computeIfAbsent(nameKey(keys, s), k -> new Group(k, null, s.type())).spans.add(s);
            } else {
                untyped.add(s);
            }
        }
        // A typed run seen once as "Азер Гараев" and once as "Гараев": the surname joins the full name,
        // also when the full name is a knowledge-base person whose aliases lack the lone surname.
        Map<String, Group> bySurname = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            if (g.type == EntityType.PERSON) {
                Span longest = g.spans.stream().max(Comparator.comparingInt(s -> s.to() - s.from())).orElseThrow();
                if (longest.to() - longest.from() >= 2) {
                    bySurname.putIfAbsent(keys.get(longest.to() - 1).get(0), g);
                }
            }
        }
        List<String> merged = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.known == null && g.spans.stream().allMatch(s -> s.to() - s.from() == 1)) {
                Group full = bySurname.get(keys.get(g.spans.get(0).from()).get(0));
                if (full != null && full != g) {
                    full.spans.addAll(g.spans);
                    merged.add(g.key);
                }
            }
        }
        merged.forEach(groups::remove);
        for (Span s : untyped) {
            Group g = groups.get(nameKey(keys, s));
            if (g == null && s.to() - s.from() == 1) {
                g = bySurname.get(keys.get(s.from()).get(0));
            }
            if (g != null) {
                g.spans.add(s);
            }
        }

        int length = Math.max(1, text.length());
        double total = 0.0;
        Map<Group, Double> weights = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            double w = 0.0;
            for (Span s : g.spans) {
                w += 1.0 + (tokens.get(s.from()).start() < length / 5 ? LEAD_WEIGHT : 0.0);
            }
            weights.put(g, w);
            total += w;
        }
        List<LinkedEntity> out = new ArrayList<>();
        for (Group g : groups.values()) {
            List<Mention> mentions = g.spans.stream()
                    .sorted(Comparator.comparingInt(Span::from))
                    .map(s -> {
                        int start = tokens.get(s.from()).start();
                        int end = withoutPossessive(tokens.get(s.to() - 1));
                        return new Mention(text.substring(start, end), start, end);
                    })
                    .toList();
            double salience = weights.get(g) / total;
            if (g.known != null) {
                out.add(new LinkedEntity(g.known.id(), g.type, g.known.canonicalName(), true, salience, mentions));
            } else {
                Span longest = g.spans.stream().max(Comparator.comparingInt(s -> s.to() - s.from())).orElseThrow();
                String citation = citationForm(tokens, longest, g.type);
                out.add(new LinkedEntity(NameIds.idFor(citation), g.type, NameIds.latin(citation), false, salience, mentions));
            }
        }
        out.sort(Comparator.comparingDouble(LinkedEntity::salience).reversed()
                .thenComparing(e -> e.mentions().get(0).start()));
        return out;
    }

    /** End of a word without an English possessive or Turkish case suffix (Putin's, Putin'in). */
    private static int withoutPossessive(Token t) {
        String w = t.text();
        for (int k = w.length() - 2; k > 0 && k >= w.length() - 4; k--) {
            char c = w.charAt(k);
            if ((c == '\'' || c == '’') && w.substring(k + 1).equals(w.substring(k + 1).toLowerCase(Locale.ROOT))) {
                return t.start() + k;
            }
        }
        return t.end();
    }

    private static String nameKey(List<List<String>> keys, Span s) {
        StringBuilder b = new StringBuilder();
        for (int k = s.from(); k < s.to(); k++) {
            b.append(keys.get(k).get(0)).append(' ');
        }
        return b.toString();
    }

    /**
     * The name in its dictionary form where the dictionary knows it: «Гараева» becomes «Гараев»,
     * «Анны Крыловой» «Анна Крылова» (a surname after a feminine given name is put in the feminine),
     * «Строгина» (a place) «Строгино», «Московской области» «Московская область».
     */
    private String citationForm(List<Token> tokens, Span s, EntityType type) {
        boolean feminine = false;
        for (int k = s.from(); k < s.to(); k++) {
            Morphology.Analysis a = morphology.analyse(tokens.get(k).text());
            if (a.givenName()) {
                feminine = a.feminine();
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int k = s.from(); k < s.to(); k++) {
            Token t = tokens.get(k);
            String word = t.text();
            String lemma = Morphology.isCyrillic(word) && !t.acronym() ? cyrillicCitation(tokens, k, s, type, feminine) : null;
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

    private String cyrillicCitation(List<Token> tokens, int k, Span s, EntityType type, boolean feminine) {
        String word = tokens.get(k).text();
        Morphology.Analysis a = morphology.analyse(word);
        if (a.adjective() && k + 1 < s.to() && !tokens.get(k + 1).capitalised()) {
            String noun = cueLemma(tokens.get(k + 1).text());
            String gender = noun == null ? null : morphology.genderOf(tokens.get(k + 1).text(), noun);
            if (gender != null) {
                return morphology.adjectiveAgreeing(word, gender);
            }
        }
        if (!tokens.get(k).capitalised()) {
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
