package io.wirestream.processors;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.Mention;
import io.wirestream.avro.ProcessingInfo;
import io.wirestream.avro.StoryLink;
import io.wirestream.avro.StoryRole;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ArticleCopiesTest {
    private static final Set<Schema.Type> PRIMITIVES = Set.of(Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE,
        Schema.Type.BOOLEAN);

    /** An article with every field set to a value that is not its default. */
    static EnrichedArticle article() {
        return EnrichedArticle.newBuilder()
            .setId("a-17")
            .setSource("harbour-gazette")
            .setOrigin("rss:harbour")
            .setUrl("https://example.org/pier?utm=x")
            .setCanonicalUrl("https://example.org/pier")
            .setTitle("Storm closes Eastgate pier")
            .setBody("The harbour authority closed Eastgate pier on Tuesday.")
            .setPublishedAt(Instant.ofEpochMilli(1_760_000_000_000L))
            .setFetchedAt(Instant.ofEpochMilli(1_760_000_060_000L))
            .setLanguage("en")
            .setLanguageConfidence(0.93)
            .setEntities(new ArrayList<>(List.of(new Entity("Q1", EntityType.LOCATION, "Eastgate", 0.8,
                new ArrayList<>(List.of(new Mention("Eastgate", 29, 37)))))))
            .setDedup(new DedupVerdict(DedupStatus.UNIQUE, "f00d", "no near copy"))
            .setStory(new StoryLink("story-a-1", StoryRole.JOINED, List.of("Q1"), List.of("storm"), List.of(), List.of(), 5L, 1.5))
            .setProcessing(new ProcessingInfo("1.0", Instant.ofEpochMilli(1_760_000_070_000L), new ArrayList<>(List.of("clean")), 2, 80))
            .build();
    }

    @Test
    void shouldEqualTheBuildersCopyWithTheSameFieldReplaced() {
        EnrichedArticle article = article();
        ProcessingInfo processing = new ProcessingInfo("1.0", Instant.ofEpochMilli(5), List.of("clean", "language"), 2, 80);
        StoryLink story = new StoryLink("story-a-17", StoryRole.STARTED, List.of(), List.of(), List.of(), List.of(), 0L, 0.0);

        assertEquals(EnrichedArticle.newBuilder(article).setProcessing(processing).build(), ArticleCopies.withProcessing(article, processing));
        assertEquals(EnrichedArticle.newBuilder(article).setStory(story).build(), ArticleCopies.withStory(article, story));
    }

    @Test
    void shouldCarryEveryOtherFieldOverAsTheSameObjectAndLeaveTheOriginalAlone() {
        EnrichedArticle article = article();
        EnrichedArticle before = EnrichedArticle.newBuilder(article).build();
        StoryLink story = new StoryLink("story-a-17", StoryRole.STARTED, List.of(), List.of(), List.of(), List.of(), 0L, 0.0);

        EnrichedArticle copy = ArticleCopies.withStory(article, story);

        int storyField = EnrichedArticle.getClassSchema().getField("story").pos();
        for (Schema.Field f : EnrichedArticle.getClassSchema().getFields()) {
            assertNotNull(article.get(f.pos()), f.name() + " is set in the test article");
            if (f.pos() == storyField) {
                assertSame(story, copy.get(f.pos()));
                assertNotEquals(article.get(f.pos()), copy.get(f.pos()));
            } else if (PRIMITIVES.contains(f.schema().getType())) {
                // held unboxed: get boxes it anew
                assertEquals(article.get(f.pos()), copy.get(f.pos()), f.name());
            } else {
                assertSame(article.get(f.pos()), copy.get(f.pos()), f.name());
            }
        }
        assertEquals(before, article);
    }
}
