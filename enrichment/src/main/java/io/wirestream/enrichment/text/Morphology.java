package io.wirestream.enrichment.text;

import com.ibm.icu.text.Transliterator;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word forms reduced to the keys names are matched on, from library data only:
 * <ul>
 *   <li>Cyrillic: the lemmas of the Russian Morfologik dictionary that LanguageTool ships
 *       (tags {@code Fam} for surnames and {@code Name} for given names), so «Путиным» and «Путина»
 *       give {@code путин}; words it does not know fall back to Lucene's Russian light stemmer, and keep
 *       their own form as a second key so that a nominative out-of-dictionary name still meets its
 *       inflected forms;</li>
 *   <li>Latin: lower case, a short suffix after an apostrophe dropped (Putin's, Erdoğan'ın), and a
 *       second key without diacritics (Erdoğan, Erdogan);</li>
 *   <li>other scripts: lower case.</li>
 * </ul>
 * Thread-safe; one instance per process ({@link #shared()}) since the dictionary takes ~10 MB.
 */
public final class Morphology {

    private static final String RUSSIAN_DICTIONARY = "/org/languagetool/resource/ru/russian.dict";
    private static volatile Morphology shared;

    private final Dictionary russian;
    private final ThreadLocal<DictionaryLookup> lookups;
    private final ThreadLocal<Transliterator> toAscii;
    private final CharArraySet stopWords;
    // Word -> result caches: analysis is a pure function of the word, and news vocabulary repeats.
    // Cleared whole when full, which bounds memory at roughly CACHE_LIMIT * 150 bytes per cache.
    private static final int CACHE_LIMIT = 200_000;
    private final java.util.concurrent.ConcurrentHashMap<String, List<String>> keyCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Analysis> analysisCache = new java.util.concurrent.ConcurrentHashMap<>();

    private Morphology() {
        URL url = Morphology.class.getResource(RUSSIAN_DICTIONARY);
        if (url == null) {
            throw new IllegalStateException("Russian Morfologik dictionary " + RUSSIAN_DICTIONARY
                    + " not on the class path (artifact org.languagetool:language-ru)");
        }
        try {
            russian = Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Russian dictionary", e);
        }
        lookups = ThreadLocal.withInitial(() -> new DictionaryLookup(russian));
        toAscii = ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));
        stopWords = new CharArraySet(4096, true);
        for (CharArraySet set : List.of(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, RussianAnalyzer.getDefaultStopSet(),
                GermanAnalyzer.getDefaultStopSet(), FrenchAnalyzer.getDefaultStopSet(), SpanishAnalyzer.getDefaultStopSet(),
                ItalianAnalyzer.getDefaultStopSet(), PortugueseAnalyzer.getDefaultStopSet(), DutchAnalyzer.getDefaultStopSet(),
                CzechAnalyzer.getDefaultStopSet(), RomanianAnalyzer.getDefaultStopSet(), HungarianAnalyzer.getDefaultStopSet(),
                SwedishAnalyzer.getDefaultStopSet(), DanishAnalyzer.getDefaultStopSet(), NorwegianAnalyzer.getDefaultStopSet(),
                FinnishAnalyzer.getDefaultStopSet(), TurkishAnalyzer.getDefaultStopSet(), BulgarianAnalyzer.getDefaultStopSet())) {
            stopWords.addAll(set);
        }
    }

    public static Morphology shared() {
        Morphology m = shared;
        if (m == null) {
            synchronized (Morphology.class) {
                m = shared;
                if (m == null) {
                    m = new Morphology();
                    shared = m;
                }
            }
        }
        return m;
    }

    /** What the Russian dictionary says about a word. */
    public record Analysis(List<String> properLemmas, List<String> commonLemmas, boolean givenName, boolean surname) {
        static final Analysis UNKNOWN = new Analysis(List.of(), List.of(), false, false);

        public boolean known() {
            return !properLemmas.isEmpty() || !commonLemmas.isEmpty();
        }
    }

    /** The dictionary's analysis of a Cyrillic word; {@link Analysis#UNKNOWN} for other words. */
    public Analysis analyse(String word) {
        if (!isCyrillic(word)) {
            return Analysis.UNKNOWN;
        }
        Analysis cached = analysisCache.get(word);
        if (cached == null) {
            cached = lookUp(word);
            if (analysisCache.size() >= CACHE_LIMIT) {
                analysisCache.clear();
            }
            analysisCache.put(word, cached);
        }
        return cached;
    }

    private Analysis lookUp(String word) {
        String lower = lower(word);
        List<WordData> found = lookups.get().lookup(lower);
        if (found.isEmpty()) {
            return Analysis.UNKNOWN;
        }
        Set<String> proper = new LinkedHashSet<>();
        Set<String> common = new LinkedHashSet<>();
        boolean given = false;
        boolean sur = false;
        // Masculine nominative lemmas first: they are the citation form of a surname.
        for (WordData wd : found) {
            String tag = String.valueOf(wd.getTag());
            String lemma = lower(String.valueOf(wd.getStem()));
            boolean isName = tag.contains(":Name");
            boolean isFam = tag.contains(":Fam");
            if (isName || isFam) {
                given |= isName;
                sur |= isFam;
                if (tag.contains(":Masc")) {
                    proper.add(lemma);
                }
            } else {
                common.add(lemma);
            }
        }
        for (WordData wd : found) {
            String tag = String.valueOf(wd.getTag());
            if (tag.contains(":Name") || tag.contains(":Fam")) {
                proper.add(lower(String.valueOf(wd.getStem())));
            }
        }
        return new Analysis(List.copyOf(proper), List.copyOf(common), given, sur);
    }

    /**
     * The keys a word is matched on; the first is the preferred one. Never empty.
     */
    public List<String> keys(String word) {
        List<String> cached = keyCache.get(word);
        if (cached == null) {
            cached = computeKeys(word);
            if (keyCache.size() >= CACHE_LIMIT) {
                keyCache.clear();
            }
            keyCache.put(word, cached);
        }
        return cached;
    }

    private List<String> computeKeys(String word) {
        if (isCyrillic(word)) {
            Analysis a = analyse(word);
            if (!a.properLemmas().isEmpty()) {
                return a.properLemmas();
            }
            String lower = lower(word);
            List<String> keys = new ArrayList<>(4);
            keys.addAll(a.commonLemmas());
            if (keys.isEmpty()) {
                char[] chars = lower.toCharArray();
                int len = new RussianLightStemmer().stem(chars, chars.length);
                keys.add(new String(chars, 0, len));
                if (len != chars.length) {
                    keys.add(lower);
                }
            }
            return List.copyOf(keys);
        }
        String lower = lower(stripSuffixAfterApostrophe(word));
        String ascii = toAscii.get().transliterate(lower);
        return ascii.equals(lower) ? List.of(lower) : List.of(lower, ascii);
    }

    /** The citation form of a Cyrillic name word (surname or given name), or null if unknown. */
    public String properLemma(String word) {
        List<String> lemmas = analyse(word).properLemmas();
        return lemmas.isEmpty() ? null : lemmas.get(0);
    }

    /** A function word of one of the languages Lucene ships stop lists for (the, и, der, le...). */
    public boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    public static boolean isCyrillic(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static String stripSuffixAfterApostrophe(String word) {
        for (int i = word.length() - 2; i > 0 && i >= word.length() - 4; i--) {
            char c = word.charAt(i);
            if (c == '\'' || c == '’') {
                String suffix = word.substring(i + 1);
                return suffix.equals(suffix.toLowerCase(Locale.ROOT)) ? word.substring(0, i) : word;
            }
        }
        return word;
    }
}
