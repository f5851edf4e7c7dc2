package io.wirestream.ingest.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PageExtractorTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = PageExtractorTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldKeepTheArticleAndDropThePageAroundIt() throws Exception {
        ExtractedPage page = PageExtractor.extract(resource("pages/footbridge.html"), Optional.empty(),
            "https://gazette.example.org/2025/11/footbridge?utm_source=rss");
        assertEquals(String.join("\n\n",
            "Riverside council voted on Monday evening to build a footbridge across the Lea, ending a debate that has run for eleven years.",
            "The bridge, budgeted at 4.2 million pounds, will link the station quarter with the allotments on the east bank. "
                + "Work is expected to start in May, weather permitting, and to last fourteen months.",
            "Nine votes to four",
            "Opponents had argued that the money should go to the bus network instead; the final vote was nine to four.",
            "\"This connects two halves of the town that have turned their backs on each other,\" said the council leader, Priya Nair."),
            page.text());
        assertEquals("Council approves the new footbridge", page.title());
        assertEquals(List.of("Maria Okafor", "Tom Reyes"), page.authors());
        assertEquals(Instant.parse("2025-11-03T08:30:00Z"), page.publishedAt());
        assertEquals("https://gazette.example.org/2025/11/footbridge", page.canonicalUrl());
        assertEquals("en-GB", page.language());
        assertEquals("en", page.languageCode());
    }

    @Test
    void shouldFindTheTextByDensityWhenThePageHasNoArticleElement() throws Exception {
        byte[] html = new String(resource("pages/div-soup.html"), StandardCharsets.UTF_8).getBytes(Charset.forName("windows-1252"));
        ExtractedPage page = PageExtractor.extract(html, Optional.of("windows-1252"), "https://voix.example.fr/marche");
        assertEquals(String.join("\n\n",
            "Après dix-huit mois de travaux, le marché couvert de la place Carnot a rouvert samedi matin, sous une pluie fine qui n'a pas découragé les habitués.",
            "Les quarante-deux étals, dont six nouveaux, accueillent maraîchers, fromagers et poissonniers, et une halle de dégustation "
                + "occupe désormais l'ancienne réserve, au fond du bâtiment.",
            "La mairie estime le coût total du chantier à 3,1 millions d'euros, financés pour moitié par la région."), page.text());
        assertEquals("Le marché couvert rouvre ses portes - La Voix du Port", page.title());
        assertEquals(Instant.parse("2025-10-28T00:00:00Z"), page.publishedAt());
        assertEquals("fr", page.languageCode());
        assertNull(page.canonicalUrl());
        assertEquals(List.of(), page.authors());
    }

    @Test
    void shouldHonourTheMetaCharsetWhenHttpDeclaresNone() {
        String html = "<html lang=\"ru\"><head><meta charset=\"windows-1251\"><title>Заголовок</title></head><body><article>"
            + "<p>Городской совет утвердил смету на строительство моста через реку.</p></article></body></html>";
        ExtractedPage page = PageExtractor.extract(html.getBytes(Charset.forName("windows-1251")), Optional.empty(), "https://x.example.ru/");
        assertEquals("Городской совет утвердил смету на строительство моста через реку.", page.text());
        assertEquals("Заголовок", page.title());
    }

    @Test
    void shouldReadThePublicationTimeFromJsonLdWhenThereIsNoMetaTag() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},"
            + "{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-10-01T06:00:00+02:00\",\"author\":{\"name\":\"Ana Lima\"}}]}</script>"
            + "</head><body><h1>Heading only</h1><p>A paragraph long enough to count as article text here.</p></body></html>";
        ExtractedPage page = PageExtractor.extract(html, "https://x.example/");
        assertEquals(Instant.parse("2025-10-01T04:00:00Z"), page.publishedAt());
        assertEquals(List.of("Ana Lima"), page.authors());
        assertEquals("Heading only", page.title());
    }

    @Test
    void shouldGiveNoTextForAPageOfLinksOnly() {
        String html = "<html><body><ul><li><a href=\"/a\">First story of the day, with a long headline</a></li>"
            + "<li><a href=\"/b\">Second story of the day, with a long headline</a></li></ul></body></html>";
        assertEquals("", PageExtractor.extract(html, "https://x.example/").text());
    }
}
