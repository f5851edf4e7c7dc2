package io.wirestream.enrichment.entity;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import io.wirestream.enrichment.language.NewsLanguages;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Month and weekday names of the news languages (ICU's CLDR data): capitalised in many languages
 * and found after place prepositions ("in July", "am Donnerstag"), yet never a name on their own.
 */
final class CalendarWords {

    private static final Set<String> WORDS = load();

    private CalendarWords() {
    }

    static boolean is(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        for (String lang : NewsLanguages.CODES) {
            DateFormatSymbols symbols = new DateFormatSymbols(new ULocale(lang));
            for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
                for (String m : symbols.getMonths(context, DateFormatSymbols.WIDE)) {
                    words.add(m.toLowerCase(Locale.ROOT));
                }
                for (String d : symbols.getWeekdays(context, DateFormatSymbols.WIDE)) {
                    words.add(d.toLowerCase(Locale.ROOT));
                }
            }
        }
        words.remove("");
        return Set.copyOf(words);
    }
}
