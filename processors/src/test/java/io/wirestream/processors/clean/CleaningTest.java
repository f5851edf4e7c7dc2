package io.wirestream.processors.clean;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CleaningTest {
    private final Cleaning cleaning = new Cleaning(new TextCleaner(), "test");

    private static RawArticle raw(String title, String body) {
        return RawArticle.newBuilder().setId("a1").setSource("file").setOrigin("a.txt").setUrl("https://example.org/a")
            .setTitle(title).setBody(body).setPublishedAt(Instant.ofEpochMilli(1)).setFetchedAt(Instant.ofEpochMilli(2))
            .setLanguageHint(null).setAttributes(Map.of()).build();
    }

    @Test
    void shouldRefuseATombstoneWithAReasonThatSaysSo() {
        assertEquals("the record has no value (a tombstone); raw articles are never deleted this way",
            assertThrows(InvalidArticleException.class, () -> cleaning.apply(null, Instant.ofEpochMilli(3))).getMessage());
    }

    @Test
    void shouldCarryTheRawFieldsAndMarkTheArticleAsNotYetDeduplicatedNorEnriched() {
        EnrichedArticle a = cleaning.apply(raw("  A title ", "Skip to content\nThe text."), Instant.ofEpochMilli(3));
        assertEquals("a1", a.getId());
        assertEquals("file", a.getSource());
        assertEquals("a.txt", a.getOrigin());
        assertEquals("https://example.org/a", a.getUrl());
        assertEquals("A title", a.getTitle());
        assertEquals("The text.", a.getBody());
        assertEquals(Instant.ofEpochMilli(1), a.getPublishedAt());
        assertEquals(Instant.ofEpochMilli(2), a.getFetchedAt());
        assertEquals("und", a.getLanguage());
        assertEquals(List.of(), a.getEntities());
        assertEquals(DedupStatus.NOT_CHECKED, a.getDedup().getStatus());
        assertEquals(List.of("clean"), a.getProcessing().getStages());
        assertEquals(1, a.getProcessing().getRemovedLines());
        assertEquals(Instant.ofEpochMilli(3), a.getProcessing().getProcessedAt());
    }

    @Test
    void shouldTakeAHeadlineLikeFirstLineAsTitleWhenTheSourceGaveNone() {
        EnrichedArticle a = cleaning.apply(raw(null, "Bridge opens after three years\n\nThe bridge opened. It is long."), Instant.EPOCH);
        assertEquals("Bridge opens after three years", a.getTitle());
    }

    @Test
    void shouldTakeTheFirstSentenceWhenTheFirstLineIsAParagraph() {
        EnrichedArticle a = cleaning.apply(raw(null, "The bridge opened on Monday. It is long and wide."), Instant.EPOCH);
        assertEquals("The bridge opened on Monday", a.getTitle());
    }

    @Test
    void shouldSkipAWireDatelineWhenDerivingTheTitle() {
        assertEquals("The port reopened on Monday after the storm",
            Cleaning.deriveTitle("HAMBURG, Germany, March 3. The port reopened on Monday after the storm. Ships queued."));
        assertEquals("The port reopened", Cleaning.deriveTitle("HAMBURG (Wire) - The port reopened. Ships queued."));
        assertEquals("Hamburg port reopens after the storm", Cleaning.deriveTitle("Hamburg port reopens after the storm\n\nText."));
    }

    @Test
    void shouldSayWhatIsWrongWithATombstone() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> cleaning.apply(null, Instant.EPOCH));
        assertEquals("the record has no value (a tombstone); raw articles are never deleted this way", e.getMessage());
    }

    @Test
    void shouldRefuseAnArticleThatIsOnlyFurniture() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class,
            () -> cleaning.apply(raw(null, "Skip to main content\n0\nShare on Facebook"), Instant.EPOCH));
        assertEquals("article a1 from a.txt has no text left after cleaning (raw body: 40 chars, 3 lines of page furniture)",
            e.getMessage());
    }
}
