package io.wirestream.ingest.page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns HTML into plain text with one paragraph per block element (paragraphs, headings, list items, quotes,
 * line breaks), paragraphs separated by a blank line and white space collapsed inside them.
 */
public final class HtmlText {
    static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "br", "li", "ul", "ol", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "hr",
        "header", "footer", "aside", "nav", "address");

    private HtmlText() {
    }

    /** The text of an HTML fragment (for example an RSS description), paragraphs kept. */
    public static String fromFragment(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return of(Jsoup.parseBodyFragment(html).body());
    }

    public static String of(Element root) {
        return String.join("\n\n", paragraphs(root));
    }

    public static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(current, out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(current, out);
                }
            }
        }, root);
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }
}
