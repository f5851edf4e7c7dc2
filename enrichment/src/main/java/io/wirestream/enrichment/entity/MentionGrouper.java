package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.KbEntity;
import io.wirestream.enrichment.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups the names found in a text into entities and ranks them by salience.
 * <ul>
 *   <li>By id for known entities, by the keys of the name for others; a lone surname joins the full
 *       name it belongs to ("Азер Гараев" ... "Гараева"), also when the full name is a known person
 *       whose aliases lack the lone surname.</li>
 *   <li>An untyped name is kept only if it is the same name, or the surname, of a typed one.</li>
 *   <li>Salience: each mention counts 1, plus {@value #LEAD_WEIGHT} in the first fifth of the text;
 *       an entity's salience is its share of the text's total.</li>
 *   <li>A mention is the text exactly as written between its offsets, less an English possessive or
 *       Turkish case suffix (Putin's, Putin'in).</li>
 * </ul>
 */
final class MentionGrouper {

    /** Mentions in the first fifth of the text count this much more toward salience. */
    static final double LEAD_WEIGHT = 1.0;

    private final RussianCitationForms citations;

    MentionGrouper(RussianCitationForms citations) {
        this.citations = citations;
    }

    private static final class Group {
        final String key;
        final KbEntity known;
        final EntityType type;
        final List<NameSpan> spans = new ArrayList<>();

        Group(String key, KbEntity known, EntityType type) {
            this.key = key;
            this.known = known;
            this.type = type;
        }

        NameSpan longest() {
            return spans.stream().max(Comparator.comparingInt(NameSpan::words)).orElseThrow();
        }
    }

    /** Entities named in the text, most salient first. */
    List<LinkedEntity> group(LinkedText lt, List<NameSpan> spans) {
        Map<String, Group> groups = new LinkedHashMap<>();
        List<NameSpan> untyped = new ArrayList<>();
        for (NameSpan s : spans) {
            if (s.known() != null) {
                groups.computeIfAbsent(s.known().id(), k -> new Group(k, s.known(), s.type())).spans.add(s);
            } else if (s.type() != null) {
                groups.computeIfAbsent(nameKey(lt, s), k -> new Group(k, null, s.type())).spans.add(s);
            } else {
                untyped.add(s);
            }
        }
        Map<String, Group> bySurname = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            if (g.type == EntityType.PERSON) {
                NameSpan longest = g.longest();
                if (longest.words() >= 2) {
                    bySurname.putIfAbsent(lt.key(longest.to() - 1), g);
                }
            }
        }
        List<String> merged = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.known == null && g.spans.stream().allMatch(s -> s.words() == 1)) {
                Group full = bySurname.get(lt.key(g.spans.get(0).from()));
                if (full != null && full != g) {
                    full.spans.addAll(g.spans);
                    merged.add(g.key);
                }
            }
        }
        merged.forEach(groups::remove);
        for (NameSpan s : untyped) {
            Group g = groups.get(nameKey(lt, s));
            if (g == null && s.words() == 1) {
                g = bySurname.get(lt.key(s.from()));
            }
            if (g != null) {
                g.spans.add(s);
            }
        }
        return ranked(lt, groups.values());
    }

    private List<LinkedEntity> ranked(LinkedText lt, Iterable<Group> groups) {
        int length = Math.max(1, lt.text().length());
        double total = 0.0;
        Map<Group, Double> weights = new LinkedHashMap<>();
        for (Group g : groups) {
            double w = 0.0;
            for (NameSpan s : g.spans) {
                w += 1.0 + (lt.token(s.from()).start() < length / 5 ? LEAD_WEIGHT : 0.0);
            }
            weights.put(g, w);
            total += w;
        }
        List<LinkedEntity> out = new ArrayList<>();
        for (Group g : groups) {
            List<Mention> mentions = g.spans.stream()
                    .sorted(Comparator.comparingInt(NameSpan::from))
                    .map(s -> mention(lt, s))
                    .toList();
            double salience = weights.get(g) / total;
            if (g.known != null) {
                out.add(new LinkedEntity(g.known.id(), g.type, g.known.canonicalName(), true, salience, mentions));
            } else {
                String citation = citations.citationForm(lt, g.longest(), g.type);
                out.add(new LinkedEntity(NameIds.idFor(citation), g.type, NameIds.latin(citation), false, salience, mentions));
            }
        }
        out.sort(Comparator.comparingDouble(LinkedEntity::salience).reversed()
                .thenComparing(e -> e.mentions().get(0).start()));
        return out;
    }

    private static Mention mention(LinkedText lt, NameSpan s) {
        int start = lt.token(s.from()).start();
        Token last = lt.token(s.to() - 1);
        int end = withoutPossessive(last);
        if (end == last.end() && end < lt.text().length() && lt.text().charAt(end) == '.' && dottedAbbreviation(lt.text().substring(start, end))) {
            // U.S., U.K.: the final dot is part of the abbreviation as written (the tokenizer leaves
            // it out, as it may also end the sentence)
            end++;
        }
        return new Mention(lt.text().substring(start, end), start, end);
    }

    /** Single letters joined by dots: U.S, U.K, A.B.C (the last dot not included). */
    static boolean dottedAbbreviation(String word) {
        if (word.length() < 3 || word.length() % 2 == 0) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (k % 2 == 0 ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return true;
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

    private static String nameKey(LinkedText lt, NameSpan s) {
        StringBuilder b = new StringBuilder();
        for (int k = s.from(); k < s.to(); k++) {
            b.append(lt.key(k)).append(' ');
        }
        return b.toString();
    }
}
