package io.wirestream.gazetteer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the entity typer keeps of one name of Emory NLP's gazetteer: the name as news text writes it and the
 * kinds it names, or nothing when it would do more harm than good.
 *
 * <p>The source's class numbers (decoded by sampling its names): 14 persons, 13 organisations, 0 companies,
 * 11 places, 6 cities and countries, 9 events and competitions. The other classes are not kept: 4 first names
 * and surnames (the typer has its own lists), 3 job titles, 2 currencies, 5 nationalities, 7 US state
 * abbreviations, and the titles of books (8), films (10), products (12) and songs (15), which name no person,
 * place or organisation and are often common words ("Frozen", "Help"). A name the source also lists as a job
 * title (3) or a nationality (5) is dropped whatever its other classes, unless it is a country (1): news text
 * uses it as a word ("First Lady", "Americans", "South Korean").
 *
 * <p>A name is dropped when: none of its classes is kept; it holds a digit (the source writes every digit as 0)
 * or a token other than letters with inner apostrophes, dots, hyphens or an ampersand (so no commas:
 * "Bainbridge , Geauga County , Ohio"); its first or last word does not open with a capital; or every one of its
 * words is, in lower case, an ordinary English word, that is, a word the source's lower-case part-of-speech
 * lexicon tags as anything but a proper noun (Winter, Will, Apple, Brown; National Savings): such words starting
 * a sentence or a headline say nothing.
 */
final class GazetteerEntry {

    /** Kind letters, in the order the resource writes them. */
    static final String KINDS = "PLOE";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['’.&-][\\p{L}\\p{M}]*)*\\.?|&");

    private GazetteerEntry() {
    }

    /**
     * The source's tokens joined as news text writes them: a space between words, none around a hyphen
     * ("Coca - Cola" → Coca-Cola) or before a possessive ("McDonald 's" → McDonald's).
     */
    static String join(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            boolean glue = k > 0 && (t.equals("-") || tokens.get(k - 1).equals("-") || t.startsWith("'"));
            if (k > 0 && !glue) {
                b.append(' ');
            }
            b.append(t);
        }
        return b.toString();
    }

    /**
     * The kind letters ({@link #KINDS}) of the source's class numbers for a name of {@code words} words, empty when
     * none is kept. A country (class 1) is a place whatever else the source says of it (Chad, India). A one-word
     * name the source lists both as a given name or surname (4) and as a person or organisation is a person
     * (Norman, Martin).
     */
    static String kinds(Set<String> classes, int words) {
        if (classes.contains("1")) {
            return "L";
        }
        if (classes.contains("3") || classes.contains("5")) {
            return "";
        }
        if (words == 1 && classes.contains("4") && (classes.contains("14") || classes.contains("13") || classes.contains("0"))) {
            return "P";
        }
        StringBuilder b = new StringBuilder();
        if (classes.contains("14")) {
            b.append('P');
        }
        if (classes.contains("11") || classes.contains("6")) {
            b.append('L');
        }
        if (classes.contains("13") || classes.contains("0")) {
            b.append('O');
        }
        if (classes.contains("9")) {
            b.append('E');
        }
        return b.toString();
    }

    /**
     * Whether the joined {@code name} is kept.
     *
     * @param commonWord whether a lower-case word is an ordinary English word (not only a proper noun)
     */
    static boolean kept(String name, Predicate<String> commonWord) {
        String[] words = name.split(" ");
        for (String w : words) {
            if (!WORD.matcher(w).matches()) {
                return false;
            }
        }
        if (!Character.isUpperCase(words[0].codePointAt(0)) || !Character.isUpperCase(words[words.length - 1].codePointAt(0))) {
            return false;
        }
        if (name.length() < 2) {
            return false;
        }
        for (String w : words) {
            if (!commonWord.test(w.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
