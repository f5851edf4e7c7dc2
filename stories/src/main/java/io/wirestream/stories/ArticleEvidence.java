package io.wirestream.stories;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What story linking knows of an article: its id, language and time, and the evidence that may be shared with
 * other reports of the same event. Entities, numbers and dates are the same in every language; title terms
 * only compare within one language.
 *
 * @param time     event time in epoch millis: publication time, or fetch time when unknown
 * @param title    the headline (or the lead when there is none); shown as the story's title in this language
 * @param entities linked entities, most salient first (knowledge-base ids, or ws: ids transliterated from the name)
 * @param numbers  numbers of the title and lead, normalised ({@code 1.5}, {@code 120})
 * @param dates    day-of-year dates named in the title and lead, {@code MM-DD}, and weekdays, {@code wd1} (Monday)
 *                 to {@code wd7}
 * @param terms    stems of the title's content words that are not part of a name
 * @param names    names of the title and lead that entity linking left out, romanised ({@code torvald-jensrud});
 *                 they count as unknown names ({@code ws:} ids) do
 */
public record ArticleEvidence(String articleId, String language, long time, String title, List<EntityEvidence> entities,
                              Set<String> numbers, Set<String> dates, Set<String> terms, List<Name> names) {

    public ArticleEvidence {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(language, "language of article " + articleId);
        title = title == null ? "" : title;
        entities = List.copyOf(Objects.requireNonNull(entities, "entities of article " + articleId));
        numbers = Set.copyOf(Objects.requireNonNull(numbers, "numbers of article " + articleId));
        dates = Set.copyOf(Objects.requireNonNull(dates, "dates of article " + articleId));
        terms = Set.copyOf(Objects.requireNonNull(terms, "terms of article " + articleId));
        names = List.copyOf(Objects.requireNonNull(names, "names of article " + articleId));
    }

    /** Evidence without unlinked names. */
    public ArticleEvidence(String articleId, String language, long time, String title, List<EntityEvidence> entities,
                           Set<String> numbers, Set<String> dates, Set<String> terms) {
        this(articleId, language, time, title, entities, numbers, dates, terms, List.of());
    }

    /** A name entity linking left out, romanised ({@code torvald-jensrud}); whether the headline has it. */
    public record Name(String id, boolean inHeadline) {
        public Name {
            Objects.requireNonNull(id, "name id");
        }
    }

    /** An entity of the article. */
    public record EntityEvidence(String id, String name, double salience) {
        public EntityEvidence {
            Objects.requireNonNull(id, "entity id");
            name = name == null ? id : name;
            if (!(salience >= 0) || Double.isInfinite(salience)) {
                throw new IllegalArgumentException("salience of entity " + id + " must be a finite number >= 0, was " + salience);
            }
        }
    }
}
