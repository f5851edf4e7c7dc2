package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Shapes of text that say what a name is, or that there is none, whatever its words: lines all in
 * capitals, news sites cited by their address, names in quotes after an organisation word.
 */
final class NameShapes {

    private final NameCues cues;

    NameShapes(NameCues cues) {
        this.cues = cues;
    }

    /**
     * Words on a line written all in capitals with at least two words ("SOCCER - STANDINGS", a
     * headline or a section label): capitals there say nothing, so no name is read from them. A
     * dateline's place was given ordinary capitals before ({@link Datelines}) and is not affected.
     */
    static boolean[] shoutedLines(LinkedText lt) {
        boolean[] out = new boolean[lt.size()];
        String text = lt.text();
        int lineStart = 0;
        while (lineStart < lt.size()) {
            int lineEnd = lineStart + 1;
            while (lineEnd < lt.size() && !lineBreak(text, lt.token(lineEnd - 1).end(), lt.token(lineEnd).start())) {
                lineEnd++;
            }
            int words = 0;
            boolean allCapitals = true;
            for (int k = lineStart; k < lineEnd && allCapitals; k++) {
                Token t = lt.token(k);
                if (t.cased()) {
                    words++;
                    allCapitals = t.acronym() || (t.text().length() == 1 && t.capitalised());
                }
            }
            if (allCapitals && words >= 2) {
                Arrays.fill(out, lineStart, lineEnd, true);
            }
            lineStart = lineEnd;
        }
        return out;
    }

    private static boolean lineBreak(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * A news site cited by its address (NEWSru.com, Лента.ру, Gazeta.ru): a capitalised word joined
     * by a dot to a top-level domain is an organisation.
     */
    static NameSpan webSite(LinkedText lt, int i) {
        if (i + 1 >= lt.size()) {
            return null;
        }
        Token name = lt.token(i);
        Token domain = lt.token(i + 1);
        if (domain.start() - name.end() != 1 || lt.text().charAt(name.end()) != '.'
                || !TOP_LEVEL_DOMAINS.contains(domain.text().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new NameSpan(i, i + 2, null, EntityType.ORGANIZATION);
    }

    /** Top-level domains of news sites, as written in Latin and in Cyrillic. */
    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of(
            "com", "org", "net", "info", "ru", "ру", "рф", "ua", "by", "kz", "az", "uk", "de", "fr", "eu", "tv", "fm");

    /**
     * A name in quotes after an organisation word or acronym (газета «Взгляд», телеканал «Дождь»,
     * РИА «Новости», the newspaper "Vzglyad"): the quoted words, up to the closing quote (at most
     * {@value #MAX_QUOTED} words), name an organisation, whatever the dictionary says of them.
     * In Cyrillic, one capitalised word alone in quotes after any lower-case word is one too («у
     * «Яндекса»», «в «Мегафоне»»): Russian news quotes the names of companies, media and clubs, which
     * are often common words or brands the dictionary lists as such. Titles of works quoted so are
     * mostly longer and are left out; a one-word title is taken for an organisation all the same.
     */
    NameSpan quotedName(LinkedText lt, int i) {
        if (i <= 0 || i >= lt.size() || !lt.token(i).capitalised()) {
            return null;
        }
        String text = lt.text();
        Token t = lt.token(i);
        Token prev = lt.token(i - 1);
        if (t.start() - prev.end() != 2 || text.charAt(prev.end()) != ' ' || OPENING_QUOTES.indexOf(text.charAt(t.start() - 1)) < 0) {
            return null;
        }
        boolean afterOrgWord = prev.acronym() || (prev.cased() && !prev.capitalised() && cues.is(NameCues.Kind.ORG_WORD, prev.text()));
        if (!afterOrgWord && !(Morphology.isCyrillic(prev.text()) && !prev.capitalised() && Morphology.isCyrillic(t.text()))) {
            return null;
        }
        for (int j = i; j < lt.size() && j < (afterOrgWord ? i + MAX_QUOTED : i + 1); j++) {
            Token w = lt.token(j);
            if (w.end() < text.length() && CLOSING_QUOTES.indexOf(text.charAt(w.end())) >= 0) {
                return new NameSpan(i, j + 1, null, EntityType.ORGANIZATION);
            }
            if (j + 1 < lt.size() && lt.token(j + 1).start() - w.end() != 1) {
                return null;
            }
        }
        return null;
    }

    private static final int MAX_QUOTED = 5;
    private static final String OPENING_QUOTES = "«\"„“";
    private static final String CLOSING_QUOTES = "»\"“”";
}
