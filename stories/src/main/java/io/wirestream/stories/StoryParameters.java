package io.wirestream.stories;

import java.time.Duration;

/**
 * The limits and thresholds of story linking.
 *
 * @param quietAfterMs      a story no article joined for this long (processing time) is closed and leaves the index
 * @param joinGapMs         an article joins a story only if its time is at most this far from the story's
 *                          first-to-last article interval; at most {@code quietAfterMs}
 * @param maxOpenStories    most open stories kept; past it the longest-quiet story is closed early
 * @param maxPostings       most open stories an evidence key lists to find candidates by: those that most
 *                          recently got an article with the key (a key held by more still counts, with its
 *                          low rarity, in the score); this bounds the work per article whatever the number
 *                          of open stories
 * @param maxKeysPerStory   most evidence keys a story keeps (the heaviest)
 * @param latestArticles    how many of its latest article ids a story lists
 * @param topEntities       how many entities a story lists
 * @param minScore          the evidence score a candidate needs to be joined
 * @param minPieces         how many distinct shared pieces of evidence a candidate needs (at least 2: one
 *                          shared name never makes a story)
 */
public record StoryParameters(long quietAfterMs, long joinGapMs, int maxOpenStories, int maxPostings, int maxKeysPerStory,
                              int latestArticles, int topEntities, double minScore, int minPieces) {

    /** Three days of quiet close a story; two days between articles still join; half a million open stories. */
    public static final StoryParameters DEFAULTS = new StoryParameters(Duration.ofDays(3).toMillis(), Duration.ofDays(2).toMillis(),
            500_000, 100, 160, 20, 10, 1.2, 2);

    public StoryParameters {
        if (quietAfterMs < 60_000) {
            throw new IllegalArgumentException("quietAfterMs must be at least one minute, was " + quietAfterMs);
        }
        if (joinGapMs < 0 || joinGapMs > quietAfterMs) {
            throw new IllegalArgumentException("joinGapMs must be between 0 and quietAfterMs (" + quietAfterMs + "), was " + joinGapMs);
        }
        if (maxOpenStories < 1) {
            throw new IllegalArgumentException("maxOpenStories must be at least 1, was " + maxOpenStories);
        }
        if (maxPostings < 1) {
            throw new IllegalArgumentException("maxPostings must be at least 1, was " + maxPostings);
        }
        if (maxKeysPerStory < 8) {
            throw new IllegalArgumentException("maxKeysPerStory must be at least 8, was " + maxKeysPerStory);
        }
        if (latestArticles < 1 || topEntities < 1) {
            throw new IllegalArgumentException("latestArticles and topEntities must be at least 1, were " + latestArticles + " and " + topEntities);
        }
        if (!(minScore > 0)) {
            throw new IllegalArgumentException("minScore must be positive, was " + minScore);
        }
        if (minPieces < 2) {
            throw new IllegalArgumentException("minPieces must be at least 2 (one shared piece of evidence never links), was " + minPieces);
        }
    }

    public StoryParameters withWindow(long quietAfterMs, long joinGapMs) {
        return new StoryParameters(quietAfterMs, joinGapMs, maxOpenStories, maxPostings, maxKeysPerStory, latestArticles, topEntities,
                minScore, minPieces);
    }

    public StoryParameters withLimits(int maxOpenStories, int latestArticles, int topEntities) {
        return new StoryParameters(quietAfterMs, joinGapMs, maxOpenStories, maxPostings, maxKeysPerStory, latestArticles, topEntities,
                minScore, minPieces);
    }

    public StoryParameters withThreshold(double minScore, int minPieces) {
        return new StoryParameters(quietAfterMs, joinGapMs, maxOpenStories, maxPostings, maxKeysPerStory, latestArticles, topEntities,
                minScore, minPieces);
    }
}
