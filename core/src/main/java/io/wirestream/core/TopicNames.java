package io.wirestream.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of Wirestream's topics, derived from one prefix ({@code news} by default):
 * {@code <prefix>.raw}, {@code <prefix>.enriched}, {@code <prefix>.duplicates}, {@code <prefix>.dlq},
 * {@code <prefix>.kb}, {@code <prefix>.ingest-state} and {@code <prefix>.stories}. Registry subjects follow the TopicNameStrategy by default:
 * {@code <topic>-value} (see the serdes' {@code value.subject.name.strategy}).
 */
public record TopicNames(String prefix) {
    public static final String DEFAULT_PREFIX = "news";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    public TopicNames {
        if (prefix == null || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topic prefix '" + prefix
                + "' is not a legal Kafka topic name part (letters, digits, '.', '_', '-'; 1 to 200 chars)");
        }
    }

    public static TopicNames defaults() {
        return new TopicNames(DEFAULT_PREFIX);
    }

    /** Articles as ingest published them ({@code RawArticle}). */
    public String raw() {
        return prefix + ".raw";
    }

    /** Cleaned, deduplicated, enriched articles ({@code EnrichedArticle}), one per story. */
    public String enriched() {
        return prefix + ".enriched";
    }

    /** One {@code DuplicateNotice} per copy recognised. */
    public String duplicates() {
        return prefix + ".duplicates";
    }

    /** {@code DeadLetter}s: what could not be handled, with its original bytes and the reason. */
    public String deadLetters() {
        return prefix + ".dlq";
    }

    /** The entity knowledge base (compacted), read by enrichment as a global table. */
    public String knowledgeBase() {
        return prefix + ".kb";
    }

    /** What live sources have published, per source (compacted), so a restart publishes nothing twice. */
    public String ingestState() {
        return prefix + ".ingest-state";
    }

    /** The current state of each story (compacted, keyed by story id), and its merges and closing. */
    public String stories() {
        return prefix + ".stories";
    }

    /** Every topic the pipeline reads or writes, in pipeline order. */
    public List<String> all() {
        return List.of(raw(), enriched(), duplicates(), deadLetters(), knowledgeBase(), ingestState(), stories());
    }

    /** Subject of a topic's values under the TopicNameStrategy. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }
}
