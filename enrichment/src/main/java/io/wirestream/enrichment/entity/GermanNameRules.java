package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.GermanLexicon;
import io.wirestream.enrichment.text.Token;

/**
 * Rules for a language that capitalises its nouns (German), where a capitalised word is a name only
 * with evidence from the dictionary ({@link GermanLexicon}).
 */
final class GermanNameRules {

    private final GermanLexicon german;
    private final NameCues cues;

    GermanNameRules(GermanLexicon german, NameCues cues) {
        this.german = german;
        this.cues = cues;
    }

    /** A given name by the dictionary's {@code VOR} tag. */
    boolean givenName(Token t) {
        return german.kind(t.text()) == GermanLexicon.Kind.GIVEN_NAME;
    }

    /**
     * The run with evidence of a name, or null: the dictionary lists a word as a proper noun or does
     * not know it (foreign names), or it is an acronym. Common nouns before a name are dropped
     * (Bahnchef Richard Lutz); a run of common words alone is kept only as an adjective + organisation
     * noun (Europäische Zentralbank).
     */
    NameSpan withEvidence(LinkedText lt, NameSpan s, MentionTyper typer) {
        int a = s.from();
        while (a < s.to() - 1 && german.kind(lt.token(a).text()) == GermanLexicon.Kind.COMMON
                && !lt.token(a).acronym()) {
            a++;
        }
        boolean evidence = false;
        for (int k = a; k < s.to(); k++) {
            Token t = lt.token(k);
            if (cues.is(NameCues.Kind.CONNECTOR, t.text())) {
                continue;
            }
            GermanLexicon.Kind kind = german.kind(t.text());
            evidence |= t.acronym() || (kind != GermanLexicon.Kind.COMMON && kind != GermanLexicon.Kind.ADJECTIVE);
        }
        if (!evidence) {
            boolean adjectiveOrg = s.to() - a >= 2 && german.kind(lt.token(a).text()) == GermanLexicon.Kind.ADJECTIVE
                    && s.type() == EntityType.ORGANIZATION;
            if (!adjectiveOrg) {
                return null;
            }
        }
        return a == s.from() ? s : new NameSpan(a, s.to(), null, typer.typeOf(lt, a, s.to()));
    }
}
