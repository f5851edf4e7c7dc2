package io.wirestream.ingest.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.wirestream.ingest.page.HtmlText;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) feeds with ROME, from bytes: the encoding is chosen by
 * {@link XmlCharsets} and the bytes must be valid in it (a feed in the wrong encoding fails, it is not turned
 * into replacement characters); the XML is parsed by the hardened {@link SecureXml} builder before ROME sees it.
 * Content and summaries are HTML in practice and are turned into plain text with paragraphs.
 */
public final class FeedParser {
    private FeedParser() {
    }

    public static ParsedFeed parse(byte[] xml, Optional<String> httpCharset) throws FeedParseException {
        XmlCharsets.Choice charset;
        try {
            charset = XmlCharsets.detect(xml, httpCharset);
        } catch (XmlCharsets.UnsupportedEncodingNameException e) {
            throw new FeedParseException(e.getMessage(), e);
        }
        String text;
        try {
            text = charset.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(xml)).toString();
        } catch (CharacterCodingException e) {
            throw new FeedParseException("the feed is not valid " + charset.charset().name() + " (encoding " + charset.reason() + ")", e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Document document;
        try {
            document = SecureXml.builder().build(new StringReader(text));
        } catch (JDOMParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new FeedParseException("feeds with a DOCTYPE are refused (no DTDs or entity declarations are read)", e);
            }
            throw new FeedParseException("malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                + ": " + rootMessage(e), e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("malformed XML: " + rootMessage(e), e);
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            item(entry).ifPresent(items::add);
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), feed.getFeedType(), blankToNull(feed.getLanguage()), items);
    }

    private static Optional<FeedItem> item(SyndEntry e) {
        String link = blankToNull(e.getLink());
        String id = blankToNull(e.getUri());
        if (id == null) {
            id = link;
        }
        if (id == null) {
            return Optional.empty();
        }
        String content = null;
        for (SyndContent c : e.getContents()) {
            String t = text(c);
            if (t != null && (content == null || t.length() > content.length())) {
                content = t;
            }
        }
        Set<String> authors = new LinkedHashSet<>();
        for (SyndPerson p : e.getAuthors()) {
            if (blankToNull(p.getName()) != null) {
                authors.add(p.getName().strip());
            }
        }
        if (blankToNull(e.getAuthor()) != null) {
            authors.add(e.getAuthor().strip());
        }
        List<String> categories = new ArrayList<>();
        for (SyndCategory c : e.getCategories()) {
            if (blankToNull(c.getName()) != null) {
                categories.add(c.getName().strip());
            }
        }
        Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        return Optional.of(new FeedItem(id.strip(), link == null ? null : link.strip(), title(e), content, text(e.getDescription()),
            List.copyOf(authors), categories, when == null ? null : when.toInstant()));
    }

    private static String title(SyndEntry e) {
        String t = blankToNull(e.getTitle());
        return t == null ? null : HtmlText.fromFragment(t).replace("\n\n", " ");
    }

    private static String text(SyndContent c) {
        if (c == null || c.getValue() == null) {
            return null;
        }
        String type = c.getType() == null ? "html" : c.getType().toLowerCase(Locale.ROOT);
        String t = type.contains("html") ? HtmlText.fromFragment(c.getValue()) : c.getValue().strip();
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
