package io.wirestream.processors;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.ProcessingInfo;
import io.wirestream.avro.StoryLink;

/**
 * Copies of an article with one field replaced and every other field's value shared with the original.
 *
 * <p>Avro's copying builder ({@code EnrichedArticle.newBuilder(article)}) deep-copies every field: the body, each
 * entity with its mentions, the verdict. The pipeline does not need that, because it never changes a value in
 * place once a stage has passed it on (a stage may hand one object to several branches): each change is a new
 * record. So a copy here is a new {@code EnrichedArticle} whose fields point at the original's values, except the
 * one replaced. Contract: neither the original, the copy, nor any value they share is changed afterwards.
 */
public final class ArticleCopies {
    private static final int FIELDS = EnrichedArticle.getClassSchema().getFields().size();

    private ArticleCopies() {
    }

    /** The article with {@code processing} in place of its processing metadata. */
    public static EnrichedArticle withProcessing(EnrichedArticle article, ProcessingInfo processing) {
        EnrichedArticle copy = sharing(article);
        copy.setProcessing(processing);
        return copy;
    }

    /** The article with its story set to {@code story}. */
    public static EnrichedArticle withStory(EnrichedArticle article, StoryLink story) {
        EnrichedArticle copy = sharing(article);
        copy.setStory(story);
        return copy;
    }

    /** A new record holding the original's field values (the same objects). */
    private static EnrichedArticle sharing(EnrichedArticle article) {
        EnrichedArticle copy = new EnrichedArticle();
        for (int i = 0; i < FIELDS; i++) {
            copy.put(i, article.get(i));
        }
        return copy;
    }
}
