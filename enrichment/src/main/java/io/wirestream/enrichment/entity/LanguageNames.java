package io.wirestream.enrichment.entity;

import com.ibm.icu.util.ULocale;
import io.wirestream.enrichment.language.NewsLanguages;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One-word names of languages in the news languages (ICU's CLDR data: English, Russian, Französisch):
 * capitalised in many languages and found after place prepositions ("in English"), yet not a person,
 * place or organisation on their own. Many are also the nationality adjective (English, French).
 */
final class LanguageNames {

    private static final Set<String> WORDS = load();

    private LanguageNames() {
    }

    static boolean is(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        for (String display : NewsLanguages.CODES) {
            ULocale in = new ULocale(display);
            for (String code : ULocale.getISOLanguages()) {
                String name = new ULocale(code).getDisplayLanguage(in);
                // single words of four letters or more; ICU returns the code itself when it has no name
                if (name.length() >= 4 && !name.equalsIgnoreCase(code) && name.chars().allMatch(Character::isLetter)) {
                    words.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(words);
    }
}
