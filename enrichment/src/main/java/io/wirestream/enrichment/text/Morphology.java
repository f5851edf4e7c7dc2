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
import java.util.Objects;
import java.util.Set;

/**
 * Word forms reduced to the keys names are matched on, from library data only:
 * <ul>
 *   <li>Cyrillic: the lemmas of the Russian Morfologik dictionary that LanguageTool ships
 *       (tags {@code Fam} for surnames and {@code Name} for given names), so «Путиным» and «Путина»
 *       give {@code путин}; a place lemma first where the word has the shape of a place name
 *       ({@link Analysis#placeLemma}: «Строгина» gives {@code строгино}); words it does not know fall
 *       back to Lucene's Russian light stemmer, and keep their own form as a second key so that a
 *       nominative out-of-dictionary name still meets its inflected forms;</li>
 *   <li>Latin: lower case, a short suffix after an apostrophe dropped (Putin's, Erdoğan'ın), and a
 *       second key without diacritics (Erdoğan, Erdogan);</li>
 *   <li>other scripts: lower case.</li>
 * </ul>
 * Also the dictionary's analyses ({@link #analyse}) and its companion synthesis dictionary
 * ({@link #form}: a lemma and a tag give the word form), used to cite names in the nominative.
 * Thread-safe; one instance per process ({@link #shared()}) since the dictionaries take ~10 MB.
 */
public final class Morphology {

    private static final String RUSSIAN_DICTIONARY = "/org/languagetool/resource/ru/russian.dict";
    private static final String RUSSIAN_SYNTHESIS = "/org/languagetool/resource/ru/russian_synth.dict";
    /** The spelling dictionary of the same package: word forms as written, proper nouns capitalised. */
    private static final String RUSSIAN_SPELLING = "/org/languagetool/resource/ru/hunspell/ru_RU.dict";
    /** LanguageTool's list of the ~10,000 most frequent Russian words. */
    private static final String RUSSIAN_COMMON_WORDS = "/org/languagetool/resource/ru/common_words.txt";
    private static volatile Morphology shared;

    private final Dictionary russian;
    private final ThreadLocal<DictionaryLookup> lookups;
    private final ThreadLocal<DictionaryLookup> synthesis;
    private final Set<String> frequentRussian;
    private final Dictionary spelling;
    private final ThreadLocal<Transliterator> toAscii;
    private final CharArraySet stopWords;
    /** Chars of the longest stop word: a longer word is not one, and is not lower-cased and hashed to find out. */
    private final int stopWordMaxLength;
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
        Dictionary synth;
        try {
            synth = Dictionary.read(Objects.requireNonNull(Morphology.class.getResource(RUSSIAN_SYNTHESIS),
                    "Russian synthesis dictionary " + RUSSIAN_SYNTHESIS + " not on the class path"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Russian synthesis dictionary", e);
        }
        synthesis = ThreadLocal.withInitial(() -> new DictionaryLookup(synth));
        try {
            spelling = Dictionary.read(Objects.requireNonNull(Morphology.class.getResource(RUSSIAN_SPELLING),
                    "Russian spelling dictionary " + RUSSIAN_SPELLING + " not on the class path"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Russian spelling dictionary", e);
        }
        frequentRussian = readWords(RUSSIAN_COMMON_WORDS);
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
        int longest = 0;
        for (Object w : stopWords) {
            longest = Math.max(longest, ((char[]) w).length);
        }
        stopWordMaxLength = longest;
    }

    private static Set<String> readWords(String resource) {
        try (java.io.InputStream in = Objects.requireNonNull(Morphology.class.getResourceAsStream(resource),
                resource + " not on the class path (artifact org.languagetool:language-ru)")) {
            Set<String> words = new java.util.HashSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip();
                // capitalised entries (Москва) are names; only lower-case ones are ordinary words
                if (!w.isEmpty() && !w.startsWith("#") && w.equals(w.toLowerCase(Locale.ROOT))) {
                    words.add(lower(w));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
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

    /**
     * What the Russian dictionary says about a word.
     *
     * @param properLemmas  lemmas of its readings as a given name, patronymic or surname: given names
     *                      first (a nominative reading before oblique ones, so «Ирина» is Ирина, not the
     *                      genitive of a surname Ирин), then surnames (whose lemmas are masculine)
     * @param commonLemmas  lemmas of its other readings
     * @param givenName     one reading is a given name ({@code Name})
     * @param surname       one reading is a surname ({@code Fam})
     * @param feminine      the first given-name reading, or else every surname reading, is feminine
     * @param placeLemma    lemma of an inanimate noun reading that is indeclinable or neuter (Душанбе,
     *                      Алматы, Строгино and its oblique forms Строгина, Строгине): the shape of
     *                      place names the dictionary lists as nouns; null if none
     * @param adjective     one reading is an adjective (Московской, Ильинское)
     * @param abbreviation  one reading is an abbreviation of a common phrase (ЗАО, ЧП)
     * @param gender        {@code Masc}, {@code Fem} or {@code Neut} of its first common noun reading, else null
     * @param properNoun    the word is capitalised and the spelling dictionary lists it so (Европы, Волге,
     *                      Белоруссии; not Запад or Интернет): a proper noun, though the morphological
     *                      dictionary, which is all lower case, gives it only common readings
     * @param inanimate     its first noun reading is inanimate
     */
    public record Analysis(List<String> properLemmas, List<String> commonLemmas, boolean givenName, boolean surname,
                           boolean feminine, String placeLemma, boolean adjective, boolean abbreviation, String gender,
                           boolean properNoun, boolean inanimate) {
        static final Analysis UNKNOWN = new Analysis(List.of(), List.of(), false, false, false, null, false, false, null,
                false, false);

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
        List<WordData> found = lookUpSpellings(lower(word));
        if (found.isEmpty()) {
            return Analysis.UNKNOWN;
        }
        Set<String> givenNominative = new LinkedHashSet<>();
        Set<String> given = new LinkedHashSet<>();
        Set<String> surnames = new LinkedHashSet<>();
        Set<String> pluralProper = new LinkedHashSet<>();
        Set<String> common = new LinkedHashSet<>();
        Boolean givenFeminine = null;
        boolean surnameFeminine = true;
        boolean isSurname = false;
        boolean isGiven = false;
        String place = null;
        boolean adjective = false;
        boolean abbreviation = false;
        String gender = null;
        Boolean inanimate = null;
        String neuter = null;
        for (WordData wd : found) {
            String tag = String.valueOf(wd.getTag());
            String lemma = lower(String.valueOf(wd.getStem()));
            List<String> parts = List.of(tag.split(":"));
            boolean name = parts.contains("Name");
            boolean fam = parts.contains("Fam");
            boolean patr = parts.contains("Patr");
            if (name || fam || patr) {
                if (parts.contains("PL")) {
                    // "the Almats" or "the Kochs": plural readings of names are rare in news, and
                    // they hide indeclinable place names (Алматы) unless nothing else is known
                    pluralProper.add(lemma);
                } else if (name) {
                    isGiven = true;
                    (parts.contains("Nom") ? givenNominative : given).add(lemma);
                    if (givenFeminine == null) {
                        givenFeminine = parts.contains("Fem");
                    }
                } else {
                    isSurname |= fam;
                    surnameFeminine &= parts.contains("Fem");
                    surnames.add(lemma);
                }
                continue;
            }
            common.add(lemma);
            String pos = parts.get(0);
            adjective |= pos.equals("ADJ");
            abbreviation |= pos.equals("ABR");
            if (pos.equals("NN") && parts.size() > 2) {
                if (gender == null) {
                    gender = parts.get(2);
                }
                if (inanimate == null) {
                    inanimate = parts.get(1).equals("Inanim");
                }
                // NN:Inanim:Masc (no case: indeclinable), or a neuter inanimate noun that is also a surname
                // (Строгина: Строгино or Строгин), decided once all readings are seen
                if (place == null && parts.get(1).equals("Inanim") && parts.size() == 3) {
                    place = lemma;
                } else if (neuter == null && parts.get(1).equals("Inanim") && parts.get(2).equals("Neut")) {
                    neuter = lemma;
                }
            }
        }
        if (place == null && isSurname) {
            place = neuter;
        }
        if (place != null && frequentRussian.contains(place)) {
            // фото, метро, кафе: indeclinable loanwords among the most frequent words are not places
            place = null;
        }
        List<String> proper = new ArrayList<>(givenNominative);
        given.stream().filter(l -> !proper.contains(l)).forEach(proper::add);
        surnames.stream().filter(l -> !proper.contains(l)).forEach(proper::add);
        if (proper.isEmpty() && common.isEmpty()) {
            proper.addAll(pluralProper);
            isSurname = true;
        }
        boolean feminine = givenFeminine != null ? givenFeminine : isSurname && surnameFeminine;
        return new Analysis(List.copyOf(proper), List.copyOf(common), isGiven, isSurname, feminine, place,
                adjective, abbreviation, gender, spelledCapitalised(word), Boolean.TRUE.equals(inanimate));
    }

    /**
     * The dictionary's readings of a lower-case word written with е ({@link #lower}). The dictionary files
     * some words under ё (горбачёв, пугачёва) and most under е, while news mostly writes е for both: when
     * the word as written is unknown, each one е read as ё is tried in turn (Горбачевым → горбачёвым).
     */
    private List<WordData> lookUpSpellings(String lower) {
        DictionaryLookup lookup = lookups.get();
        List<WordData> found = lookup.lookup(lower);
        for (int i = lower.indexOf('е'); found.isEmpty() && i >= 0; i = lower.indexOf('е', i + 1)) {
            found = lookup.lookup(lower.substring(0, i) + 'ё' + lower.substring(i + 1));
        }
        return found;
    }

    /**
     * Whether {@code word} starts with a capital followed by a lower-case letter and the spelling
     * dictionary lists it as written. Its entries are {@code form+frequency}: the form must be followed
     * by the separator.
     */
    private boolean spelledCapitalised(String word) {
        if (word.length() < 2 || !Character.isUpperCase(word.charAt(0)) || !Character.isLowerCase(word.charAt(1))) {
            return false;
        }
        byte[] bytes = word.replace('ё', 'е').getBytes(java.nio.charset.Charset.forName(spelling.metadata.getEncoding()));
        morfologik.fsa.MatchResult m = new morfologik.fsa.FSATraversal(spelling.fsa).match(bytes);
        return m.kind == morfologik.fsa.MatchResult.SEQUENCE_IS_A_PREFIX
                && spelling.fsa.getArc(m.node, (byte) spelling.metadata.getSeparator()) != 0;
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

    /**
     * The keys a word of a known name (a knowledge-base entry, written in its citation form) is filed under:
     * {@link #keys} and, for a Cyrillic word that also reads as a common noun, that noun's lemma too. «Астана»
     * reads first as the given name Астан, while «Астаны» and «Астану» read only as the noun астана: filed
     * under both, the city is found in every case.
     */
    public List<String> nameKeys(String word) {
        List<String> keys = keys(word);
        if (!isCyrillic(word)) {
            return keys;
        }
        Analysis a = analyse(word);
        if (a.properLemmas().isEmpty() || a.commonLemmas().isEmpty()) {
            return keys;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(keys);
        all.addAll(a.commonLemmas());
        return List.copyOf(all);
    }

    private List<String> computeKeys(String word) {
        if (isCyrillic(word)) {
            Analysis a = analyse(word);
            if (a.placeLemma() != null && !a.properLemmas().isEmpty()) {
                // «Строгина»: the place Строгино first, the surname Строгин second
                List<String> keys = new ArrayList<>(a.properLemmas().size() + 1);
                keys.add(a.placeLemma());
                a.properLemmas().stream().filter(k -> !k.equals(a.placeLemma())).forEach(keys::add);
                return List.copyOf(keys);
            }
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

    /**
     * The form of a Russian lemma with the given tag of the dictionary's tag set (e.g. {@code крылов}
     * and {@code NN:Fam:Fem:Sin:Nom} give {@code крылова}), or null if the dictionary has none.
     */
    public String form(String lemma, String tag) {
        List<WordData> found = synthesis.get().lookup(lemma + "|" + tag);
        return found.isEmpty() ? null : String.valueOf(found.get(0).getStem());
    }

    /**
     * The nominative singular of an adjective reading of {@code word} in the given gender
     * ({@code Masc}, {@code Fem}, {@code Neut}): «Московской» and {@code Fem} give «московская»;
     * null if the word has no adjective reading.
     */
    public String adjectiveAgreeing(String word, String gender) {
        for (WordData wd : lookups.get().lookup(lower(word))) {
            if (String.valueOf(wd.getTag()).startsWith("ADJ")) {
                String lemma = String.valueOf(wd.getStem());
                String form = form(lemma, "ADJ:Posit:" + gender + ":Nom");
                return form != null ? form : lemma;
            }
        }
        return null;
    }

    /** The gender ({@code Masc}, {@code Fem}, {@code Neut}) of the noun reading of {@code word} with this lemma, or null. */
    public String genderOf(String word, String lemma) {
        for (WordData wd : lookups.get().lookup(lower(word))) {
            String[] parts = String.valueOf(wd.getTag()).split(":");
            if (parts[0].equals("NN") && parts.length > 2 && lower(String.valueOf(wd.getStem())).equals(lemma)) {
                return parts[2];
            }
        }
        return null;
    }

    /** Whether a reading of {@code word} is a noun or a full adjective in the genitive (реконструкции, инфраструктурных). */
    public boolean genitive(String word) {
        if (!isCyrillic(word)) {
            return false;
        }
        for (WordData wd : lookups.get().lookup(lower(word))) {
            List<String> parts = List.of(String.valueOf(wd.getTag()).split(":"));
            if ((parts.get(0).equals("NN") || parts.get(0).equals("ADJ")) && !parts.contains("Short") && parts.contains("R")) {
                return true;
            }
        }
        return false;
    }

    /** The citation form of a Cyrillic name word (surname or given name), or null if unknown. */
    public String properLemma(String word) {
        List<String> lemmas = analyse(word).properLemmas();
        return lemmas.isEmpty() ? null : lemmas.get(0);
    }

    /** A function word of one of the languages Lucene ships stop lists for (the, и, der, le...). */
    public boolean isStopWord(String word) {
        // the set compares case-insensitively code point by code point, so a match has the same length in chars
        return word.length() <= stopWordMaxLength && stopWords.contains(word);
    }

    /** A function word of English (Lucene's English stop list: the, of, in...). */
    public static boolean isEnglishStopWord(String word) {
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
    }

    public static boolean isCyrillic(String word) {
        return Scripts.cyrillic(word.codePointAt(0));
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
