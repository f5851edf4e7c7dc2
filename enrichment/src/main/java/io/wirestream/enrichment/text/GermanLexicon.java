package io.wirestream.enrichment.text;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the German part-of-speech dictionary (the Morfologik dictionary LanguageTool uses, published
 * as {@code de.danielnaber:german-pos-dict}) says about a capitalised word. German capitalises every
 * noun, so capitals alone do not make a name; this tells proper nouns ({@code EIG}: places, given
 * names, surnames) from common nouns ({@code SUB}) and adjectives.
 *
 * <p>Compounds the dictionary does not list (Notenbank, Geldpolitik) are recognised by their last
 * part: a word whose tail of four or more letters, capitalised, is a common noun of the dictionary
 * is taken as a common noun. Thread-safe; {@link #shared()} holds one instance (about 1 MB).
 */
public final class GermanLexicon {

    /** What a word is. */
    public enum Kind {
        /** a given name ({@code EIG:...:VOR}) */
        GIVEN_NAME,
        /** another proper noun: place, surname, country ({@code EIG}) */
        PROPER,
        /** a common noun, an adjective or another listed word, or a compound ending in a common noun */
        COMMON,
        /** a noun-like adjective (Europäische, Deutsche) */
        ADJECTIVE,
        /** not listed and not a compound of a listed noun: foreign names, acronyms, rare words */
        UNKNOWN
    }

    private static final String DICTIONARY = "/org/languagetool/resource/de/german.dict";
    private static final int MIN_TAIL = 4;
    private static final int CACHE_LIMIT = 100_000;
    private static volatile GermanLexicon shared;

    private final ThreadLocal<DictionaryLookup> lookups;
    private final ConcurrentHashMap<String, Kind> cache = new ConcurrentHashMap<>();

    private GermanLexicon() {
        URL url = GermanLexicon.class.getResource(DICTIONARY);
        if (url == null) {
            throw new IllegalStateException("German dictionary " + DICTIONARY
                    + " not on the class path (artifact de.danielnaber:german-pos-dict)");
        }
        Dictionary dictionary;
        try {
            dictionary = Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the German dictionary", e);
        }
        lookups = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    }

    public static GermanLexicon shared() {
        GermanLexicon g = shared;
        if (g == null) {
            synchronized (GermanLexicon.class) {
                g = shared;
                if (g == null) {
                    g = new GermanLexicon();
                    shared = g;
                }
            }
        }
        return g;
    }

    /** The kind of a word as written (case matters: the dictionary lists nouns capitalised). */
    public Kind kind(String word) {
        Kind k = cache.get(word);
        if (k == null) {
            k = classify(word);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(word, k);
        }
        return k;
    }

    private Kind classify(String word) {
        Kind listed = listed(word);
        if (listed != null) {
            return listed;
        }
        // a hyphenated word (EZB-Präsidentin) is what its last part is
        int hyphen = word.lastIndexOf('-');
        if (hyphen > 0 && hyphen + 1 < word.length() && Character.isUpperCase(word.charAt(hyphen + 1))) {
            Kind last = listed(word.substring(hyphen + 1));
            if (last == Kind.COMMON) {
                return Kind.COMMON;
            }
        }
        for (int cut = 3; cut + MIN_TAIL <= word.length(); cut++) {
            String tail = word.substring(cut, cut + 1).toUpperCase(Locale.GERMAN) + word.substring(cut + 1);
            if (listed(tail) == Kind.COMMON && Character.isLowerCase(word.charAt(cut))) {
                return Kind.COMMON;
            }
        }
        return Kind.UNKNOWN;
    }

    /** The kind of a word the dictionary lists, or null. */
    private Kind listed(String word) {
        List<WordData> found = lookups.get().lookup(word);
        if (found.isEmpty()) {
            return null;
        }
        boolean proper = false;
        boolean given = false;
        boolean adjective = false;
        for (WordData wd : found) {
            String tag = String.valueOf(wd.getTag());
            if (tag.startsWith("EIG")) {
                proper = true;
                given |= tag.endsWith(":VOR") || tag.endsWith(":VOR*");
            } else if (tag.startsWith("ADJ") || tag.endsWith(":ADJ")) {
                adjective = true;
            }
        }
        if (given) {
            return Kind.GIVEN_NAME;
        }
        if (proper) {
            return Kind.PROPER;
        }
        return adjective ? Kind.ADJECTIVE : Kind.COMMON;
    }
}
