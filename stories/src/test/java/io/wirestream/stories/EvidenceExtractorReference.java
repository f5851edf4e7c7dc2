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
 * The regular-expression form of {@link EvidenceExtractor} as it was before its word scanning was made by hand:
 * kept in the tests only, as the reference the faster extractor must agree with on every text
 * ({@code EvidenceExtractorEquivalenceTest}). Not to be changed except to follow an intended change of the
 * evidence.
 *
 * <p>Reads the textual evidence of an article from its title and lead: numbers, dates and title terms.
 * No translation and no dictionary beyond month names and short stop-word lists: terms are crude stems (the
 * first {@value #STEM} letters, lower case), which is enough to compare headlines within one language
 * (Russian {@code встреча}/{@code встретились} share {@code встре}).
 */
final class EvidenceExtractorReference {
    static final int STEM = 5;
    /** How much of the body counts as the lead for numbers and dates. */
    static final int LEAD_CHARS = 400;
    /** The title stand-in when an article has no title: the start of the body. */
    static final int TITLE_FALLBACK_CHARS = 160;

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,3}(?:[ \u00a0\u202f]\\d{3})+|\\d+)(?:[.,](\\d+))?(?![\\p{L}\\d])");
    private static final Map<String, Integer> MONTHS = months();
    /** Most unlinked names an article contributes. */
    static final int MAX_NAMES = 8;
    private static final String[] CYRILLIC = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
        "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    private static final Map<String, Integer> WEEKDAY_NUMBERS = weekdayNumbers();
    private static final Set<String> WEEKDAYS = WEEKDAY_NUMBERS.keySet();
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

    private EvidenceExtractorReference() {
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
        weekdays(lead, dates);
        List<Run> runs = names(headline, firstChars(text, LEAD_CHARS), language, mentionTexts);
        List<String> nameTexts = new java.util.ArrayList<>(mentionTexts);
        List<ArticleEvidence.Name> names = new java.util.ArrayList<>();
        for (Run r : runs) {
            nameTexts.add(String.join(" ", r.words()));
            names.add(new ArticleEvidence.Name(romanise(String.join("-", r.words())), r.inHeadline()));
        }
        return new ArticleEvidence(articleId, language, time, headline, entities, numbers(rest), dates, terms(headline, nameTexts), names);
    }

    /**
     * Names that entity linking left out: runs of capitalised words of the headline and lead that are not part of
     * a linked mention, as lower-case runs of words; at most {@value #MAX_NAMES}, and a one-word name that is a
     * word of a longer one is left out ({@code Jensrud} beside {@code Torvald Jensrud}). A word that starts a
     * sentence (or any word of a headline in title case) counts only when it is capitalised again elsewhere or
     * another name word follows it, and never when the text also has it in lower case ({@code Magnitude 5.9
     * earthquake ...}, {@code A magnitude ...}). Stop words, month and weekday names are left out. None for
     * German, where every noun is capitalised, nor for an unknown language.
     */
    static List<Run> names(String headline, String lead, String language, List<String> mentionTexts) {
        List<Run> out = new java.util.ArrayList<>();
        if (language.equals("de") || language.equals("und")) {
            return out;
        }
        Set<String> linked = new java.util.HashSet<>();
        for (String mention : mentionTexts) {
            Matcher m = WORD.matcher(mention);
            while (m.find()) {
                linked.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        List<Word> words = new java.util.ArrayList<>();
        collectWords(headline, titleCase(headline), true, words);
        collectWords(lead, false, false, words);
        Set<String> lower = new java.util.HashSet<>();
        Set<String> capitalisedInside = new java.util.HashSet<>();
        for (Word w : words) {
            if (!w.capitalised()) {
                lower.add(w.lower());
            } else if (!w.initial()) {
                capitalisedInside.add(w.lower());
            }
        }
        boolean[] candidate = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            candidate[i] = w.capitalised() && !linked.contains(w.lower()) && !lower.contains(w.lower()) && !STOP.contains(w.lower())
                    && !MONTHS.containsKey(w.lower()) && !WEEKDAYS.contains(w.lower());
        }
        List<String> run = new java.util.ArrayList<>();
        boolean runInHeadline = false;
        for (int i = 0; i <= words.size(); i++) {
            Word w = i < words.size() ? words.get(i) : null;
            boolean name = w != null && candidate[i]
                    && (!w.initial() || capitalisedInside.contains(w.lower())
                        || (i + 1 < words.size() && candidate[i + 1] && words.get(i + 1).joined()));
            if (name && !run.isEmpty() && w.joined()) {
                run.add(w.lower());
                continue;
            }
            if (!run.isEmpty()) {
                add(out, new Run(List.copyOf(run), runInHeadline));
            }
            run.clear();
            if (name) {
                run.add(w.lower());
                runInHeadline = w.inHeadline();
            }
        }
        for (Run single : List.copyOf(out)) {
            if (single.words().size() != 1) {
                continue;
            }
            for (int i = 0; i < out.size(); i++) {
                Run longer = out.get(i);
                if (longer.words().size() > 1 && longer.words().contains(single.words().get(0))) {
                    out.set(i, new Run(longer.words(), longer.inHeadline() || single.inHeadline()));
                    out.remove(single);
                    break;
                }
            }
        }
        return out.size() <= MAX_NAMES ? out : out.subList(0, MAX_NAMES);
    }

    /** Adds a name, or marks the one already there as in the headline. */
    private static void add(List<Run> names, Run run) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).words().equals(run.words())) {
                names.set(i, new Run(run.words(), run.inHeadline() || names.get(i).inHeadline()));
                return;
            }
        }
        names.add(run);
    }

    /** A name of the text, its words in lower case. */
    record Run(List<String> words, boolean inHeadline) {
    }

    /** A word of the text: {@code initial} when it starts a sentence, {@code joined} when only a space or hyphen precedes it. */
    private record Word(String lower, boolean capitalised, boolean initial, boolean joined, boolean inHeadline) {
    }

    private static void collectWords(String text, boolean allInitial, boolean headline, List<Word> out) {
        Matcher m = WORD.matcher(text);
        int end = 0;
        boolean first = true;
        while (m.find()) {
            String between = text.substring(end, m.start());
            boolean initial = allInitial || first || between.strip().matches(".*[.!?:;\u00bb\u00ab\"\u201c\u201d\u2014\u2013]$")
                    || between.contains("\n");
            boolean joined = !first && (between.equals(" ") || between.equals("-") || between.equals("\u00a0"));
            String word = m.group();
            boolean capitalised = word.length() >= 3 && Character.isUpperCase(word.codePointAt(0));
            out.add(new Word(word.toLowerCase(Locale.ROOT), capitalised, initial, joined && !initial, headline));
            end = m.end();
            first = false;
        }
    }

    /** Whether most of a headline's longer words are capitalised (an English headline in title case). */
    private static boolean titleCase(String headline) {
        int words = 0;
        int capitalised = 0;
        Matcher m = WORD.matcher(headline);
        while (m.find()) {
            if (m.group().length() >= 4) {
                words++;
                capitalised += Character.isUpperCase(m.group().codePointAt(0)) ? 1 : 0;
            }
        }
        return words >= 3 && capitalised * 10 >= words * 6;
    }

    /**
     * Lower-case Latin letters of a name: Cyrillic romanised letter by letter (a simple scheme close to the
     * news agencies' one), diacritics dropped, soft and hard signs and apostrophes removed. The spelling
     * differences left between romanisations are for {@code StoryLinker.skeleton} to fold.
     */
    static String romanise(String name) {
        StringBuilder out = new StringBuilder();
        String decomposed = java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('й', '\u0000'),
                java.text.Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c == '\u0000') {
                out.append('y');
            } else if (c >= 'а' && c <= 'я') {
                out.append(CYRILLIC[c - 'а']);
            } else if ((c >= 'a' && c <= 'z') || c == '-') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
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

    /**
     * Adds the weekdays named in {@code text} to {@code out} as {@code wd1} (Monday) to {@code wd7}: reports of one
     * event name the same day ({@code on Thursday}, {@code в четверг}, {@code am Donnerstag}, {@code jeudi}).
     */
    static void weekdays(String text, Set<String> out) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            Integer day = WEEKDAY_NUMBERS.get(m.group().toLowerCase(Locale.ROOT));
            if (day != null) {
                out.add("wd" + day);
            }
        }
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

    private static Map<String, Integer> weekdayNumbers() {
        Map<String, Integer> m = new HashMap<>();
        String[][] names = {
            {"monday", "понедельник", "montag", "lundi", "lunes", "lunedì"},
            {"tuesday", "вторник", "dienstag", "mardi", "martes", "martedì"},
            {"wednesday", "среду", "среда", "mittwoch", "mercredi", "miércoles", "mercoledì"},
            {"thursday", "четверг", "donnerstag", "jeudi", "jueves", "giovedì"},
            {"friday", "пятницу", "пятница", "freitag", "vendredi", "viernes", "venerdì"},
            {"saturday", "субботу", "суббота", "samstag", "samedi", "sábado", "sabato"},
            {"sunday", "воскресенье", "sonntag", "dimanche", "domingo", "domenica"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(name, i + 1);
            }
        }
        return Map.copyOf(m);
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
