package io.wirestream.processors.story;

import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.Mention;
import io.wirestream.avro.Story;
import io.wirestream.avro.StoryEntity;
import io.wirestream.avro.StoryLink;
import io.wirestream.avro.StoryRole;
import io.wirestream.avro.StoryStatus;
import io.wirestream.processors.ArticleCopies;
import io.wirestream.stories.ArticleEvidence;
import io.wirestream.stories.EvidenceExtractor;
import io.wirestream.stories.StoryCodec;
import io.wirestream.stories.StoryLinker;
import io.wirestream.stories.StoryParameters;
import io.wirestream.stories.StoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links each article to a story with a {@link StoryLinker} that holds every open story. The store is the truth:
 * each change of a story is written to it as it happens, and {@link #init} rebuilds the linker from it (at start,
 * after a rebalance, and after an aborted transaction, when Kafka Streams restores the store from its changelog).
 */
final class StoryProcessor implements Processor<String, EnrichedArticle, String, StoryProcessor.Outcome> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);
    /** A publication time later than the fetch time by more than this is not believed: the fetch time is used. */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    /** The article with its story, and the story records to write. */
    record Outcome(EnrichedArticle article, List<Story> stories) {
    }

    private final StoryParameters parameters;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, byte[]> store;
    private StoryLinker linker;

    StoryProcessor(StoryParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.store = context.getStateStore(StoryLinking.STORE);
        this.linker = new StoryLinker(parameters);
        int restored = 0;
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                linker.restore(StoryCodec.decode(kv.value));
                restored++;
            }
        }
        LOG.info("story index: {} open stories restored from {}", restored, StoryLinking.STORE);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        // closing goes by processing time (see StoryLinker#link), joining by the articles' own times
        StoryLinker.Outcome outcome = linker.link(evidence(article), context.currentSystemTimeMs());
        Instant now = Instant.now();
        List<Story> stories = new ArrayList<>();
        for (StoryState closed : outcome.closed()) {
            store.delete(closed.id());
            stories.add(toAvro(closed, StoryStatus.CLOSED, null, now));
        }
        for (StoryLinker.Merge merge : outcome.merges()) {
            store.delete(merge.absorbed().id());
            stories.add(toAvro(merge.absorbed(), StoryStatus.MERGED, merge.into(), now));
        }
        store.put(outcome.story().id(), StoryCodec.encode(outcome.story()));
        stories.add(toAvro(outcome.story(), StoryStatus.OPEN, null, now));

        StoryLinker.Assignment a = outcome.assignment();
        StoryLink link = StoryLink.newBuilder()
                .setId(a.storyId())
                .setRole(a.started() ? StoryRole.STARTED : StoryRole.JOINED)
                .setSharedEntities(a.sharedEntities())
                .setSharedTerms(a.sharedTerms())
                .setSharedNumbers(a.sharedNumbers())
                .setSharedDates(a.sharedDates())
                .setTimeGapMs(a.timeGapMs())
                .setScore(Math.round(a.score() * 1000) / 1000.0)
                .build();
        context.forward(record.withValue(new Outcome(ArticleCopies.withStory(article, link), stories)));
    }

    /** The article's evidence: its entities, and the numbers, dates and headline terms of its title and lead. */
    static ArticleEvidence evidence(EnrichedArticle article) {
        List<ArticleEvidence.EntityEvidence> entities = new ArrayList<>(article.getEntities().size());
        List<String> mentions = new ArrayList<>();
        for (Entity e : article.getEntities()) {
            entities.add(new ArticleEvidence.EntityEvidence(e.getId(), e.getCanonicalName(), e.getSalience()));
            for (Mention m : e.getMentions()) {
                mentions.add(m.getText());
            }
        }
        return EvidenceExtractor.extract(article.getId(), article.getLanguage(), time(article), article.getTitle(), article.getBody(),
                entities, mentions);
    }

    /** Publication time, or fetch time when unknown or in the future of the fetch. */
    static long time(EnrichedArticle article) {
        long fetched = article.getFetchedAt().toEpochMilli();
        Instant published = article.getPublishedAt();
        if (published == null || published.toEpochMilli() > fetched + FUTURE_TOLERANCE.toMillis()) {
            return fetched;
        }
        return published.toEpochMilli();
    }

    private Story toAvro(StoryState s, StoryStatus status, String mergedInto, Instant now) {
        return Story.newBuilder()
                .setId(s.id())
                .setStatus(status)
                .setMergedInto(mergedInto)
                .setAbsorbed(s.absorbed())
                .setFirstSeen(Instant.ofEpochMilli(s.firstSeen()))
                .setLastSeen(Instant.ofEpochMilli(s.lastSeen()))
                .setArticleCount(s.articleCount())
                .setLanguages(s.languageList())
                .setTitles(s.titles())
                .setEntities(s.topEntities(parameters.topEntities()).stream()
                        .map(e -> new StoryEntity(e.id(), e.name(), Math.round(e.salienceSum() * 1000) / 1000.0))
                        .toList())
                .setLatestArticleIds(s.latestArticles())
                .setUpdatedAt(now)
                .build();
    }
}
