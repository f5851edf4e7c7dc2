package io.wirestream.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article in an HTML page: its text without the page around it, and its metadata.
 *
 * <p>Text, a boilerplate-removal heuristic in the spirit of Readability and of text-density methods:
 * <ol>
 *   <li>drop what is never article text: scripts, styles, forms, navigation, asides, footers, page headers,
 *       iframes, and elements whose class or id names boilerplate (comments, share bars, related links,
 *       newsletter boxes, cookie banners, ads);</li>
 *   <li>score every paragraph-like block by its text length and commas, discounted by its link density
 *       (the share of its text inside links), and credit the score to its parent and, halved, to its
 *       grandparent; a lone {@code <article>}, {@code [itemprop=articleBody]} or {@code <main>} gets a bonus;</li>
 *   <li>take the best-scored container and keep its paragraph-like blocks whose link density is below one half.</li>
 * </ol>
 * Metadata: title (og:title, title, h1), authors (meta author, article:author, JSON-LD author), publication
 * time (article:published_time, JSON-LD datePublished, a time element's datetime), canonical URL
 * (rel=canonical, og:url) and the declared language ({@code <html lang>}).
 *
 * <p>Stateless and thread-safe.
 */
public final class PageExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DROP = "script, style, noscript, template, form, nav, aside, footer, iframe, svg, canvas, "
        + "button, input, select, textarea, dialog, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], "
        + "[role=contentinfo], [role=banner]";
    private static final Pattern BOILERPLATE = Pattern.compile(
        "comment|share|sharing|social|related|recommend|promo|newsletter|subscribe|cookie|consent|banner|advert|"
            + "\\bads?\\b|sponsor|sidebar|breadcrumb|menu|masthead|footer|popup|modal|paywall|outbrain|taboola|tags",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern ARTICLE_HINT = Pattern.compile("article|story|content|entry|post|body|text",
        Pattern.CASE_INSENSITIVE);
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd");
    private static final int MIN_PARAGRAPH_CHARS = 25;

    private PageExtractor() {
    }

    /**
     * Extracts from raw bytes. The charset is the HTTP one when given, else the page's own
     * {@code <meta charset>} or a byte order mark, else UTF-8 (jsoup's rules).
     *
     * @throws IllegalArgumentException when the HTTP charset is not one the JVM knows (the page cannot be read)
     */
    public static ExtractedPage extract(byte[] html, Optional<String> httpCharset, String baseUri) {
        if (httpCharset.isPresent()) {
            boolean supported;
            try {
                supported = java.nio.charset.Charset.isSupported(httpCharset.get());
            } catch (IllegalArgumentException e) {
                supported = false;
            }
            if (!supported) {
                throw new IllegalArgumentException("the page declares the charset '" + httpCharset.get() + "', which is not known");
            }
        }
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), httpCharset.orElse(null), baseUri));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory page failed", e);
        }
    }

    public static ExtractedPage extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri));
    }

    public static ExtractedPage extract(Document doc) {
        List<JsonNode> jsonLd = jsonLd(doc);
        String title = firstNonBlank(meta(doc, "og:title"), doc.title(), text(doc.selectFirst("h1")));
        List<String> authors = authors(doc, jsonLd);
        Instant published = published(doc, jsonLd);
        String canonical = firstNonBlank(absolute(doc.selectFirst("link[rel=canonical]"), "href"), absoluteMeta(doc, "og:url"));
        String lang = firstNonBlank(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"));
        return new ExtractedPage(title, mainText(doc), authors, published, canonical, lang);
    }

    static String mainText(Document original) {
        Document doc = original.clone();
        Element body = doc.body();
        body.select(DROP).remove();
        // A header inside the article holds its headline and byline; only page-level headers are boilerplate.
        for (Element header : body.select("header")) {
            if (header.closest("article") == null) {
                header.remove();
            }
        }
        for (Element e : new ArrayList<>(body.getAllElements())) {
            if (e != body && e.parent() != null && isBoilerplate(e)) {
                e.remove();
            }
        }
        Element best = bestContainer(body);
        List<String> paragraphs = new ArrayList<>();
        for (Element block : best.getAllElements()) {
            if (!TEXT_BLOCKS.contains(block.normalName()) || hasTextBlockAncestorWithin(block, best)) {
                continue;
            }
            String text = HtmlText.of(block);
            if (text.isBlank() || linkDensity(block) >= 0.5) {
                continue;
            }
            paragraphs.add(text);
        }
        if (paragraphs.isEmpty()) {
            // Text straight in a container (no paragraph markup), unless it is mostly links.
            String all = HtmlText.of(best);
            return all.length() >= MIN_PARAGRAPH_CHARS && linkDensity(best) < 0.5 ? all : "";
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean isBoilerplate(Element e) {
        String name = e.normalName();
        if (name.equals("article") || name.equals("main") || name.equals("body") || name.equals("p")) {
            return false;
        }
        String classAndId = e.className() + " " + e.id();
        if (classAndId.isBlank() || !BOILERPLATE.matcher(classAndId).find()) {
            return false;
        }
        // A container named like article content ("post-content has-comments") is kept when it holds real paragraphs.
        return !(ARTICLE_HINT.matcher(classAndId).find() && substantialParagraphs(e) >= 3);
    }

    private static int substantialParagraphs(Element e) {
        int n = 0;
        for (Element p : e.select("p")) {
            if (p.text().length() >= MIN_PARAGRAPH_CHARS && linkDensity(p) < 0.5) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasTextBlockAncestorWithin(Element block, Element container) {
        for (Element p = block.parent(); p != null && p != container; p = p.parent()) {
            if (TEXT_BLOCKS.contains(p.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static Element bestContainer(Element body) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element block : body.select("p, pre, blockquote, li")) {
            String text = block.text();
            if (text.length() < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double score = (1 + commas(text) + Math.min(text.length() / 100.0, 3.0)) * (1 - linkDensity(block));
            Element parent = block.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, score, Double::sum);
            if (parent.parent() != null) {
                scores.merge(parent.parent(), score / 2, Double::sum);
            }
        }
        Elements marked = body.select("article, [itemprop=articleBody], main, [role=main]");
        for (Element e : marked) {
            if (scores.containsKey(e) || e.select("p").size() > 0) {
                double bonus = e.normalName().equals("main") || "main".equals(e.attr("role")) ? 2 : 5;
                scores.merge(e, bonus, Double::sum);
            }
        }
        return scores.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(body);
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
                n++;
            }
        }
        return n;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += a.text().length();
        }
        return (double) linked / total;
    }

    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = JSON.readTree(script.data());
                collectLd(node, out);
            } catch (IOException e) {
                // Broken JSON-LD is common and only one of several metadata sources: ignored.
            }
        }
        return out;
    }

    private static void collectLd(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectLd(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collectLd(node.get("@graph"), out);
        }
    }

    private static List<String> authors(Document doc, List<JsonNode> jsonLd) {
        Set<String> names = new LinkedHashSet<>();
        for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=article:author]")) {
            String v = m.attr("content").strip();
            // article:author is often a profile URL rather than a name.
            if (!v.isEmpty() && !v.startsWith("http://") && !v.startsWith("https://")) {
                names.add(v);
            }
        }
        for (JsonNode node : jsonLd) {
            JsonNode author = node.get("author");
            if (author == null || !hasArticleType(node)) {
                continue;
            }
            for (JsonNode a : author.isArray() ? author : List.of(author)) {
                String name = a.isTextual() ? a.asText() : a.path("name").asText("");
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return List.copyOf(names);
    }

    private static boolean hasArticleType(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return true;
        }
        String t = type.toString();
        return t.contains("Article") || t.contains("BlogPosting") || t.contains("Report");
    }

    private static Instant published(Document doc, List<JsonNode> jsonLd) {
        Instant t = parseTime(meta(doc, "article:published_time"));
        if (t != null) {
            return t;
        }
        for (JsonNode node : jsonLd) {
            t = parseTime(node.path("datePublished").asText(null));
            if (t != null) {
                return t;
            }
        }
        Element time = doc.selectFirst("article time[datetime], time[datetime]");
        return time == null ? null : parseTime(time.attr("datetime"));
    }

    /** ISO-8601 date-time with offset, or a date (00:00 UTC), or RFC 1123; null when none of those. */
    static Instant parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static String meta(Document doc, String property) {
        Element m = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return m == null ? null : firstNonBlank(m.attr("content"));
    }

    private static String absoluteMeta(Document doc, String property) {
        Element m = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return absolute(m, "content");
    }

    private static String absolute(Element e, String attribute) {
        if (e == null || e.attr(attribute).isBlank()) {
            return null;
        }
        String abs = e.absUrl(attribute);
        return abs.isEmpty() ? e.attr(attribute).strip() : abs;
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
