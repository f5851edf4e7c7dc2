package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KbEntity;
import io.wirestream.enrichment.kb.KnowledgeBase;
import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Scripts;
import io.wirestream.enrichment.text.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the runs of words that name something, left to right:
 * <ol>
 *   <li>Known names: at each capitalised word, the longest name of the knowledge base that starts
 *       there, matched on word keys, so inflected forms are found («Путиным» is Putin); a Russian given
 *       name before a known person's one-word name is another person («Мишель Обамой»).</li>
 *   <li>Shapes that decide without the words ({@link NameShapes}): nothing on a line all in capitals,
 *       a news site cited by its address, a name in quotes after an organisation word.</li>
 *   <li>The place of a dateline ({@link Datelines}).</li>
 *   <li>In a Cyrillic text, a foreign name in Latin letters with its function words ({@link LatinNamesInCyrillic}).</li>
 *   <li>Russian organisation names: all in capitals ({@link RussianNameRules#capitalisedOrganisation}), an
 *       organisation noun and its genitive words ({@link RussianNameRules#genitivePhrase}), adjective + place or
 *       organisation noun ({@link RussianNameRules#adjectivePhrase}).</li>
 *   <li>A known name that opens an institution's name ("Toronto Evening Herald"): the whole name,
 *       typed by its last noun ({@link #institutionAfterKnownName}).</li>
 *   <li>Other names: runs of capitalised words (with particles such as "von der", a middle initial, "of"
 *       after an institution noun and "and"/"&amp;" before one inside; a foreign article may open one), minus
 *       function words, titles, month and weekday names, nationality words ({@link Demonyms}) and words the script's rules reject
 *       ({@link #nameWord}); typed by {@link MentionTyper}. A title's portfolio ("ministro della
 *       Cultura", "Finance Minister") is left out. In a language that capitalises nouns the run also
 *       needs the evidence of {@link GermanNameRules}.</li>
 *   <li>Last, a Cyrillic word alone in quotes is an organisation, not a person («Спартака»,
 *       {@link RussianNameRules#quotedAlone}), and a Russian person's name takes in the initials written before
 *       it («П.Н. Крылов»).</li>
 * </ol>
 */
final class MentionFinder {

    private final KnowledgeBase kb;
    private final NameCues cues;
    private final Morphology morphology;
    private final MentionTyper typer;
    private final RussianNameRules russian;
    private final GermanNameRules german;
    private final NameShapes shapes;
    private final Demonyms demonyms;
    private final LatinNamesInCyrillic latinNames;

    MentionFinder(KnowledgeBase kb, NameCues cues, Morphology morphology, MentionTyper typer,
                  RussianNameRules russian, GermanNameRules german) {
        this.kb = kb;
        this.cues = cues;
        this.morphology = morphology;
        this.typer = typer;
        this.russian = russian;
        this.german = german;
        this.shapes = new NameShapes(cues);
        this.demonyms = new Demonyms(kb, morphology);
        this.latinNames = new LatinNamesInCyrillic(typer);
    }

    /** The names of the text in text order, typed where their cues say. */
    List<NameSpan> find(LinkedText lt, Datelines.Dateline dateline) {
        List<Token> tokens = lt.tokens();
        List<NameSpan> spans = new ArrayList<>();
        Map<String, KbEntity> chosen = new LinkedHashMap<>();
        boolean[] shouted = NameShapes.shoutedLines(lt);
        KnownNames known = new KnownNames(lt);
        Surnames surnames = new Surnames();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (shouted[i]) {
                i++;
                continue;
            }
            if (t.cased() && !t.capitalised() && !cues.is(NameCues.Kind.CONNECTOR, t.text())) {
                i++;
                continue;
            }
            Optional<KnowledgeBase.NameMatch> match = known.at(i);
            if (givenNameBeforeKnownSurname(lt, i, known)) {
                // «Мишель Обамой»: a given name before a known person's surname names another person of that name
                spans.add(new NameSpan(i, i + 2, null, EntityType.PERSON));
                i += 2;
                continue;
            }
            if (match.isPresent() && match.get().words() == 1 && demonyms.is(t.text())) {
                // "American", "Iraqis": a nationality word, even where the knowledge base lists it as an alias
                i++;
                continue;
            }
            if (match.isPresent() && acceptable(tokens, i, match.get().words()) && joined(tokens, i, match.get().words())) {
                int institution = institutionAfterKnownName(lt, i, i + match.get().words(), known);
                if (institution > 0) {
                    // "Northfield Harbour Museum", "U.S. Fisheries Agency": a known name opening an institution's name
                    spans.add(new NameSpan(i, institution, null, typer.typeOf(lt, i, institution)));
                    i = institution;
                    continue;
                }
                KbEntity e = choose(match.get().entities(), chosen);
                chosen.put(e.id(), e);
                spans.add(new NameSpan(i, i + match.get().words(), e, e.type()));
                i += match.get().words();
                continue;
            }
            if (!t.capitalised() && t.cased()) {
                i++;
                continue;
            }
            if (namedInFull(lt, i, spans, surnames)) {
                // «Алексей Навальный ... Навальный»: the surname of a person the text named in full, alone
                spans.add(new NameSpan(i, i + 1, null, EntityType.PERSON));
                i++;
                continue;
            }
            NameSpan quoted = shapes.quotedName(lt, i);
            if (quoted != null) {
                spans.add(quoted);
                i = quoted.to();
                continue;
            }
            if (t.acronym() && shapes.quotedName(lt, i + 1) != null) {
                // РИА «Новости», ОАО «Север»: the organisation is named by the quoted words
                i++;
                continue;
            }
            if (dateline != null && i == dateline.from()) {
                // the place of a dateline (KOUROU, 12 May): not in the knowledge base, still a place
                spans.add(new NameSpan(i, dateline.to(), null, EntityType.LOCATION));
                i = dateline.to();
                continue;
            }
            NameSpan site = NameShapes.webSite(lt, i);
            if (site != null) {
                spans.add(site);
                i = site.to();
                continue;
            }
            NameSpan latin = latinNames.at(lt, i);
            if (latin != null) {
                spans.add(latin);
                i = latin.to();
                continue;
            }
            NameSpan capitalised = russian.capitalisedOrganisation(lt, i);
            if (capitalised != null) {
                spans.add(capitalised);
                i = capitalised.to();
                continue;
            }
            NameSpan ministry = russian.genitivePhrase(lt, i);
            if (ministry != null) {
                spans.add(ministry);
                i = ministry.to();
                continue;
            }
            NameSpan phrase = russian.adjectivePhrase(lt, i);
            if (phrase != null) {
                spans.add(phrase);
                i = phrase.to();
                continue;
            }
            int end = runEnd(lt, i, known);
            for (int k = i + 1; k < end; k++) {
                if (russian.genitivePhrase(lt, k) != null || russian.capitalisedOrganisation(lt, k) != null) {
                    // «Представители Министерства обороны», «СИБУР и Театр Наций»: the organisation starts a name of its own
                    end = k;
                    break;
                }
            }
            NameSpan unknown = trimAndType(lt, i, end);
            if (unknown != null && lt.nounCapitals()) {
                unknown = german.withEvidence(lt, unknown, typer);
            }
            if (unknown != null && unknown.words() == 1 && tokens.get(unknown.from()).sentenceStart()
                    && lt.writtenLowerCase(tokens.get(unknown.from()).text())) {
                // "Officials said ..." and "officials" elsewhere: a capital at a sentence start only
                unknown = null;
            }
            if ((unknown != null && unknown.from() > i) || (unknown == null && end > i + 1 && t.sentenceStart())) {
                // leading words were dropped, or the whole run that a sentence opens: scan again from the next
                // word, which may start a known name or a phrase of its own («Пассажиры Московского
                // метрополитена»; «Решение Региональной тарифной службы», where neither capitalised word is a
                // name alone)
                i++;
                continue;
            }
            if (unknown != null) {
                spans.add(unknown);
            }
            i = Math.max(end, i + 1);
        }
        return withInitials(lt, quotedNotPeople(lt, typer.typedByConjuncts(lt, spans)));
    }

    /** One Cyrillic word alone in quotes typed as a person is an organisation, see {@link RussianNameRules#quotedAlone}. */
    private static List<NameSpan> quotedNotPeople(LinkedText lt, List<NameSpan> spans) {
        List<NameSpan> out = new ArrayList<>(spans.size());
        for (NameSpan s : spans) {
            out.add(s.type() == EntityType.PERSON && RussianNameRules.quotedAlone(lt, s)
                    ? new NameSpan(s.from(), s.to(), null, EntityType.ORGANIZATION) : s);
        }
        return out;
    }

    /** People's names in Cyrillic with the initials written before them («В.Путин»), see {@link RussianNameRules#initialsBefore}. */
    private static List<NameSpan> withInitials(LinkedText lt, List<NameSpan> spans) {
        List<NameSpan> out = new ArrayList<>(spans.size());
        int previousEnd = 0;
        for (NameSpan s : spans) {
            int from = s.type() == EntityType.PERSON && RussianNameRules.applies(lt.token(s.from()))
                    ? Math.max(previousEnd, RussianNameRules.initialsBefore(lt, s.from())) : s.from();
            out.add(from == s.from() ? s : new NameSpan(from, s.to(), s.known(), s.type()));
            previousEnd = s.to();
        }
        return out;
    }

    /**
     * End of an institution's name that a known name opens ("Kensington Rowing Club" after Kensington): the
     * capitalised words right after the known name (after "U.S." even across its dot), ending in a
     * capitalised organisation or place noun, with "of" and "and" inside as {@link #runEnd} allows; -1 if none.
     */
    private int institutionAfterKnownName(LinkedText lt, int from, int to, KnownNames known) {
        if (to >= lt.size() || !lt.token(to).capitalised() || lt.cyrillic() || lt.nounCapitals()) {
            return -1;
        }
        Token last = lt.token(to - 1);
        if (possessive(last.text())) {
            return -1;
        }
        // U.S.: the tokenizer splits its letters like initials, so the known name ends in the single letter S
        boolean acrossDot = last.text().length() == 1;
        if (!LinkedText.adjacent(last, lt.token(to)) && !(acrossDot && lt.text().startsWith(". ", last.end())
                && lt.token(to).start() == last.end() + 2)) {
            return -1;
        }
        if (lt.token(to).sentenceStart() && !acrossDot) {
            return -1;
        }
        int end = runEnd(lt, to, known);
        int k = end;
        while (k > to && !(lt.token(k - 1).capitalised() && institutionWord(lt.token(k - 1)))) {
            k--;
        }
        return k > to ? k : -1;
    }

    /**
     * A Cyrillic given name (the dictionary's {@code Name} tag) that no known name of two words or more starts
     * at, right before a one-word known name of a person: the known person's surname with another given name
     * («Мишель Обамой», where the knowledge base knows Obama only as Барак Обама and Обама).
     */
    private boolean givenNameBeforeKnownSurname(LinkedText lt, int i, KnownNames known) {
        if (i + 1 >= lt.size()) {
            return false;
        }
        Token t = lt.token(i);
        Token next = lt.token(i + 1);
        if (!next.capitalised() || !RussianNameRules.applies(t) || !RussianNameRules.applies(next)
                || !LinkedText.adjacent(t, next) || !russian.givenName(t)) {
            return false;
        }
        Optional<KnowledgeBase.NameMatch> here = known.at(i);
        if (here.isPresent() && here.get().words() > 1) {
            return false;
        }
        Optional<KnowledgeBase.NameMatch> surname = known.at(i + 1);
        return surname.isPresent() && surname.get().words() == 1
                && surname.get().entities().get(0).type() == EntityType.PERSON;
    }

    /**
     * A capitalised word alone (no capitalised word joined to it on either side) whose key is the last word's
     * key of a person of two or more words found earlier in the text: that person's surname on its own, even
     * where a dictionary reads it as a common word or it opens a sentence.
     */
    private static boolean namedInFull(LinkedText lt, int i, List<NameSpan> found, Surnames surnames) {
        Token t = lt.token(i);
        if (t.acronym() || (i > 0 && lt.token(i - 1).capitalised() && LinkedText.adjacent(lt.token(i - 1), t))
                || (i + 1 < lt.size() && lt.token(i + 1).capitalised() && LinkedText.adjacent(t, lt.token(i + 1)))) {
            return false;
        }
        return surnames.of(lt, found).contains(lt.key(i));
    }

    /** Keys of the last words of the unknown people of two or more words found so far, added as spans come. */
    private static final class Surnames {
        private final Set<String> keys = new HashSet<>();
        private int seen;

        Set<String> of(LinkedText lt, List<NameSpan> found) {
            for (; seen < found.size(); seen++) {
                NameSpan s = found.get(seen);
                if (s.type() == EntityType.PERSON && s.words() >= 2 && s.known() == null) {
                    keys.add(lt.key(s.to() - 1));
                }
            }
            return keys;
        }
    }

    /** A known name counts if one of its words is capitalised and it is not a lone stop word. */
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

    /**
     * The words of a known name are written as one name: separated by a space or hyphen, not by
     * punctuation or an opening quote (РИА «Новости»: the agency's name is in the quotes).
     */
    private static boolean joined(List<Token> tokens, int from, int words) {
        for (int k = from + 1; k < from + words; k++) {
            if (!LinkedText.adjacent(tokens.get(k - 1), tokens.get(k))) {
                return false;
            }
        }
        return true;
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

    /** The longest known name at each word, looked up once per word of a text. */
    private final class KnownNames {
        private final LinkedText lt;
        private final Optional<KnowledgeBase.NameMatch>[] memo;

        @SuppressWarnings("unchecked")
        KnownNames(LinkedText lt) {
            this.lt = lt;
            this.memo = new Optional[lt.size()];
        }

        Optional<KnowledgeBase.NameMatch> at(int k) {
            Optional<KnowledgeBase.NameMatch> m = memo[k];
            if (m == null) {
                m = kb.longestName(lt.keys(), k);
                memo[k] = m;
            }
            return m;
        }
    }

    /** End (exclusive) of the run of capitalised words starting at {@code from}. */
    private int runEnd(LinkedText lt, int from, KnownNames known) {
        int j = from + 1;
        while (j < lt.size()) {
            Token t = lt.token(j);
            if (middleInitial(lt, j - 1) && t.capitalised()) {
                // "Maren K. Solberg": a middle initial and its dot are inside the name
                j++;
                continue;
            }
            if (lt.text().startsWith(" & ", lt.token(j - 1).end()) && t.start() == lt.token(j - 1).end() + 3
                    && t.capitalised() && endsInInstitutionOnlyAfter(lt, from, j)) {
                // "Harbour & Rail Museum": the ampersand is no word of its own
                j++;
                continue;
            }
            if (!LinkedText.adjacent(lt.token(j - 1), t) || possessive(lt.token(j - 1).text())) {
                // "the Civic Party's Jeremy Tam": a possessive ends a name
                break;
            }
            if (scriptChanges(lt.token(j - 1).text(), t.text())) {
                // «президент Xiaomi Лэй Цзюнь», «цитирует Олега Орлова Reuters»: a name is written in one
                // script, so a change of script between two words starts another name
                break;
            }
            if (t.capitalised() && !t.sentenceStart()) {
                // a title is never inside a name: "Finance Minister Rachel Reeves" is two runs
                if (known.at(j).isPresent() || cues.is(NameCues.Kind.PERSON_TITLE, t.text())) {
                    break;
                }
                j++;
            } else if (cues.is(NameCues.Kind.CONNECTOR, t.text()) && j + 1 < lt.size()
                    && lt.token(j + 1).capitalised() && LinkedText.adjacent(t, lt.token(j + 1))
                    && known.at(j + 1).isEmpty()) {
                j += 2;
            } else if (ofAfterInstitution(lt, j)) {
                // "University of Northfield", "Museum of the Sea": the institution's name goes on after "of"
                j += lt.token(j + 1).text().equals("the") ? 3 : 2;
            } else if (t.text().equals("and") && j + 1 < lt.size() && LinkedText.adjacent(t, lt.token(j + 1))
                    && endsInInstitutionOnlyAfter(lt, from, j + 1)) {
                // "Northfield Air and Sea Museum": both sides belong to the one institution named at the end
                j += 2;
            } else {
                break;
            }
        }
        return j;
    }

    /** A single capital letter followed by a dot and a space inside a sentence (the K. of "Maren K. Solberg"). */
    private static boolean middleInitial(LinkedText lt, int k) {
        Token t = lt.token(k);
        return k > 0 && k + 1 < lt.size() && t.text().length() == 1 && t.capitalised() && !t.sentenceStart()
                && lt.text().startsWith(". ", t.end()) && lt.token(k + 1).start() == t.end() + 2
                && (LinkedText.adjacent(lt.token(k - 1), t) || middleInitial(lt, k - 1)) && lt.token(k - 1).capitalised();
    }

    /**
     * "of" (or "of the") right after a capitalised organisation or place noun and before a capitalised
     * word: the institution's name goes on (University of ..., Ministry of ..., Museum of ...).
     */
    private boolean ofAfterInstitution(LinkedText lt, int j) {
        Token before = lt.token(j - 1);
        if (!lt.token(j).text().equals("of") || !before.capitalised()
                || !(cues.is(NameCues.Kind.ORG_WORD, before.text()) || cues.is(NameCues.Kind.PLACE_WORD, before.text()))) {
            return false;
        }
        int next = j + 1 < lt.size() && lt.token(j + 1).text().equals("the") ? j + 2 : j + 1;
        return next < lt.size() && lt.token(next).capitalised() && !lt.token(next).sentenceStart()
                && LinkedText.adjacent(lt.token(j), lt.token(j + 1)) && LinkedText.adjacent(lt.token(next - 1), lt.token(next));
    }

    /**
     * For "and" or "&" between capitalised words: the words of the run before it ({@code from} up to the
     * conjunction) hold no organisation or place noun, and the capitalised words from {@code after} on end in
     * one, so both sides belong to one institution (Air and Space Museum, Health & Safety Board).
     */
    private boolean endsInInstitutionOnlyAfter(LinkedText lt, int from, int after) {
        for (int k = from; k < after; k++) {
            if (institutionWord(lt.token(k))) {
                return false;
            }
        }
        int k = after;
        while (k < lt.size() && lt.token(k).capitalised() && !lt.token(k).sentenceStart()
                && (k == after || LinkedText.adjacent(lt.token(k - 1), lt.token(k)))) {
            if (institutionWord(lt.token(k))) {
                return true;
            }
            k++;
        }
        return false;
    }

    private boolean institutionWord(Token t) {
        return cues.is(NameCues.Kind.ORG_WORD, t.text()) || cues.is(NameCues.Kind.PLACE_WORD, t.text());
    }

    /** Whether one word opens in Latin letters and the other in Cyrillic (digits and signs count as neither). */
    static boolean scriptChanges(String before, String after) {
        int a = before.codePointAt(0);
        int b = after.codePointAt(0);
        return (Scripts.latin(a) && Scripts.cyrillic(b)) || (Scripts.cyrillic(a) && Scripts.latin(b));
    }

    /** An English possessive ending (Party's, Reuters’). */
    static boolean possessive(String word) {
        int n = word.length();
        return n > 2 && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')
                && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’');
    }

    /** Whether a word of a capitalised run can be part of a name. */
    private boolean nameWord(LinkedText lt, int k) {
        Token t = lt.token(k);
        String lower = t.text().toLowerCase(Locale.ROOT);
        if (middleInitial(lt, k)) {
            // M., V., I.: a letter that would be a function word or a Roman numeral alone
            return true;
        }
        if (!hasLetter(t.text()) || romanNumeral(t.text())) {
            return false;
        }
        if ((morphology.isStopWord(lower) && !foreignArticle(lt, k)) || cues.is(NameCues.Kind.PERSON_TITLE, t.text())) {
            return false;
        }
        if (!RussianNameRules.applies(t) || russian.nameWord(t)) {
            return true;
        }
        // a capitalised word right after a given name is a surname, even one the dictionary knows
        // only as a common word or adjective («Алексея Навального»)
        if (k > 0 && !t.sentenceStart() && !t.acronym() && LinkedText.adjacent(lt.token(k - 1), t)
                && lt.token(k - 1).capitalised() && typer.givenName(lt.token(k - 1))) {
            return true;
        }
        // and a foreign given name right before a surname is one («Хилари Клинтон»)
        return k + 1 < lt.size() && !t.sentenceStart() && !t.acronym() && russian.foreignGivenName(t)
                && LinkedText.adjacent(t, lt.token(k + 1)) && lt.token(k + 1).capitalised()
                && russian.surname(lt.token(k + 1));
    }

    /**
     * A foreign article opening a name in a Latin-script text (Le Monde, Las Cruces, Il Giornale): a
     * capitalised function word of two or three letters of another language than English, inside a
     * sentence, right before a capitalised word. English function words (The, Of) are never kept.
     */
    private boolean foreignArticle(LinkedText lt, int k) {
        Token t = lt.token(k);
        if (lt.cyrillic() || lt.nounCapitals() || t.sentenceStart() || t.acronym() || !t.capitalised() || t.text().length() > 3
                || t.text().length() < 2 || k + 1 >= lt.size()) {
            return false;
        }
        Token next = lt.token(k + 1);
        String lower = t.text().toLowerCase(Locale.ROOT);
        return !Morphology.isEnglishStopWord(lower) && LinkedText.adjacent(t, next) && next.capitalised()
                && !morphology.isStopWord(next.text().toLowerCase(Locale.ROOT));
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
        if (word.length() > 5) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if ("IVXLCDM".indexOf(word.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The name inside the run {@code from}..{@code to}, typed; null if it holds none. */
    private NameSpan trimAndType(LinkedText lt, int from, int to) {
        List<Token> tokens = lt.tokens();
        int a = from;
        while (a < to && !nameWord(lt, a)) {
            a++;
        }
        int b = to;
        while (b > a && (!nameWord(lt, b - 1) || cues.is(NameCues.Kind.CONNECTOR, tokens.get(b - 1).text()))) {
            b--;
        }
        if (a >= b) {
            return null;
        }
        // Inside a run, a non-name word splits it: keep the part before it.
        for (int k = a; k < b; k++) {
            // lower-case words inside a run were let in by runEnd on purpose (von der, of, and)
            if (!nameWord(lt, k) && !cues.is(NameCues.Kind.CONNECTOR, tokens.get(k).text()) && tokens.get(k).capitalised()) {
                b = k;
                break;
            }
        }
        // A capitalised common noun before a given name (German "Bahnchef Richard Lutz") is not part of the name.
        // Not when the run ends in a place or organisation noun: "Millbrook Art Gallery" is one name.
        String last = tokens.get(b - 1).text();
        if (b - a >= 3 && !typer.givenName(tokens.get(a)) && typer.givenName(tokens.get(a + 1))
                && !cues.is(NameCues.Kind.PLACE_WORD, last) && !cues.is(NameCues.Kind.ORG_WORD, last)) {
            a++;
        }
        // A title's portfolio before a name ("ministro della Cultura Alessandro Giuli", "Minister of
        // Finance Anton Siluanov") belongs to the title.
        if (b - a >= 3 && a >= 2 && typer.functionWord(tokens.get(a - 1))
                && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(a - 2).text())) {
            return new NameSpan(a + 1, b, null, EntityType.PERSON);
        }
        // the same after an elided article ("ministro dell'Economia Giancarlo Giorgetti")
        if (b - a >= 3 && a >= 1 && lt.afterElision(tokens.get(a))
                && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(a - 1).text())) {
            return new NameSpan(a + 1, b, null, EntityType.PERSON);
        }
        // a single word just before a title ("Finance Minister"), or a title's portfolio on its own
        // ("Minister of Finance"), qualifies the title
        if (b - a == 1 && ((b < tokens.size() && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(b).text()))
                || (a >= 2 && typer.functionWord(tokens.get(a - 1)) && cues.is(NameCues.Kind.PERSON_TITLE, tokens.get(a - 2).text())))) {
            return null;
        }
        if (b - a == 1 && (demonyms.is(tokens.get(a).text()) || CalendarWords.is(tokens.get(a).text()) || TimeZoneAbbreviations.is(tokens.get(a).text())
                || LanguageNames.is(tokens.get(a).text()))) {
            return null;
        }
        // An organisation word alone ("Council", «Совета») names a kind, not an organisation.
        if (b - a == 1 && cues.is(NameCues.Kind.ORG_WORD, tokens.get(a).text())) {
            return null;
        }
        return new NameSpan(a, b, null, typer.typeOf(lt, a, b));
    }
}
