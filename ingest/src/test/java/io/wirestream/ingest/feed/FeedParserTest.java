package io.wirestream.ingest.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FeedParserTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldReadAnRss2FeedWithFullContentAndSummaries() throws Exception {
        ParsedFeed feed = FeedParser.parse(resource("feeds/rss-full.xml"), Optional.empty());
        assertEquals("Riverside Gazette", feed.title());
        assertEquals("rss_2.0", feed.type());
        assertEquals("en", feed.languageCode());
        assertEquals(2, feed.items().size());
        FeedItem first = feed.items().get(0);
        assertEquals("gazette-4411", first.id());
        assertEquals("https://gazette.example.org/2025/11/footbridge?utm_source=rss", first.link());
        assertEquals("Council approves the new footbridge", first.title());
        assertEquals("Riverside council voted on Monday evening to build a footbridge across the Lea, ending a debate that has run for eleven years.\n\n"
            + "The bridge, budgeted at 4.2 million pounds, will link the station quarter with the allotments on the east bank. "
            + "Work is expected to start in May, weather permitting, and to last fourteen months.\n\n"
            + "Opponents had argued that the money should go to the bus network instead; the final vote was nine to four.", first.contentText());
        assertEquals("The footbridge gets the go-ahead.", first.summaryText());
        assertEquals(List.of("Maria Okafor"), first.authors());
        assertEquals(List.of("Transport", "Council"), first.categories());
        assertEquals(Instant.parse("2025-11-03T08:30:00Z"), first.publishedAt());
        FeedItem second = feed.items().get(1);
        assertEquals("https://gazette.example.org/2025/11/library", second.id());
        assertEquals("Library hours extended & café opens", second.title());
        assertNull(second.contentText());
        assertEquals("The central library will open until 9 pm on weekdays.", second.summaryText());
    }

    @Test
    void shouldReadAnAtomFeed() throws Exception {
        ParsedFeed feed = FeedParser.parse(resource("feeds/atom.xml"), Optional.empty());
        assertEquals("Hafenbote", feed.title());
        assertEquals("atom_1.0", feed.type());
        FeedItem item = feed.items().get(0);
        assertEquals("tag:hafenbote.example.de,2025:faehre", item.id());
        assertEquals("https://hafenbote.example.de/faehre", item.link());
        assertEquals("Neue Fährlinie zum Nordufer", item.title());
        assertEquals("Ab Dezember fährt eine zweite Fähre.", item.summaryText());
        assertEquals(List.of("Jonas Berger"), item.authors());
        assertEquals(Instant.parse("2025-11-04T07:15:00Z"), item.publishedAt());
    }

    private static String cyrillicFeed(String declaration) {
        return declaration + "<rss version=\"2.0\"><channel><title>Вести Приречья</title><link>https://vesti.example.ru/</link>"
            + "<description>Новости</description><item><title>Мост через реку откроют весной</title>"
            + "<link>https://vesti.example.ru/most</link><description>Городской совет утвердил смету.</description></item></channel></rss>";
    }

    @Test
    void shouldHonourTheEncodingOfTheXmlDeclaration() throws Exception {
        byte[] xml = cyrillicFeed("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n").getBytes(CP1251);
        ParsedFeed feed = FeedParser.parse(xml, Optional.empty());
        assertEquals("Вести Приречья", feed.title());
        assertEquals("Мост через реку откроют весной", feed.items().get(0).title());
    }

    @Test
    void shouldLetTheHttpCharsetWinOverTheDeclaration() throws Exception {
        // The server knows better than a stale declaration (RFC 7303).
        byte[] xml = cyrillicFeed("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n").getBytes(CP1251);
        ParsedFeed feed = FeedParser.parse(xml, Optional.of("windows-1251"));
        assertEquals("Городской совет утвердил смету.", feed.items().get(0).summaryText());
    }

    @Test
    void shouldRefuseBytesThatAreNotInTheDeclaredEncoding() {
        byte[] xml = cyrillicFeed("<?xml version=\"1.0\"?>\n").getBytes(CP1251);
        FeedParseException e = assertThrows(FeedParseException.class, () -> FeedParser.parse(xml, Optional.of("utf-8")));
        assertEquals("the feed is not valid UTF-8 (encoding declared in the HTTP Content-Type)", e.getMessage());
        FeedParseException undeclared = assertThrows(FeedParseException.class, () -> FeedParser.parse(xml, Optional.empty()));
        assertEquals("the feed is not valid UTF-8 (encoding the XML default)", undeclared.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownEncodingName() {
        byte[] xml = cyrillicFeed("<?xml version=\"1.0\" encoding=\"klingon-8\"?>").getBytes(StandardCharsets.UTF_8);
        FeedParseException e = assertThrows(FeedParseException.class, () -> FeedParser.parse(xml, Optional.empty()));
        assertEquals("unknown character encoding 'klingon-8' in the XML declaration", e.getMessage());
    }

    @Test
    void shouldNameTheLineAndColumnOfBrokenXml() {
        byte[] xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>Broken</title>\n<item><title>A</item>\n</channel></rss>"
            .getBytes(StandardCharsets.UTF_8);
        FeedParseException e = assertThrows(FeedParseException.class, () -> FeedParser.parse(xml, Optional.empty()));
        assertEquals(true, e.getMessage().startsWith("malformed XML at line 4, column "), e.getMessage());
    }

    @Test
    void shouldRefuseADocumentThatIsNotAFeed() {
        byte[] xml = "<html><body><p>Hello</p></body></html>".getBytes(StandardCharsets.UTF_8);
        FeedParseException e = assertThrows(FeedParseException.class, () -> FeedParser.parse(xml, Optional.empty()));
        assertEquals(true, e.getMessage().startsWith("not an RSS or Atom feed: "), e.getMessage());
    }

    @Test
    void shouldNeverReadAnExternalEntity() {
        byte[] xxe = ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            + "<rss version=\"2.0\"><channel><title>&secret;</title><link>http://x/</link><description>d</description></channel></rss>")
            .getBytes(StandardCharsets.UTF_8);
        FeedParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
            () -> assertThrows(FeedParseException.class, () -> FeedParser.parse(xxe, Optional.empty())));
        assertEquals("feeds with a DOCTYPE are refused (no DTDs or entity declarations are read)", e.getMessage());
    }

    @Test
    void shouldFailFastOnABillionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><link>http://x/</link><description>d</description></channel></rss>");
        byte[] bomb = dtd.toString().getBytes(StandardCharsets.UTF_8);
        FeedParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
            () -> assertThrows(FeedParseException.class, () -> FeedParser.parse(bomb, Optional.empty())));
        assertEquals("feeds with a DOCTYPE are refused (no DTDs or entity declarations are read)", e.getMessage());
    }
}
