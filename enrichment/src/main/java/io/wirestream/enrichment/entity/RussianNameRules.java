package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;

import java.util.List;
import java.util.Locale;

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
                || (a.placeLemma() != null && !t.sentenceStart()) || (a.properNoun() && !t.sentenceStart())
                || organisationCompound(t);
    }

    /**
     * A compound abbreviation naming a state body or a company, capitalised inside a sentence: a word
     * that opens with one of the clipped stems Russian builds such names from (мин- of министерство,
     * рос- of российский, гос- of государственный, ген- of генеральный) and goes on for three letters or
     * more: «Минобороны», «Минфина», «Роснефти», «Росстата», «Госдепа», «Генпрокуратуры». The dictionary
     * lists many of them as common nouns (it is all lower case), so only the capital inside a sentence
     * says they are names; Russian writes the common compounds (госзаказ, госслужба) in lower case. Not a
     * word the dictionary reads as a person's name or an adjective (Ростовцев, Российской), nor an
     * animate noun (Генерал).
     */
    boolean organisationCompound(Token t) {
        if (!applies(t) || t.acronym() || !t.capitalised() || t.sentenceStart()) {
            return false;
        }
        String lower = t.text().toLowerCase(Locale.ROOT);
        Morphology.Analysis a = morphology.analyse(t.text());
        if (!a.properLemmas().isEmpty() || a.adjective() || (a.known() && !a.inanimate())) {
            return false;
        }
        for (String stem : COMPOUND_STEMS) {
            if (lower.startsWith(stem) && lower.length() >= stem.length() + 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * An abbreviation written in capitals with a case ending in lower case («СИБУРа», «ГАБТом», «МИДе»): two
     * or more Cyrillic capitals and one to {@value #MAX_ACRONYM_ENDING} lower-case letters that the dictionary
     * does not know as a word. Russian declines the abbreviations it reads as words, and those name
     * organisations, like the all-capitals ones.
     */
    boolean inflectedAcronym(Token t) {
        String w = t.text();
        int capitals = 0;
        while (capitals < w.length() && Character.isUpperCase(w.charAt(capitals))) {
            capitals++;
        }
        int ending = w.length() - capitals;
        if (!applies(t) || capitals < 2 || ending < 1 || ending > MAX_ACRONYM_ENDING || morphology.analyse(w).known()) {
            return false;
        }
        for (int k = capitals; k < w.length(); k++) {
            if (!Character.isLowerCase(w.charAt(k)) || !Morphology.isCyrillic(w.substring(k, k + 1))) {
                return false;
            }
        }
        return true;
    }

    private static final int MAX_ACRONYM_ENDING = 3;

    /** Clipped stems that open Russian compound names of state bodies and companies. */
    private static final List<String> COMPOUND_STEMS = List.of("мин", "рос", "гос", "ген");

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
     * A name made of a capitalised adjective, up to {@value #MAX_MORE_ADJECTIVES} lower-case adjectives
     * and a lower-case place or organisation noun («Московской области», «Ильинское шоссе», «Московского
     * метрополитена», «Федеральной антимонопольной службы»): Russian capitalises only the first word of
     * such names. Null if the words at {@code from} are not one.
     */
    NameSpan adjectivePhrase(LinkedText lt, int from) {
        Token t = lt.token(from);
        if (from + 1 >= lt.size() || !applies(t) || t.acronym() || !morphology.analyse(t.text()).adjective()) {
            return null;
        }
        int noun = from + 1;
        while (noun < lt.size() && noun - from <= MAX_MORE_ADJECTIVES && lowerCyrillicAfter(lt, noun)
                && morphology.analyse(lt.token(noun).text()).adjective()
                && !cues.is(NameCues.Kind.PLACE_WORD, lt.token(noun).text()) && !cues.is(NameCues.Kind.ORG_WORD, lt.token(noun).text())) {
            noun++;
        }
        if (noun >= lt.size() || !lowerCyrillicAfter(lt, noun)) {
            return null;
        }
        Token next = lt.token(noun);
        if (cues.is(NameCues.Kind.PLACE_WORD, next.text())) {
            return new NameSpan(from, noun + 1, null, EntityType.LOCATION);
        }
        if (cues.is(NameCues.Kind.ORG_WORD, next.text()) && !t.sentenceStart()) {
            // at a sentence start the capital says nothing («Национальная компания ...»); genitive words
            // after the noun mostly name its owner («Верховный суд страны»), so they are left out
            return new NameSpan(from, noun + 1, null, EntityType.ORGANIZATION);
        }
        return null;
    }

    private static final int MAX_MORE_ADJECTIVES = 2;

    /** The word at {@code k} is a lower-case Cyrillic word joined to the one before it. */
    private static boolean lowerCyrillicAfter(LinkedText lt, int k) {
        Token w = lt.token(k);
        return !w.capitalised() && applies(w) && LinkedText.adjacent(lt.token(k - 1), w);
    }

    /**
     * A name made of a capitalised organisation noun and the lower-case words that say what it is for:
     * genitive words («Министерства обороны», «Министерства иностранных дел», «Фонда развития
     * интернет-инициатив»: a hyphenated word by its last part), or «с» (anywhere) or «по» (right after
     * the noun) and the adjectives and noun after it, genitive words going on after that («Фонд борьбы с
     * коррупцией», «Комитета по развитию транспортной инфраструктуры»). Capitalised inside
     * a sentence, the noun starts a proper name. At most {@value #MAX_GENITIVES} words are taken after
     * the noun, and no preposition is left hanging. Null if the words at {@code from} are not one.
     */
    NameSpan genitivePhrase(LinkedText lt, int from) {
        Token t = lt.token(from);
        if (!applies(t) || t.acronym() || t.sentenceStart() || !cues.is(NameCues.Kind.ORG_WORD, t.text())) {
            return null;
        }
        int end = from + 1;
        while (end < lt.size() && end - from <= MAX_GENITIVES && lowerCyrillicAfter(lt, end)) {
            String w = lt.token(end).text();
            if (w.equals("с") || (w.equals("по") && end == from + 1)) {
                // «по» only right after the noun: «Министерства обороны по итогам ...» is not one name
                int k = end + 1;
                while (k < lt.size() && k - from <= MAX_GENITIVES && lowerCyrillicAfter(lt, k)
                        && morphology.analyse(lt.token(k).text()).adjective()) {
                    k++;
                }
                if (k >= lt.size() || k - from > MAX_GENITIVES || !lowerCyrillicAfter(lt, k)
                        || !morphology.analyse(lt.token(k).text()).known() || morphology.analyse(lt.token(k).text()).adjective()) {
                    break;
                }
                end = k + 1;
                continue;
            }
            if (!morphology.genitive(w.substring(w.lastIndexOf('-') + 1))) {
                break;
            }
            end++;
        }
        return end == from + 1 ? null : new NameSpan(from, end, null, EntityType.ORGANIZATION);
    }

    private static final int MAX_GENITIVES = 4;

    /**
     * An organisation name written all in capitals: capitalised adjectives (any number), a capitalised
     * organisation noun, and one to {@value #MAX_CAPITALISED_GENITIVES} capitalised inanimate common nouns in
     * the genitive that say what it is of («Театр Наций», «Государственного Театра Наций», «Театр Дружбы
     * Народов», «Совета Безопасности»). The capitals of the genitive words, which the dictionary reads only
     * as common nouns, make the phrase a name even at a sentence start. Not a genitive the dictionary reads
     * as a person's name or writes with a capital (Андрея, Европы: a name of its own), an animate one
     * («Совет Учителей») or another organisation noun («Группа Компаний»). Null if the words at {@code from}
     * are not one.
     */
    NameSpan capitalisedOrganisation(LinkedText lt, int from) {
        int noun = from;
        while (noun < lt.size() && capitalisedCyrillicAt(lt, noun, from) && !cues.is(NameCues.Kind.ORG_WORD, lt.token(noun).text())
                && commonAdjective(lt.token(noun))) {
            noun++;
        }
        if (noun >= lt.size() || !capitalisedCyrillicAt(lt, noun, from) || !cues.is(NameCues.Kind.ORG_WORD, lt.token(noun).text())) {
            return null;
        }
        int end = noun + 1;
        while (end < lt.size() && end - noun <= MAX_CAPITALISED_GENITIVES && capitalisedCyrillicAt(lt, end, from)
                && !lt.token(end).sentenceStart() && commonGenitiveNoun(lt.token(end))) {
            end++;
        }
        return end == noun + 1 ? null : new NameSpan(from, end, null, EntityType.ORGANIZATION);
    }

    private static final int MAX_CAPITALISED_GENITIVES = 3;

    /** The word at {@code k} is a capitalised Cyrillic word (not an abbreviation), joined to the one before unless it is {@code from}. */
    private static boolean capitalisedCyrillicAt(LinkedText lt, int k, int from) {
        Token w = lt.token(k);
        return w.capitalised() && !w.acronym() && applies(w) && (k == from || LinkedText.adjacent(lt.token(k - 1), w));
    }

    private boolean commonAdjective(Token t) {
        Morphology.Analysis a = morphology.analyse(t.text());
        return a.adjective() && a.properLemmas().isEmpty() && !a.properNoun();
    }

    private boolean commonGenitiveNoun(Token t) {
        Morphology.Analysis a = morphology.analyse(t.text());
        return a.inanimate() && !a.adjective() && a.properLemmas().isEmpty() && !a.properNoun()
                && !cues.is(NameCues.Kind.ORG_WORD, t.text()) && morphology.genitive(t.text());
    }

    /**
     * Whether the one-word name {@code span} is written in Cyrillic alone between quotes («Спартака»,
     * «Виктория»). Russian news quotes the names of clubs, companies, media and works, never a person's name,
     * so such a word is an organisation even where it is a given name or a known person's name.
     */
    static boolean quotedAlone(LinkedText lt, NameSpan span) {
        if (span.words() != 1 || !applies(lt.token(span.from()))) {
            return false;
        }
        Token t = lt.token(span.from());
        String text = lt.text();
        return t.start() > 0 && t.end() < text.length() && OPENING_QUOTES.indexOf(text.charAt(t.start() - 1)) >= 0
                && CLOSING_QUOTES.indexOf(text.charAt(t.end())) >= 0;
    }

    private static final String OPENING_QUOTES = "«„\"";
    private static final String CLOSING_QUOTES = "»“\"";

    /**
     * Where a person's name at {@code from} begins with the initials written before it: up to
     * {@value #MAX_INITIALS} single Cyrillic capitals, each followed by its dot and at most one space
     * («В.Путин», «А. Лебедев», «М.С. Горбачев»); {@code from} itself if there are none. The initials
     * are part of the name as written.
     */
    static int initialsBefore(LinkedText lt, int from) {
        int k = from;
        while (k > 0 && from - k < MAX_INITIALS) {
            Token initial = lt.token(k - 1);
            Token after = lt.token(k);
            String between = lt.text().substring(initial.end(), after.start());
            if (initial.text().length() != 1 || !applies(initial) || !Character.isUpperCase(initial.text().charAt(0))
                    || !(between.equals(".") || between.equals(". "))) {
                break;
            }
            k--;
        }
        return k;
    }

    private static final int MAX_INITIALS = 2;

    /** A given name by the dictionary's {@code Name} tag. */
    boolean givenName(Token t) {
        return morphology.analyse(t.text()).givenName();
    }

    /**
     * A word of the run that makes it a person: a surname that is not also an adjective
     * (Московский is a person only next to a given name), or a given name in a run of two or more, or
     * alone when the dictionary has no other reading of it («Кирилла», «Инна»; not «Владимир», also a
     * town, nor «Вера», also a common noun).
     */
    boolean personWord(Token t, int runWords) {
        Morphology.Analysis an = morphology.analyse(t.text());
        return (an.surname() && !an.adjective())
                || (an.givenName() && (runWords >= 2 || an.commonLemmas().isEmpty()));
    }

    /**
     * A word that may be a foreign given name though the dictionary has no {@code Name} reading of it:
     * one it does not know, or an indeclinable animate noun (its only lemma is the word itself: «Хилари»).
     * Not a declined common noun («Графа», «Рассказы», «Долю»), which would make a name of a phrase
     * before a surname.
     */
    boolean foreignGivenName(Token t) {
        Morphology.Analysis a = morphology.analyse(t.text());
        if (!a.known()) {
            return true;
        }
        return a.properLemmas().isEmpty() && !a.inanimate() && !a.adjective() && a.commonLemmas().size() == 1
                && a.commonLemmas().get(0).equals(t.text().toLowerCase(Locale.ROOT).replace('ё', 'е'));
    }

    /** A surname by the dictionary's {@code Fam} tag that is not also an adjective (Клинтон, Кудрину; not Московский). */
    boolean surname(Token t) {
        Morphology.Analysis an = morphology.analyse(t.text());
        return an.surname() && !an.adjective();
    }
}
