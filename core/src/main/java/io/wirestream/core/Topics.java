package io.wirestream.core;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.avro.Story;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Objects;

/**
 * The typed catalogue of Wirestream's topics: name, key serde and value serde of each, built once from
 * the topic names and a {@link SerdeFactory}. Keys are article ids (UTF-8 strings) everywhere; values are
 * Avro in the Confluent wire format.
 */
public final class Topics {
    private final TopicNames names;
    private final Topic<String, RawArticle> raw;
    private final Topic<String, EnrichedArticle> enriched;
    private final Topic<String, DuplicateNotice> duplicates;
    private final Topic<String, DeadLetter> deadLetters;
    private final Topic<String, Story> stories;

    public Topics(TopicNames names, SerdeFactory serdes) {
        this.names = Objects.requireNonNull(names, "names");
        Objects.requireNonNull(serdes, "serdes");
        this.raw = new Topic<>(names.raw(), Serdes.String(), serdes.forValues(RawArticle.class));
        this.enriched = new Topic<>(names.enriched(), Serdes.String(), serdes.forValues(EnrichedArticle.class));
        this.duplicates = new Topic<>(names.duplicates(), Serdes.String(), serdes.forValues(DuplicateNotice.class));
        this.deadLetters = new Topic<>(names.deadLetters(), Serdes.String(), serdes.forValues(DeadLetter.class));
        this.stories = new Topic<>(names.stories(), Serdes.String(), serdes.forValues(Story.class));
    }

    public TopicNames names() {
        return names;
    }

    public Topic<String, RawArticle> raw() {
        return raw;
    }

    public Topic<String, EnrichedArticle> enriched() {
        return enriched;
    }

    public Topic<String, DuplicateNotice> duplicates() {
        return duplicates;
    }

    public Topic<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    /** Stories, keyed by story id (not by article id). */
    public Topic<String, Story> stories() {
        return stories;
    }

    /** The topics whose values the pipeline writes as Avro records, in pipeline order. */
    public List<Topic<String, ?>> avroTopics() {
        return List.of(raw, enriched, duplicates, deadLetters, stories);
    }
}
