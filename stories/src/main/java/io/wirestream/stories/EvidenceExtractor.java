package io.wirestream.stories;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the textual evidence of an article from its title and lead: numbers, dates and title terms.
 * No translation and no dictionary beyond month names and short stop-word lists: terms are crude stems (the
 * first {@value #STEM} letters, lower case), which is enough to compare headlines within one language
 * (Russian {@code встреча}/{@code встретились} share {@code встре}).
 */
public final class EvidenceExtractor {
    static final int STEM = 5;
    /** How much of the body counts as the lead for numbers and dates. */
    static final int LEAD_CHARS = 400;
    /** The title stand-in when an article has no title: the start of the body. */
    static final int TITLE_FALLBACK_CHARS = 160;

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,3}(?:[ \u00a0\u202f]\\d{3})+|\\d+)(?:[.,](\\d+))?(?![\\p{L}\\d])");
    private static final Map<String, Integer> MONTHS = months();
    private static final Pattern DAY_MONTH = Pattern.compile("(?<!\\d)(\\d{1,2})(?:\\.|er|º)?\\s+(?:de\\s+)?(\\p{L}{3,10})\\.?", Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY = Pattern.compile("(\\p{L}{3,10})\\.?\\s+(\\d{1,2})(?!\\d)", Pattern.UNICODE_CASE);
    private static final Set<String> STOP = Set.of(
            // English
            "the", "and", "for", "with", "from", "that", "this", "after", "over", "into", "about", "says", "said", "will",
            "has", "have", "was", "were", "are", "its", "their", "his", "her", "new", "more", "than", "amid", "who", "what",
            "not", "but", "out", "off", "also", "been", "they", "while", "when", "where", "which", "under", "two", "three",
            // Russian
            "как", "что", "это", "его", "она", "они", "для", "при", "над", "под", "после", "также", "который", "которая",
            "которые", "которого", "был", "была", "были", "будет", "сообщил", "сообщила", "сообщили", "заявил", "заявила",
            "более", "между", "перед", "через", "года", "году", "сегодня", "этом", "этой", "того", "тем", "где", "всех",
            // German, French, Spanish, Italian
            "der", "die", "das", "und", "mit", "von", "für", "auf", "den", "dem", "ein", "eine", "nach", "sich", "ist", "bei",
            "les", "des", "une", "dans", "pour", "sur", "par", "avec", "qui", "est", "aux", "son", "ses",
            "los", "las", "del", "con", "por", "para", "una", "que", "tras", "sus", "gli", "della", "per", "nel", "alla");

    private EvidenceExtractor() {
    }

    /**
     * The evidence of an article.
     *
     * @param title        the headline, or null; without one, the start of the body stands in
     * @param body         the cleaned body
     * @param mentionTexts the surfaces of the linked entities' mentions: their words are names, not terms
     */
    public static ArticleEvidence extract(String articleId, String language, long time, String title, String body,
                                          List<ArticleEvidence.EntityEvidence> entities, List<String> mentionTexts) {
        String text = body == null ? "" : body;
        String headline = title == null || title.isBlank() ? firstChars(text, TITLE_FALLBACK_CHARS) : title.strip();
        String lead = headline + "\n" + firstChars(text, LEAD_CHARS);
        Set<String> dates = new LinkedHashSet<>();
        String rest = dates(lead, dates);
        return new ArticleEvidence(articleId, language, time, headline, entities, numbers(rest), dates, terms(headline, mentionTexts));
    }

    /** Numbers of two digits or more (years left out: they are not news), normalised to digits and a dot. */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String whole = m.group(1).replaceAll("[ \u00a0\u202f]", "");
            String fraction = m.group(2);
            if (fraction == null && whole.length() < 2) {
                continue;
            }
            if (fraction == null && whole.length() == 4 && whole.compareTo("1900") >= 0 && whole.compareTo("2100") <= 0) {
                continue;
            }
            if (fraction != null && fraction.length() == 3 && whole.length() <= 3 && !whole.equals("0")) {
                // 1,200 or 1.200: a thousands separator, not a fraction (1.75 and 6,8 have fewer digits)
                whole = whole + fraction;
                fraction = null;
            }
            String n = whole.replaceFirst("^0+(?=\\d)", "");
            out.add(fraction == null ? n : n + "." + fraction);
        }
        return out;
    }

    /** Adds the dates of {@code text} ({@code MM-DD}) to {@code out}; returns the text with them blanked out. */
    static String dates(String text, Set<String> out) {
        StringBuilder rest = new StringBuilder(text);
        for (Pattern p : List.of(DAY_MONTH, MONTH_DAY)) {
            Matcher m = p.matcher(rest.toString());
            while (m.find()) {
                boolean dayFirst = p == DAY_MONTH;
                Integer month = MONTHS.get(m.group(dayFirst ? 2 : 1).toLowerCase(Locale.ROOT));
                int day = Integer.parseInt(m.group(dayFirst ? 1 : 2));
                if (month == null || day < 1 || day > 31) {
                    continue;
                }
                out.add(String.format(Locale.ROOT, "%02d-%02d", month, day));
                for (int i = m.start(); i < m.end(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
        }
        return rest.toString();
    }

    /** Stems of the content words of a headline, leaving out stop words, short words and the words of names. */
    static Set<String> terms(String headline, List<String> mentionTexts) {
        Set<String> nameWords = new java.util.HashSet<>();
        for (String mention : mentionTexts) {
            Matcher m = WORD.matcher(mention);
            while (m.find()) {
                nameWords.add(stem(m.group()));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(headline);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (word.length() < 3 || STOP.contains(word) || MONTHS.containsKey(word)) {
                continue;
            }
            String stem = stem(word);
            if (!nameWords.contains(stem)) {
                out.add(stem);
            }
        }
        return out;
    }

    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
        return w.length() <= STEM ? w : w.substring(0, w.offsetByCodePoints(0, Math.min(STEM, w.codePointCount(0, w.length()))));
    }

    private static String firstChars(String text, int n) {
        if (text.length() <= n) {
            return text;
        }
        int cut = text.lastIndexOf(' ', n);
        return text.substring(0, cut > n / 2 ? cut : n);
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        String[][] names = {
            {"january", "jan", "января", "январь", "januar", "janvier", "enero", "gennaio"},
            {"february", "feb", "февраля", "февраль", "februar", "février", "febrero", "febbraio"},
            {"march", "mar", "марта", "март", "märz", "mars", "marzo"},
            {"april", "apr", "апреля", "апрель", "avril", "abril", "aprile"},
            {"may", "мая", "май", "mai", "mayo", "maggio"},
            {"june", "jun", "июня", "июнь", "juni", "juin", "junio", "giugno"},
            {"july", "jul", "июля", "июль", "juli", "juillet", "julio", "luglio"},
            {"august", "aug", "августа", "август", "août", "agosto"},
            {"september", "sep", "sept", "сентября", "сентябрь", "septembre", "septiembre", "settembre"},
            {"october", "oct", "октября", "октябрь", "oktober", "octobre", "octubre", "ottobre"},
            {"november", "nov", "ноября", "ноябрь", "novembre", "noviembre"},
            {"december", "dec", "декабря", "декабрь", "dezember", "décembre", "diciembre", "dicembre"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(name, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
