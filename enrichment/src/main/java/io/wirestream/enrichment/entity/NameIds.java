package io.wirestream.enrichment.entity;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;

/**
 * Ids for names outside the knowledge base: {@code ws:} and a folded Latin form, so one person
 * written in Cyrillic and in Latin letters gets one id («Азер Гараев» and "Azer Garayev" are both
 * {@code ws:azer-garaev}).
 *
 * <p>Cyrillic is romanised with ICU's BGN/PCGN Russian transliterator (the system English-language
 * news agencies mostly follow), other scripts with ICU's generic Any-Latin. The fold then removes
 * the spelling differences common between romanisations: diacritics and apostrophes (soft signs),
 * {@code kh/h}, {@code ye/e}, a final {@code iy/y}, doubled letters.
 */
public final class NameIds {

    private static final ThreadLocal<Transliterator> CYRILLIC =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> ANY =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> LATIN_DISPLAY =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin"));

    // ICU transliteration costs tens of microseconds per name and the same names recur across
    // articles: results are cached, the cache cleared whole when it reaches CACHE_LIMIT names.
    private static final int CACHE_LIMIT = 100_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, String> LATIN = new java.util.concurrent.ConcurrentHashMap<>();

    private NameIds() {
    }

    private static String cached(java.util.concurrent.ConcurrentHashMap<String, String> cache, String key,
                                 java.util.function.UnaryOperator<String> compute) {
        String value = cache.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }

    /** The name in Latin letters, for display (BGN/PCGN for Cyrillic; soft signs dropped). */
    public static String latin(String name) {
        return cached(LATIN, name, NameIds::computeLatin);
    }

    private static String computeLatin(String name) {
        // BGN/PCGN marks тс as t·s to keep it apart from ц: a middle dot readers do not expect
        return LATIN_DISPLAY.get().transliterate(name).replace("ʹ", "").replace("ʺ", "").replace("·", "");
    }

    /** The {@code ws:} id of a name. */
    public static String idFor(String name) {
        return cached(IDS, name, NameIds::computeId);
    }

    private static String computeId(String name) {
        boolean cyrillic = name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        String ascii = (cyrillic ? CYRILLIC : ANY).get().transliterate(name).toLowerCase(Locale.ROOT)
                .replaceAll("['\"ʹʺ’`·]", "");
        StringBuilder words = new StringBuilder();
        for (String word : ascii.split("[^a-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.replace("kh", "h")
                    .replace("ye", "e")
                    .replaceAll("(iy|yy|ij|ii)$", "y")
                    .replaceAll("([a-z])\\1+", "$1");
            if (words.length() > 0) {
                words.append('-');
            }
            words.append(w);
        }
        if (words.length() == 0 && name.codePoints().anyMatch(Character::isLetterOrDigit)) {
            // letters that romanise to nothing (the hard sign «Ъ», a newspaper's name): their code points stand for them
            return "ws:u" + name.codePoints().filter(Character::isLetterOrDigit).mapToObj(Integer::toHexString)
                    .collect(java.util.stream.Collectors.joining("-u"));
        }
        if (words.length() == 0) {
            throw new IllegalArgumentException("name has no letters or digits to build an id from: '" + name + "'");
        }
        return "ws:" + words;
    }
}
