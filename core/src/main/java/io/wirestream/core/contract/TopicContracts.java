package io.wirestream.core.contract;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.avro.Story;
import io.wirestream.avro.kb.KbEntry;
import io.wirestream.core.TopicNames;
import io.wirestream.core.TopicProvisioner;
import io.wirestream.core.contract.ChannelContract.Encoding;
import io.wirestream.core.contract.ChannelContract.Key;
import io.wirestream.core.contract.ChannelContract.Party;
import io.wirestream.core.contract.ChannelContract.Value;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contract of every topic Wirestream writes or reads, built from the topic catalogue ({@link TopicNames},
 * {@link TopicProvisioner}) and the Avro classes of the values. The statements here are what consumers rely on;
 * docs/topics.md explains them at length. Kafka Streams' own internal topics ({@code <application.id>-...}) are
 * not part of it.
 */
public final class TopicContracts {
    public static final String INGEST = "ingest";
    public static final String PROCESSORS = "processors";
    public static final String KB_LOAD = "kb-load";
    /** Any subscriber outside Wirestream. */
    public static final String CONSUMERS = "consumers";

    static final String ARTICLE_ID = "The article id: 32 lower-case hex characters, the first 16 bytes of SHA-256 of the canonical URL, "
        + "or of the normalised text when the article has no URL. The same item read twice gets the same id.";
    private static final String BY_KEY = " Partitioned by the key with Kafka's default partitioner (murmur2 of the UTF-8 key), "
        + "so all records of one key are on one partition, in the order they were written; there is no order across partitions.";
    private static final String TRANSACTIONAL = "Exactly once: written by Kafka Streams (processing.guarantee=exactly_once_v2) in "
        + "transactions that also commit the input offsets. Read with isolation.level=read_committed, or records of aborted "
        + "transactions can be seen. Compressed with the processors' compression.type, zstd by default.";
    private static final Party CONSUMER = new Party(CONSUMERS, "Subscribe; see docs/topics.md.");

    private TopicContracts() {
    }

    /** The topics every Wirestream deployment has, in pipeline order. */
    public static List<ChannelContract> standard(TopicNames names) {
        Map<String, NewTopic> created = created(names);
        List<ChannelContract> out = new ArrayList<>();
        out.add(new ChannelContract("raw", created.get(names.raw()), "Articles as ingested",
            "One record per item a source delivered (file, JSON Lines line, feed entry, article page, watched file, push "
                + "request), before any processing. An item delivered again is published again with the same id; the "
                + "processors turn it into a duplicate notice." + BY_KEY,
            new Key(ARTICLE_ID),
            new Value("RawArticle", Encoding.AVRO, RawArticle.class, "The item as the source delivered it.", false),
            "At least once: an idempotent producer with acks=all, not transactional (each record is visible as soon as "
                + "it is written). Compressed with ingest's compression.type, zstd by default.",
            false,
            List.of(new Party(INGEST, "Publishes every article read from files, feeds, pages, watched folders and the push endpoint.")),
            List.of(new Party(PROCESSORS, "Clean, deduplicate, tag the language and link entities."))));
        out.add(new ChannelContract("enriched", created.get(names.enriched()), "Enriched articles, one per story",
            "One record per story: the article cleaned, deduplicated (dedup.status UNIQUE or ORIGINAL), with its language "
                + "and the people, places and organisations it names. A copy of a story never appears here; it gets a "
                + "notice in the duplicates topic instead." + BY_KEY,
            new Key(ARTICLE_ID),
            new Value("EnrichedArticle", Encoding.AVRO, EnrichedArticle.class, "The article after every stage.", false),
            TRANSACTIONAL, false,
            List.of(new Party(PROCESSORS, "Write each story once, when deduplication has decided it is not a copy.")),
            List.of(CONSUMER)));
        out.add(new ChannelContract("duplicates", created.get(names.duplicates()), "Duplicate notices",
            "One notice per copy recognised: the copy's id, the id of the article it copies (originalId) and how it was "
                + "recognised. A copy can get a later notice that re-points it (a late original): the latest notice of a "
                + "copy id is authoritative. The original named can itself have a notice: follow originalId until an id "
                + "without one." + BY_KEY,
            new Key("The copy's article id (see the raw topic)."),
            new Value("DuplicateNotice", Encoding.AVRO, DuplicateNotice.class, "Which article a copy copies.", false),
            TRANSACTIONAL, false,
            List.of(new Party(PROCESSORS, "Write a notice for each copy, and re-point copies when an earlier original arrives.")),
            List.of(CONSUMER)));
        out.add(new ChannelContract("deadLetters", created.get(names.deadLetters()), "Dead letters",
            "One record per input or record that could not be handled, with its original bytes, where it came from, the "
                + "stage and the reason. Kept 30 days. Partitioned by the key like the other topics.",
            new Key("For records the processors could not handle: the original record's key, byte for byte (the article "
                + "id). For inputs ingest rejected: where the input came from (file:line or URL). Can be null."),
            new Value("DeadLetter", Encoding.AVRO, DeadLetter.class, "What failed, where, and why.", false),
            "The processors write their dead letters in the transaction of the record that failed (read with "
                + "isolation.level=read_committed); ingest writes its own with an idempotent producer.",
            false,
            List.of(new Party(INGEST, "Write inputs that are not valid articles, with the file and line or URL."),
                new Party(PROCESSORS, "Write records a stage could not deserialise, process or write.")),
            List.of(new Party(CONSUMERS, "Operators: inspect, fix and replay."))));
        out.add(new ChannelContract("knowledgeBase", created.get(names.knowledgeBase()), "Entity knowledge base",
            "The people, places and organisations entity linking knows, beyond the bundled list: one record per entity, "
                + "compacted, so the latest record of an id is the entity; a null value removes it. One partition.",
            new Key("The entity id: a Wikidata id (Q123) or ws: followed by lower-case letters, digits and hyphens."),
            new Value("KbEntry", Encoding.AVRO, KbEntry.class, "One entity and its names.", true),
            "At least once: an idempotent producer with acks=all, zstd. A record written twice is harmless (the same entity).",
            false,
            List.of(new Party(KB_LOAD, "Loads a JRC-Names file, a Wikidata dump or the bundled list.")),
            List.of(new Party(PROCESSORS, "Read the whole topic as a global table; new entries apply without a restart."))));
        out.add(new ChannelContract("ingestState", created.get(names.ingestState()), "What live sources published (internal)",
            "The live sources' memory, so that a restart publishes nothing twice: one record per item published, "
                + "compacted; a null value forgets the item. One partition. Internal to ingest: its format may change "
                + "between versions.",
            new Key("The item's 32-hex-character hash, a space, and the source's name."),
            new Value("IngestStateEntry", Encoding.STRING, null,
                "When the item was published, ISO-8601 (2026-01-31T08:00:00Z), or null (a tombstone) once it is forgotten.", true),
            "At least once: an idempotent producer with acks=all; a lost write means an item may be published again, "
                + "which deduplication absorbs. Read with isolation.level=read_committed.",
            true,
            List.of(new Party(INGEST, "Remembers each item a live source published.")),
            List.of(new Party(INGEST, "Reads the topic from the start when a live source starts."))));
        out.add(new ChannelContract("stories", created.get(names.stories()), "Stories",
            "The current state of each story (one event across outlets and languages): first and last seen, article count, "
                + "languages, a headline per language, the most salient entities with ids, the latest article ids. A new record "
                + "each time an article joins; status MERGED with mergedInto when another story absorbed it (follow mergedInto); "
                + "status CLOSED when it went quiet. Compacted: the latest record of a story id is its state; records older "
                + "than 30 days are deleted. Each enriched article names its story in EnrichedArticle.story." + BY_KEY,
            new Key("The story id: story- followed by the id of the article that started it."),
            new Value("Story", Encoding.AVRO, Story.class, "A story's current state.", false),
            TRANSACTIONAL, false,
            List.of(new Party(PROCESSORS, "Write a story's state with each article that starts or joins it, each merge and each close.")),
            List.of(CONSUMER)));
        return out;
    }

    /**
     * A routed topic: a selection of the enriched articles, written by the processors to a topic of its own.
     * Same key, partitioning and delivery as the enriched topic, and its settings when Wirestream creates it.
     *
     * @param route  the route's name ({@code [a-z0-9][a-z0-9_-]*})
     * @param topic  the topic it writes
     * @param format how values are written: {@link Encoding#AVRO} (EnrichedArticle, Confluent wire format) or
     *               {@link Encoding#JSON} (one JSON object with the EnrichedArticle's fields)
     */
    public static ChannelContract routed(TopicNames names, String route, String topic, Encoding format) {
        if (route == null || !route.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("route name '" + route + "' must be lower-case letters, digits, '_' or '-'");
        }
        if (format == Encoding.STRING) {
            throw new IllegalArgumentException("route " + route + ": a route writes avro or json, not " + format);
        }
        // as the processors create it; its partitions follow topic.partitions
        NewTopic definition = new NewTopic(topic, Optional.empty(), Optional.empty())
            .configs(TopicProvisioner.derived(topic, new TopicProvisioner.Settings(6, (short) -1)).configs());
        String id = "route" + java.util.Arrays.stream(route.split("[-_]"))
            .filter(part -> !part.isEmpty())
            .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
            .collect(Collectors.joining());
        Value value = format == Encoding.AVRO
            ? new Value("EnrichedArticle", Encoding.AVRO, EnrichedArticle.class, "The article, as in the enriched topic.", false)
            : new Value("EnrichedArticleJson", Encoding.JSON, EnrichedArticle.class,
                "The article as one JSON object: the EnrichedArticle's fields in schema order, unions unwrapped (a null "
                    + "field is null), enums as their symbol, timestamps as epoch milliseconds.", false);
        return new ChannelContract(id, definition, "Route " + route,
            "The enriched articles that the route '" + route + "' takes, as in the enriched topic: one record per story, "
                + "the same key and partitioning." + BY_KEY,
            new Key(ARTICLE_ID), value, TRANSACTIONAL, false,
            List.of(new Party(PROCESSORS, "Write each enriched article the route's filter takes.")),
            List.of(CONSUMER));
    }

    /**
     * How {@link TopicProvisioner} creates each topic, by name: its settings, and its partition count where that
     * is fixed (one partition for the compacted topics); unknown (-1) where it follows {@code topic.partitions}.
     */
    private static Map<String, NewTopic> created(TopicNames names) {
        Map<String, NewTopic> six = definitions(names, 6);
        Map<String, NewTopic> seven = definitions(names, 7);
        return six.values().stream().collect(Collectors.toMap(NewTopic::name, t -> {
            boolean fixed = t.numPartitions() == seven.get(t.name()).numPartitions();
            return new NewTopic(t.name(), fixed ? Optional.of(t.numPartitions()) : Optional.empty(), Optional.empty())
                .configs(t.configs());
        }));
    }

    private static Map<String, NewTopic> definitions(TopicNames names, int partitions) {
        return TopicProvisioner.definitions(names, new TopicProvisioner.Settings(partitions, (short) -1)).stream()
            .collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
