package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Token;

/**
 * A foreign name written in Latin letters inside a Cyrillic text ("Bank of America", "Corriere della
 * Sera", "La Stampa", "Standard & Poor's", "S&P"): the Russian text quotes it as written, so its
 * lower-case function words, a leading article and an ampersand belong to it, and it ends at the
 * first word that is not Latin, at punctuation, or after a possessive. It is an ORGANIZATION, as
 * other Latin names in a Cyrillic text are ({@link MentionTyper}).
 *
 * <p>Limits: only two or more words are taken (a single Latin word is left to the other rules); a
 * Latin run naming a person or place in a Russian text is typed as an organisation all the same.
 */
final class LatinNamesInCyrillic {

    private final MentionTyper typer;

    LatinNamesInCyrillic(MentionTyper typer) {
        this.typer = typer;
    }

    /** The Latin name starting at {@code from}, or null if the text is not Cyrillic or no such name starts there. */
    NameSpan at(LinkedText lt, int from) {
        if (!lt.cyrillic() || !latinWord(lt.token(from)) || !lt.token(from).capitalised()) {
            return null;
        }
        int end = from + 1;
        while (end < lt.size() && !MentionFinder.possessive(lt.token(end - 1).text())) {
            Token prev = lt.token(end - 1);
            Token t = lt.token(end);
            if (!latinWord(t) || !(LinkedText.adjacent(prev, t) || ampersand(lt, prev, t))) {
                break;
            }
            if (t.capitalised()) {
                end++;
            } else if (typer.functionWord(t) && end + 1 < lt.size() && lt.token(end + 1).capitalised()
                    && latinWord(lt.token(end + 1)) && LinkedText.adjacent(t, lt.token(end + 1))) {
                end += 2;
            } else {
                break;
            }
        }
        // a lower-case or leading function word alone is no name: at least two capitalised words
        int capitals = 0;
        for (int k = from; k < end; k++) {
            capitals += lt.token(k).capitalised() ? 1 : 0;
        }
        return capitals >= 2 ? new NameSpan(from, end, null, EntityType.ORGANIZATION) : null;
    }

    /** Only "&", with or without a space on each side, between the words (Standard & Poor's, S&P). */
    private static boolean ampersand(LinkedText lt, Token a, Token b) {
        String between = lt.text().substring(a.end(), b.start());
        return between.equals("&") || between.equals(" & ");
    }

    private static boolean latinWord(Token t) {
        boolean letter = false;
        for (int c = 0; c < t.text().length(); c++) {
            char ch = t.text().charAt(c);
            if (Character.isLetter(ch)) {
                if (!io.wirestream.enrichment.text.Scripts.latin(ch)) {
                    return false;
                }
                letter = true;
            }
        }
        return letter;
    }
}
