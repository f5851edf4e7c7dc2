package io.wirestream.processors.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the text of a news page into the text of the article: Unicode NFC, one kind of space, no control
 * or zero-width characters, paragraphs separated by one blank line, and page furniture removed.
 *
 * <p>What counts as furniture, line by line: a line matching one of the patterns in
 * {@code debris-lines.txt} (skip links, menus, share buttons, "read also" teasers, photo credits,
 * copyright, cookie notices, counters); a line with no letters (a counter such as "0", a separator); a
 * rubric line (one to three words ending with a comma, or a known section name alone); and a teaser for
 * another story, which is a short line without final punctuation directly followed by a rubric line.
 *
 * <p>Limits: the cleaner sees plain text, not HTML, so it relies on the furniture standing on lines of its
 * own; a teaser or credit run into a paragraph is kept. It never removes a line of more than
 * {@value #LONG_LINE_WORDS} words, so an article sentence that happens to start like a pattern survives.
 * Thread-safe and immutable.
 */
public final class TextCleaner {
    static final int LONG_LINE_WORDS = 20;
    private static final int SHORT_LINE_WORDS = 15;
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?…:;»\"”’)]$");
    private static final Set<String> SECTIONS = Set.of(
        "politics", "world", "business", "economy", "sport", "sports", "society", "culture", "science", "technology",
        "opinion", "news", "latest", "politik", "wirtschaft", "gesellschaft", "kultur", "politique", "économie",
        "société", "monde", "política", "economía", "sociedad", "mundo", "deportes",
        "политика", "экономика", "общество", "в мире", "мир", "спорт", "культура", "наука", "происшествия",
        "новости", "технологии", "регионы");

    private final List<Pattern> debris;

    public TextCleaner() {
        this.debris = loadPatterns("debris-lines.txt");
    }

    /** The result: the cleaned text and how many non-blank lines were removed as furniture. */
    public record Cleaned(String text, int removedLines) {
    }

    public Cleaned clean(String raw) {
        if (raw == null) {
            return new Cleaned("", 0);
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC)
            .replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        // tab, \n, vertical tab, form feed (spaces, below) and \r (line ends, above) are kept
        text = CleanChars.removeInvisible(text);
        String[] lines = text.split("\n", -1);
        List<String> normalised = new ArrayList<>(lines.length);
        for (String line : lines) {
            normalised.add(CleanChars.collapseSpaces(line).strip());
        }
        boolean[] drop = new boolean[normalised.size()];
        int removed = 0;
        for (int i = 0; i < normalised.size(); i++) {
            String line = normalised.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (isDebris(line)) {
                drop[i] = true;
            } else if (isRubric(line)) {
                drop[i] = true;
                int prev = previousNonBlank(normalised, i);
                if (prev >= 0 && !drop[prev] && isTeaserHeadline(normalised.get(prev))) {
                    drop[prev] = true;
                    removed++;
                }
            }
            if (drop[i]) {
                removed++;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingBreak = false;
        for (int i = 0; i < normalised.size(); i++) {
            String line = normalised.get(i);
            if (drop[i]) {
                continue;
            }
            if (line.isEmpty()) {
                pendingBreak = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(pendingBreak ? "\n\n" : "\n");
            }
            out.append(line);
            pendingBreak = false;
        }
        return new Cleaned(out.toString(), removed);
    }

    private boolean isDebris(String line) {
        if (!HAS_LETTER.matcher(line).find()) {
            return true;
        }
        if (wordCount(line) > LONG_LINE_WORDS) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        for (Pattern p : debris) {
            if (p.matcher(lower).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRubric(String line) {
        if (wordCount(line) > 3) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.endsWith(",") || SECTIONS.contains(lower.replaceAll("[,.|/]+$", "").strip());
    }

    private static boolean isTeaserHeadline(String line) {
        return wordCount(line) <= SHORT_LINE_WORDS && !ENDS_SENTENCE.matcher(line).find();
    }

    private static int previousNonBlank(List<String> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!lines.get(j).isEmpty()) {
                return j;
            }
        }
        return -1;
    }

    static int wordCount(String line) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = line.charAt(i) == ' ';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static List<Pattern> loadPatterns(String resource) {
        List<Pattern> patterns = new ArrayList<>();
        try (InputStream in = TextCleaner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String p = line.strip();
                if (p.isEmpty() || p.startsWith("#")) {
                    continue;
                }
                try {
                    patterns.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalStateException(resource + " line " + n + ": bad pattern: " + e.getDescription(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return List.copyOf(patterns);
    }
}
