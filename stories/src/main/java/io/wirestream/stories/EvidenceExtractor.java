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

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,3}(?:[ \u00a0\u202f]\\d{3})+|\\d+)(?:[.,](\\d+))?(?![\\p{L}\\d])");
    private static final Map<String, Integer> MONTHS = months();
    /** What ends a sentence or clause before a word that then starts one (see {@link #endsSentence}). */
    private static final String SENTENCE_MARKS = ".!?:;\u00bb\u00ab\"\u201c\u201d\u2014\u2013";
    /** The line terminators of {@link Pattern}'s {@code .}, which a sentence end may not have before its mark. */
    private static final String LINE_BREAKS = "\n\r\u0085\u2028\u2029";
    /** Most unlinked names an article contributes. */
    static final int MAX_NAMES = 8;
    private static final String[] CYRILLIC = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
        "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    private static final Map<String, Integer> WEEKDAY_NUMBERS = weekdayNumbers();
    private static final Set<String> WEEKDAYS = WEEKDAY_NUMBERS.keySet();
    private static final int WEEKDAY_MIN_CHARS = WEEKDAYS.stream().mapToInt(String::length).min().orElseThrow();
    private static final int WEEKDAY_MAX_CHARS = WEEKDAYS.stream().mapToInt(String::length).max().orElseThrow();
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
            for (int start = wordStart(mention, 0), end; start >= 0; start = wordStart(mention, end)) {
                end = wordEnd(mention, start);
                linked.add(mention.substring(start, end).toLowerCase(Locale.ROOT));
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
        int previousEnd = 0;
        boolean first = true;
        for (int start = wordStart(text, 0), end; start >= 0; start = wordStart(text, end)) {
            end = wordEnd(text, start);
            boolean initial = allInitial || first || endsSentence(text, previousEnd, start) || hasNewline(text, previousEnd, start);
            boolean joined = !first && start - previousEnd == 1
                    && (text.charAt(previousEnd) == ' ' || text.charAt(previousEnd) == '-' || text.charAt(previousEnd) == '\u00a0');
            boolean capitalised = end - start >= 3 && Character.isUpperCase(text.codePointAt(start));
            out.add(new Word(text.substring(start, end).toLowerCase(Locale.ROOT), capitalised, initial, joined && !initial, headline));
            previousEnd = end;
            first = false;
        }
    }

    /**
     * Whether the text between two words, {@code text[from, to)}, stripped of white space at both ends, ends with a
     * sentence or clause mark ({@code . ! ? : ; » « " “ ” — –}) and has no line break before that mark.
     */
    static boolean endsSentence(String text, int from, int to) {
        int start = from;
        while (start < to && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        int end = to;
        while (end > start && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        if (end == start || SENTENCE_MARKS.indexOf(text.charAt(end - 1)) < 0) {
            return false;
        }
        for (int i = start; i < end - 1; i++) {
            if (LINE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the first letter ({@link Character#isLetter(int)}) of {@code text} at or after {@code from}, or -1:
     * where the next word starts.
     */
    static int wordStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isLetter(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The end of the word starting at {@code start}: its first letter, then letters and combining marks. */
    static int wordEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (!Character.isLetter(c) && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static boolean hasNewline(String text, int from, int to) {
        int newline = text.indexOf('\n', from);
        return newline >= 0 && newline < to;
    }

    /** Whether most of a headline's longer words are capitalised (an English headline in title case). */
    private static boolean titleCase(String headline) {
        int words = 0;
        int capitalised = 0;
        for (int start = wordStart(headline, 0), end; start >= 0; start = wordStart(headline, end)) {
            end = wordEnd(headline, start);
            if (end - start >= 4) {
                words++;
                capitalised += Character.isUpperCase(headline.codePointAt(start)) ? 1 : 0;
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
        String lower = name.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('й', '\u0000');
        String decomposed = decomposable(lower) ? java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD) : lower;
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

    /**
     * Whether canonical decomposition (NFD) could change the text: not when every char is below U+00C0 (where the
     * first canonical decomposition is) or a basic Cyrillic lower-case letter other than {@code й} and {@code ё}.
     */
    private static boolean decomposable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00c0' && (c < 'а' || c > 'я' || c == 'й')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Numbers of two digits or more (years left out: they are not news), normalised to digits and a dot. The
     * matches are those {@code find} would give in turn; as every match starts with an ASCII digit, the expression
     * is tried only there (with transparent bounds, so its look-behind and look-ahead see the whole text).
     */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int p = 0; p < text.length(); p++) {
            if (text.charAt(p) < '0' || text.charAt(p) > '9' || !m.region(p, text.length()).lookingAt()) {
                continue;
            }
            p = m.end() - 1;
            String whole = digitsOnly(m.group(1));
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
            String n = withoutLeadingZeros(whole);
            out.add(fraction == null ? n : n + "." + fraction);
        }
        return out;
    }

    /** A number's digits without its group separators (spaces). */
    private static String digitsOnly(String grouped) {
        StringBuilder digits = new StringBuilder(grouped.length());
        for (int i = 0; i < grouped.length(); i++) {
            char c = grouped.charAt(i);
            if (c != ' ' && c != '\u00a0' && c != '\u202f') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Digits without leading zeros, keeping the last digit ({@code 007} is {@code 7}, {@code 00} is {@code 0}). */
    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /**
     * Adds the weekdays named in {@code text} to {@code out} as {@code wd1} (Monday) to {@code wd7}: reports of one
     * event name the same day ({@code on Thursday}, {@code в четверг}, {@code am Donnerstag}, {@code jeudi}).
     */
    static void weekdays(String text, Set<String> out) {
        for (int start = wordStart(text, 0), end; start >= 0; start = wordStart(text, end)) {
            end = wordEnd(text, start);
            // no weekday name is shorter or longer; lower case never shortens a word, and lengthens it only with
            // a dotted capital I, whose combining dot is in no name
            if (end - start < WEEKDAY_MIN_CHARS || end - start > WEEKDAY_MAX_CHARS) {
                continue;
            }
            Integer day = WEEKDAY_NUMBERS.get(text.substring(start, end).toLowerCase(Locale.ROOT));
            if (day != null) {
                out.add("wd" + day);
            }
        }
    }

    /**
     * Adds the dates of {@code text} ({@code MM-DD}) to {@code out}; returns the text with them blanked out. A date
     * is a day of one or two digits and a month name, found in two passes over the text as the regular
     * expressions {@code (?<!\d)(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,10})\.?} (day first) and then, over
     * the text with the first pass's dates blanked out, {@code (\p{L}{3,10})\.?\s+(\d{1,2})(?!\d)} (month
     * first) would find them, each match taken left to right and a match whose letters are not a month name
     * skipped whole ({@code \d} the ASCII digits, {@code \s} the ASCII white space); scanned by hand, as those
     * expressions tried their letters at every letter of the text.
     */
    static String dates(String text, Set<String> out) {
        if (!hasAsciiDigit(text)) {
            return text;
        }
        StringBuilder rest = null;
        for (int p = 0; p < text.length(); p++) {
            if (!isDigit(text, p) || isDigit(text, p - 1)) {
                continue;
            }
            int digits = isDigit(text, p + 1) ? 2 : 1;
            if (isDigit(text, p + digits)) {
                continue;
            }
            int q = p + digits;
            if (q < text.length() && (text.charAt(q) == '.' || text.charAt(q) == '\u00ba')) {
                q++;
            } else if (text.startsWith("er", q)) {
                q += 2;
            }
            int letters = spaces(text, q);
            if (letters == q) {
                continue;
            }
            if (text.startsWith("de", letters) && spaces(text, letters + 2) > letters + 2) {
                letters = spaces(text, letters + 2);
            }
            int monthEnd = lettersEnd(text, letters);
            if (monthEnd < 0) {
                continue;
            }
            int end = monthEnd < text.length() && text.charAt(monthEnd) == '.' ? monthEnd + 1 : monthEnd;
            if (addDate(out, text, letters, monthEnd, p, p + digits)) {
                rest = blank(rest, text, p, end);
            }
            p = end - 1;
        }
        String afterDayFirst = rest == null ? text : rest.toString();
        for (int p = 0; p < afterDayFirst.length(); p++) {
            int monthEnd = lettersEnd(afterDayFirst, p);
            if (monthEnd < 0 || monthEnd < afterDayFirst.length() && Character.isLetter(afterDayFirst.codePointAt(monthEnd))) {
                continue;
            }
            int q = monthEnd < afterDayFirst.length() && afterDayFirst.charAt(monthEnd) == '.' ? monthEnd + 1 : monthEnd;
            int day = spaces(afterDayFirst, q);
            if (day == q || !isDigit(afterDayFirst, day)) {
                continue;
            }
            int dayEnd = isDigit(afterDayFirst, day + 1) ? day + 2 : day + 1;
            if (isDigit(afterDayFirst, dayEnd)) {
                continue;
            }
            if (addDate(out, afterDayFirst, p, monthEnd, day, dayEnd)) {
                rest = blank(rest, text, p, dayEnd);
            }
            p = dayEnd - 1;
        }
        return rest == null ? text : rest.toString();
    }

    /** Adds {@code MM-DD} when {@code text[month, monthEnd)} is a month name and the day 1 to 31. */
    private static boolean addDate(Set<String> out, String text, int month, int monthEnd, int day, int dayEnd) {
        Integer m = MONTHS.get(text.substring(month, monthEnd).toLowerCase(Locale.ROOT));
        int d = Integer.parseInt(text, day, dayEnd, 10);
        if (m == null || d < 1 || d > 31) {
            return false;
        }
        out.add(twoDigits(m) + "-" + twoDigits(d));
        return true;
    }

    private static StringBuilder blank(StringBuilder rest, String text, int from, int to) {
        StringBuilder b = rest == null ? new StringBuilder(text) : rest;
        for (int i = from; i < to; i++) {
            b.setCharAt(i, ' ');
        }
        return b;
    }

    /**
     * Where {@code \p{L}{3,10}} ends when it matches greedily at {@code from}: after the first ten letters (code
     * points) of the letters there, or all of them when fewer; -1 when there are fewer than three.
     */
    private static int lettersEnd(String text, int from) {
        int i = from;
        int count = 0;
        while (count < 10 && i < text.length()) {
            int c = text.codePointAt(i);
            if (!Character.isLetter(c)) {
                break;
            }
            i += Character.charCount(c);
            count++;
        }
        return count >= 3 ? i : -1;
    }

    /** The end of the ASCII white space ({@code \s}) starting at {@code from}; {@code from} when there is none. */
    private static int spaces(String text, int from) {
        int i = from;
        while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private static boolean hasAsciiDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** Stems of the content words of a headline, leaving out stop words, short words and the words of names. */
    static Set<String> terms(String headline, List<String> mentionTexts) {
        Set<String> nameWords = new java.util.HashSet<>();
        for (String mention : mentionTexts) {
            for (int start = wordStart(mention, 0), end; start >= 0; start = wordStart(mention, end)) {
                end = wordEnd(mention, start);
                nameWords.add(stem(mention.substring(start, end)));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int start = wordStart(headline, 0), end; start >= 0; start = wordStart(headline, end)) {
            end = wordEnd(headline, start);
            String word = headline.substring(start, end).toLowerCase(Locale.ROOT);
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
