package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KbEntity;
import io.wirestream.enrichment.kb.KnowledgeBase;
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
 *   <li>Known names: at each capitalised word, the longest name of the knowledge base that starts
 *       there, matched on word keys, so inflected forms are found («Путиным» is Putin).</li>
 *   <li>Other names: runs of capitalised words (with particles such as "von der" inside), minus
 *       function words, titles and, in Russian, words the dictionary knows only as common words.
 *       A run is typed by its cues ({@link NameCues}): an organisation word inside or an all-capitals
 *       acronym makes an ORGANIZATION; a title before it, a speech verb after it, a given name or a
 *       dictionary surname inside makes a PERSON; a place preposition before a single word makes a
 *       LOCATION. An untyped run is kept only if it is the same name, or the surname, of a typed one.</li>
 *   <li>Mentions of one entity are grouped: by id for known entities, by the keys of the name for
 *       others, a lone surname joining the full name it belongs to.</li>
 * </ol>
 * Thread-safe: all state is per call, the knowledge base and the dictionary are shared.
 */
public final class EntityLinker {

    /** Mentions in the first fifth of the text count this much more toward salience. */
    private static final double LEAD_WEIGHT = 1.0;

    private final KnowledgeBase kb;
    private final NameCues cues;
    private final Morphology morphology;

    public EntityLinker(KnowledgeBase kb) {
        this.kb = kb;
        this.morphology = Morphology.shared();
        this.cues = NameCues.bundled(morphology);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** A run of words taken as one name. */
    private record Span(int from, int to, KbEntity known, EntityType type) {
    }

    /** Entities named in {@code text}, most salient first. */
    public List<LinkedEntity> link(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
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
            int end = unknownRunEnd(tokens, keys, i);
            Span unknown = trimAndType(tokens, i, end);
            if (unknown != null) {
                spans.add(unknown);
            }
            i = Math.max(end, i + 1);
        }
        return group(text, tokens, keys, spans);
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
                if (kb.longestName(keys, j).isPresent()) {
                    break;
                }
                j++;
            } else if (cues.is(NameCues.Kind.CONNECTOR, t.text()) && j + 1 < tokens.size()
                    && tokens.get(j + 1).capitalised() && adjacent(t, tokens.get(j + 1))) {
                j += 2;
            } else {
                break;
            }
        }
        return j;
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
        if (Morphology.isCyrillic(t.text()) && !t.acronym()) {
            Morphology.Analysis a = morphology.analyse(t.text());
            // A word the dictionary knows only as a common word is not a name unless it names an organisation kind.
            return !a.known() || !a.properLemmas().isEmpty() || cues.is(NameCues.Kind.ORG_WORD, t.text());
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

    private Span trimAndType(List<Token> tokens, int from, int to) {
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
        if (b - a >= 3 && !cues.is(NameCues.Kind.GIVEN_NAME, tokens.get(a).text())
                && cues.is(NameCues.Kind.GIVEN_NAME, tokens.get(a + 1).text())) {
            a++;
        }
        // An organisation word alone ("Council", «Совета») names a kind, not an organisation.
        if (b - a == 1 && cues.is(NameCues.Kind.ORG_WORD, tokens.get(a).text())) {
            return null;
        }
        return new Span(a, b, null, typeOf(tokens, a, b));
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
        if (from > 0) {
            Token prev = tokens.get(from - 1);
            if (!prev.capitalised() && adjacent(prev, tokens.get(from)) && cues.is(NameCues.Kind.ORG_WORD, prev.text())) {
                return EntityType.ORGANIZATION;
            }
        }
        for (int back = 1; back <= 2 && from - back >= 0; back++) {
            Token prev = tokens.get(from - back);
            if (cues.is(NameCues.Kind.PERSON_TITLE, prev.text())) {
                return EntityType.PERSON;
            }
        }
        if (to < tokens.size() && cues.is(NameCues.Kind.SPEECH_VERB, tokens.get(to).text())) {
            return EntityType.PERSON;
        }
        Token first = tokens.get(from);
        if (to - from >= 2 && cues.is(NameCues.Kind.GIVEN_NAME, first.text())) {
            return EntityType.PERSON;
        }
        for (int k = from; k < to; k++) {
            Morphology.Analysis an = morphology.analyse(tokens.get(k).text());
            if (an.surname() || (an.givenName() && to - from >= 2)) {
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
        // A typed run seen once as "Азер Гараев" and once as "Гараев": the surname joins the full name.
        Map<String, Group> bySurname = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            if (g.known == null && g.type == EntityType.PERSON) {
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
                String citation = citationForm(tokens, longest);
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

    /** The name in its dictionary form where the dictionary knows it («Гараева» becomes «Гараев»). */
    private String citationForm(List<Token> tokens, Span s) {
        StringBuilder b = new StringBuilder();
        for (int k = s.from(); k < s.to(); k++) {
            Token t = tokens.get(k);
            String word = t.text();
            String lemma = Morphology.isCyrillic(word) && !t.acronym() ? morphology.properLemma(word) : null;
            if (lemma != null) {
                word = Character.toUpperCase(lemma.charAt(0)) + lemma.substring(1);
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word);
        }
        return b.toString();
    }
}
