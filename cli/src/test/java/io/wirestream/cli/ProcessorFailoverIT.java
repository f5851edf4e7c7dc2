package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.DuplicateNotice;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.JsonSerde;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.Topics;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.Articles;
import io.wirestream.ingest.IngestConfig;
import io.wirestream.processors.ProcessorConfig;
import io.wirestream.registry.serde.WireFormat;
import io.wirestream.testkit.KafkaStack;
import io.wirestream.testkit.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Crashes, proven harmless: the processors run as separate JVMs ({@code wirestream process}, as in production)
 * and are killed with SIGKILL ({@link Process#destroyForcibly()}) while articles stream in; the broker is
 * restarted once. Afterwards a {@code read_committed} consumer, as any downstream reader, must find every
 * good input exactly once downstream (an enriched article or a duplicate notice), the dead-letter topic
 * exactly the bad inputs, and each route declared in a routes file exactly the enriched articles it takes.
 *
 * <p>Kills are timed on the group's committed input offsets, so each lands while input is still being
 * processed (transactions open). Consumer session timeout and the broker's check for timed-out
 * transactions are shortened so that a killed member leaves the group, and its open transaction is aborted,
 * within seconds instead of the production defaults of 45 s and 10 s.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ProcessorFailoverIT {
    /** Partitions of the input and output topics the feeder creates. */
    static final int INPUT_PARTITIONS = 4;

    private static final Logger log = LoggerFactory.getLogger(ProcessorFailoverIT.class);
    private static final Path SAMPLES = Path.of("..", "samples", "articles");
    private static final Path LOGS = Path.of("target", "failover-it");

    @RegisterExtension
    static final KafkaStack stack = new KafkaStack(Map.of(
        "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"));

    @Test
    void shouldProcessEveryArticleExactlyOnceAcrossProcessorKillsAndABrokerRestart(@TempDir Path state) throws Exception {
        String prefix = "eos";
        String appId = "failover-eos-" + UUID.randomUUID();
        Inputs inputs = Inputs.generate(2_400, 300, 10, 11L);
        // two routes, declared as an operator would; the processors do not create topics here, so neither do they these
        Path routes = state.resolve("routes.yaml");
        Files.writeString(routes, """
            routes:
              - name: english
                topic: eos.routed.english
                filter: {languages: [en]}
              - name: russian-json
                topic: eos.routed.russian
                format: json
                filter: {languages: [ru]}
            """);
        try (Admin admin = admin();
             Feeder feeder = new Feeder(stack.config(Map.of()), prefix, INPUT_PARTITIONS, inputs, 30, Duration.ofMillis(300))) {
            admin.createTopics(List.of(new NewTopic("eos.routed.english", 4, (short) 1), new NewTopic("eos.routed.russian", 4, (short) 1)))
                .all().get(30, TimeUnit.SECONDS);
            String raw = feeder.topics.raw().name();
            LongSupplier consumed = () -> committedOffsets(admin, appId, raw);
            ChildProcessor processor = new ChildProcessor("eos", appId, prefix, state.resolve("a"),
                List.of("-D" + ProcessorConfig.ROUTES_FILE + "=" + routes));
            try (processor) {
                processor.start();
                feeder.start();
                int total = inputs.size();
                awaitProgress(consumed, total * 15 / 100, processor);
                processor.kill();
                processor.start();
                awaitProgress(consumed, total * 35 / 100, processor);
                processor.kill();
                processor.start();
                awaitProgress(consumed, total * 50 / 100, processor);
                log.info("Restarting the broker");
                stack.broker().stop();
                Thread.sleep(1_000);
                stack.broker().start();
                awaitProgress(consumed, total * 65 / 100, processor);
                processor.kill();
                // this time as a replacement on a new machine: no local state, everything restored from changelogs
                processor.moveState(state.resolve("b"));
                processor.start();
                awaitProgress(consumed, total * 80 / 100, processor);
                processor.kill();
                processor.start();
                feeder.awaitSent();
                awaitProgress(consumed, total, processor);
                int committed = assertExactlyOnce(stack.bootstrapServers(), feeder.topics, inputs);
                int routed = assertRoutedExactlyOnce(feeder.topics, committed);
                log.info("{} kills; {} records of {} and {} of eos.routed.english were written by transactions the kills aborted",
                    processor.kills(), countUncommitted(feeder.topics.enriched().name()) - committed, feeder.topics.enriched().name(),
                    countUncommitted("eos.routed.english") - routed);
            }
        }
    }

    @Test
    void shouldHandOverTheKilledInstancesPartitionsToTheOtherWithNothingLostOrRepeated(@TempDir Path state) throws Exception {
        String prefix = "scale";
        String appId = "failover-scale-" + UUID.randomUUID();
        Inputs inputs = Inputs.generate(1_200, 100, 6, 23L);
        try (Admin admin = admin();
             Feeder feeder = new Feeder(stack.config(Map.of()), prefix, INPUT_PARTITIONS, inputs, 20, Duration.ofMillis(200));
             ChildProcessor a = new ChildProcessor("scale-a", appId, prefix, state.resolve("a"));
             ChildProcessor b = new ChildProcessor("scale-b", appId, prefix, state.resolve("b"))) {
            String raw = feeder.topics.raw().name();
            a.start();
            b.start();
            Map<String, Set<Integer>> shared = awaitAssignment(admin, appId, raw, 2, a, b);
            assertEquals(Set.of(0, 1, 2, 3), union(shared.values()), "the two instances must cover every partition");
            assertEquals(4, shared.values().stream().mapToInt(Set::size).sum(), "no partition may be assigned twice: " + shared);
            assertTrue(shared.values().stream().noneMatch(Set::isEmpty), "both instances must have work: " + shared);

            feeder.start();
            LongSupplier consumed = () -> committedOffsets(admin, appId, raw);
            awaitProgress(consumed, inputs.size() * 30 / 100, a, b);
            a.kill();
            Map<String, Set<Integer>> alone = awaitAssignment(admin, appId, raw, 1, b);
            assertEquals(List.of(Set.of(0, 1, 2, 3)), List.copyOf(alone.values()));
            feeder.awaitSent();
            awaitProgress(consumed, inputs.size(), b);
            assertExactlyOnce(stack.bootstrapServers(), feeder.topics, inputs);
        }
    }

    /**
     * Every good input ends with exactly the verdict deduplication's rule gives it, no record is repeated and
     * nothing else is there; bad inputs exactly once in the DLQ. Returns the number of committed enriched records.
     */
    static int assertExactlyOnce(String bootstrap, Topics topics, Inputs inputs) {
        Duration timeout = Duration.ofSeconds(120);
        Duration settle = Duration.ofSeconds(3);
        // Every copy ends with a notice: wait for them all (the pipeline may still be catching up after the last
        // restart), then a little longer for anything unexpected.
        List<ConsumerRecord<String, DuplicateNotice>> duplicates = TopicReader.read(bootstrap, topics.duplicates().name(),
            new StringDeserializer(), topics.duplicates().valueSerde().deserializer(), inputs.copies().size(), timeout,
            Duration.ofSeconds(5));
        List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(bootstrap, topics.enriched().name(),
            new StringDeserializer(), topics.enriched().valueSerde().deserializer(),
            inputs.goodIds().size() - duplicates.size(), timeout, settle);
        List<ConsumerRecord<String, DeadLetter>> deadLetters = TopicReader.read(bootstrap, topics.deadLetters().name(),
            new StringDeserializer(), topics.deadLetters().valueSerde().deserializer(), inputs.badStages().size(), timeout, settle);

        log.info("Downstream: {} enriched, {} duplicate notices, {} dead letters", enriched.size(), duplicates.size(), deadLetters.size());
        Map<String, Long> enrichedCount = enriched.stream()
            .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
        Map<String, Long> noticeCount = duplicates.stream()
            .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
        Map<String, Long> repeated = new TreeMap<>();
        enrichedCount.forEach((id, n) -> {
            if (n > 1) {
                repeated.put("enriched " + id, n);
            }
        });
        noticeCount.forEach((id, n) -> {
            if (n > 1) {
                repeated.put("notice " + id, n);
            }
        });
        assertEquals(Map.of(), repeated, "inputs repeated downstream");
        Set<String> unexpected = new TreeSet<>(enrichedCount.keySet());
        unexpected.addAll(noticeCount.keySet());
        unexpected.removeAll(inputs.goodIds());
        assertEquals(Set.of(), unexpected, "records downstream that were never input");
        for (ConsumerRecord<String, EnrichedArticle> r : enriched) {
            assertEquals(r.key(), r.value().getId());
            // each committed article exactly once (above), so with exactly one story
            assertEquals("story-", r.value().getStory() == null ? null : r.value().getStory().getId().substring(0, 6),
                "the story of the committed article " + r.key());
        }

        // The verdict each input must end with. A copy has the publication time of its original, so the
        // original is the lower id of the pair (deduplication's rule), whichever was sent or processed first.
        // When the other one of the pair finished deduplication first (the two live on different partitions),
        // it was passed on and then gets a notice re-pointing it to the original: a late original
        // (docs/dedup.md). Either way it is passed on at most once and noticed exactly once.
        Map<String, String> expectedNotices = new TreeMap<>();
        Set<String> mayAlsoBeEnriched = new TreeSet<>();
        inputs.copies().forEach((later, first) -> {
            String original = later.compareTo(first) < 0 ? later : first;
            String copy = original.equals(later) ? first : later;
            expectedNotices.put(copy, original);
            mayAlsoBeEnriched.add(copy);
        });
        Map<String, String> notices = new TreeMap<>();
        duplicates.forEach(r -> notices.put(r.key(), r.value().getOriginalId()));
        assertEquals(expectedNotices, notices, "duplicate notices");
        Set<String> expectedEnriched = new TreeSet<>(inputs.goodIds());
        expectedEnriched.removeAll(expectedNotices.keySet());
        Set<String> extra = new TreeSet<>(enrichedCount.keySet());
        extra.removeAll(expectedEnriched);
        extra.removeAll(mayAlsoBeEnriched);
        Set<String> missing = new TreeSet<>(expectedEnriched);
        missing.removeAll(enrichedCount.keySet());
        assertEquals(Set.of(), missing, "inputs lost");
        assertEquals(Set.of(), extra, "copies passed on as articles");

        Map<String, String> stages = new TreeMap<>();
        Map<String, Long> letters = deadLetters.stream().collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
        deadLetters.forEach(r -> stages.put(r.key(), r.value().getStage()));
        assertEquals(new TreeMap<>(inputs.badStages()), stages);
        assertEquals(inputs.badStages().size(), deadLetters.size(), "dead letters repeated: " + letters);
        return enriched.size();
    }

    /**
     * Each route's topic holds exactly the committed enriched records its filter takes (here: by language), each
     * once and equal to the enriched record. Returns the number of committed records of the English route.
     */
    private static int assertRoutedExactlyOnce(Topics topics, int enrichedCount) {
        String bootstrap = stack.bootstrapServers();
        Duration timeout = Duration.ofSeconds(120);
        Duration settle = Duration.ofSeconds(3);
        List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(bootstrap, topics.enriched().name(),
            new StringDeserializer(), topics.enriched().valueSerde().deserializer(), enrichedCount, timeout, settle);
        Map<String, EnrichedArticle> english = new TreeMap<>();
        Set<String> russian = new TreeSet<>();
        enriched.forEach(r -> {
            if (r.value().getLanguage().equals("en")) {
                english.put(r.key(), r.value());
            } else if (r.value().getLanguage().equals("ru")) {
                russian.add(r.key());
            }
        });
        assertTrue(!english.isEmpty() && !russian.isEmpty(), "the input should hold English and Russian articles");

        List<ConsumerRecord<String, EnrichedArticle>> routedEnglish = TopicReader.read(bootstrap, "eos.routed.english",
            new StringDeserializer(), topics.enriched().valueSerde().deserializer(), english.size(), timeout, settle);
        List<ConsumerRecord<String, JsonNode>> routedRussian = TopicReader.read(bootstrap, "eos.routed.russian",
            new StringDeserializer(), new JsonSerde().deserializer(), russian.size(), timeout, settle);
        log.info("Routes: {} English of {} enriched routed as Avro, {} Russian as JSON", routedEnglish.size(), enriched.size(),
            routedRussian.size());
        Map<String, Long> repeated = new TreeMap<>();
        routedEnglish.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()))
            .forEach((id, n) -> {
                if (n > 1) {
                    repeated.put("english " + id, n);
                }
            });
        routedRussian.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()))
            .forEach((id, n) -> {
                if (n > 1) {
                    repeated.put("russian " + id, n);
                }
            });
        assertEquals(Map.of(), repeated, "routed records repeated");
        assertEquals(english.keySet(), routedEnglish.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(TreeSet::new)),
            "English route");
        assertEquals(russian, routedRussian.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(TreeSet::new)),
            "Russian route");
        for (ConsumerRecord<String, EnrichedArticle> r : routedEnglish) {
            assertEquals(english.get(r.key()), r.value(), "a route copies the enriched record " + r.key());
        }
        return routedEnglish.size();
    }

    /** Records in a topic as a read_uncommitted consumer sees them: committed ones plus those of aborted transactions. */
    private static long countUncommitted(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** Sum of the group's committed offsets on the input topic: how many inputs it has processed and committed. */
    static long committedOffsets(Admin admin, String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            return -1; // broker restarting: no answer yet
        }
    }

    static void awaitProgress(LongSupplier consumed, long atLeast, ChildProcessor... running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long now = consumed.getAsLong();
        while (now < atLeast) {
            for (ChildProcessor p : running) {
                if (!p.isAlive()) {
                    fail("processor " + p.name + " exited by itself while " + now + " of " + atLeast + " inputs were done:\n" + p.logTail());
                }
            }
            if (System.nanoTime() > deadline) {
                fail("only " + now + " of " + atLeast + " inputs committed after 120 s; last log lines:\n"
                    + running[0].logTail());
            }
            Thread.sleep(100);
            now = consumed.getAsLong();
        }
        log.info("{} inputs committed (waited for {})", now, atLeast);
    }

    /** Waits until the group has {@code members} members and returns the input partitions of each. */
    private static Map<String, Set<Integer>> awaitAssignment(Admin admin, String group, String topic, int members,
                                                            ChildProcessor... running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Set<Integer>> last = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS);
                Map<String, Set<Integer>> byMember = new TreeMap<>();
                for (MemberDescription m : d.members()) {
                    byMember.put(m.consumerId(), m.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition)
                        .collect(Collectors.toCollection(TreeSet::new)));
                }
                last = byMember;
                if ("Stable".equalsIgnoreCase(d.groupState().toString()) && byMember.size() == members
                    && union(byMember.values()).size() == 4) {
                    return byMember;
                }
            } catch (Exception e) {
                // group not there yet
            }
            for (ChildProcessor p : running) {
                if (!p.isAlive()) {
                    fail("processor " + p.name + " exited by itself:\n" + p.logTail());
                }
            }
            Thread.sleep(200);
        }
        fail("the group never settled on " + members + " member(s); last assignment " + last + "\n" + running[0].logTail());
        return last;
    }

    private static Set<Integer> union(Collection<Set<Integer>> sets) {
        Set<Integer> all = new TreeSet<>();
        sets.forEach(all::addAll);
        return all;
    }

    /**
     * The test input, in sending order: distinct articles, exact copies of some of them (same text under
     * another URL, so another id) sent a little later, and bad records of three kinds.
     */
    record Inputs(List<RawArticle> articles, Map<String, String> copies, Map<String, byte[]> bad, Map<String, String> badStages,
                  List<Object> order) {
        static Inputs generate(int distinct, int copies, int badPerKind, long seed) throws IOException {
            SyntheticArticles synthetic = new SyntheticArticles(SAMPLES, 500, seed);
            List<RawArticle> originals = new ArrayList<>();
            for (int i = 0; i < distinct; i++) {
                originals.add(synthetic.next(i));
            }
            List<Object> order = new ArrayList<>(originals);
            List<RawArticle> all = new ArrayList<>(originals);
            Map<String, String> copyOf = new TreeMap<>();
            for (int i = 0; i < copies; i++) {
                RawArticle original = originals.get(i * (distinct / copies));
                Instant now = Instant.now();
                RawArticle copy = Articles.create("mirror", "mirror:" + i, "https://mirror.example.net/copy/" + seed + "/" + i,
                    original.getTitle(), original.getBody(), original.getPublishedAt(), now, null, Map.of());
                all.add(copy);
                copyOf.put(copy.getId(), original.getId());
                order.add(Math.min(order.size(), order.indexOf(original) + 50), copy);
            }
            Map<String, byte[]> bad = new TreeMap<>();
            Map<String, String> stages = new TreeMap<>();
            for (int i = 0; i < badPerKind; i++) {
                bad.put("bad-not-avro-" + i, ("<html>not avro " + i + "</html>").getBytes(StandardCharsets.UTF_8));
                stages.put("bad-not-avro-" + i, "deserialize");
                byte[] unknownId = WireFormat.header(900_000 + i);
                bad.put("bad-unknown-schema-" + i, concat(unknownId, new byte[] {2, 4, 6, 8}));
                stages.put("bad-unknown-schema-" + i, "deserialize");
                stages.put("bad-no-text-" + i, "clean");
            }
            int step = order.size() / (bad.size() + badPerKind + 1);
            int at = step;
            for (String key : new ArrayList<>(stages.keySet())) {
                order.add(Math.min(at, order.size()), key);
                at += step + 1;
            }
            return new Inputs(all, copyOf, bad, stages, order);
        }

        Set<String> goodIds() {
            return articles.stream().map(RawArticle::getId).collect(Collectors.toCollection(TreeSet::new));
        }

        int size() {
            return articles.size() + badStages.size();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = new byte[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    /**
     * Sends the inputs in order, {@code chunk} records every {@code pause}, from a background thread: good articles
     * through ingest's {@link ArticlePublisher} (idempotent, acks=all), bad records as raw bytes. It keeps going
     * through the broker restart (the producers retry for up to two minutes).
     */
    static final class Feeder implements AutoCloseable {
        final Topics topics;
        private final ArticlePublisher publisher;
        private final SerdeFactory serdes;
        private final KafkaProducer<String, byte[]> rawProducer;
        private final Inputs inputs;
        private final int chunk;
        private final Duration pause;
        private final CompletableFuture<Void> sent = new CompletableFuture<>();
        private Thread thread;

        /** @param connection bootstrap servers and registry URL ({@link KafkaStack#config}) */
        Feeder(Map<String, Object> connection, String prefix, int partitions, Inputs inputs, int chunk, Duration pause) {
            Map<String, Object> settings = new java.util.HashMap<>(connection);
            settings.put(WirestreamConfig.TOPIC_PREFIX, prefix);
            settings.put(WirestreamConfig.TOPIC_PARTITIONS, String.valueOf(partitions));
            IngestConfig config = new IngestConfig(settings);
            this.publisher = new ArticlePublisher(config);
            this.serdes = new SerdeFactory(config.registryConfigs());
            this.topics = new Topics(config.topicNames(), serdes);
            this.rawProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.get(WirestreamConfig.BOOTSTRAP_SERVERS),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
            this.inputs = inputs;
            this.chunk = chunk;
            this.pause = pause;
        }

        void start() {
            thread = new Thread(this::run, "feeder");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                String raw = topics.raw().name();
                var serializer = topics.raw().valueSerde().serializer();
                List<CompletableFuture<?>> acks = new ArrayList<>();
                int n = 0;
                for (Object item : inputs.order()) {
                    if (item instanceof RawArticle article) {
                        acks.add(publisher.publish(article));
                    } else {
                        String key = (String) item;
                        byte[] value = inputs.bad().containsKey(key) ? inputs.bad().get(key)
                            : serializer.serialize(raw, Articles.create("bad", key, null, null,
                                "Skip to main content\n0", null, Instant.now(), null, Map.of()));
                        CompletableFuture<Object> ack = new CompletableFuture<>();
                        rawProducer.send(new ProducerRecord<>(raw, key, value), (m, e) -> {
                            if (e == null) {
                                ack.complete(m);
                            } else {
                                ack.completeExceptionally(e);
                            }
                        });
                        acks.add(ack);
                    }
                    if (++n % chunk == 0) {
                        Thread.sleep(pause.toMillis());
                    }
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
                sent.complete(null);
            } catch (Exception e) {
                sent.completeExceptionally(e);
            }
        }

        void awaitSent() throws Exception {
            sent.get(3, TimeUnit.MINUTES);
        }

        @Override
        public void close() throws InterruptedException {
            if (thread != null) {
                thread.interrupt();
                thread.join(10_000);
            }
            publisher.close();
            rawProducer.close(Duration.ofSeconds(10));
            serdes.close();
        }
    }

    /** {@code wirestream process} in a child JVM with the test class path; its output goes to target/failover-it. */
    static final class ChildProcessor implements AutoCloseable {
        final String name;
        private final String appId;
        private final String prefix;
        private final String bootstrap;
        private final String registry;
        private final Path logFile;
        private final List<String> extraArgs;
        private Path stateDir;
        private Process process;
        private int kills;

        ChildProcessor(String name, String appId, String prefix, Path stateDir) throws IOException {
            this(name, appId, prefix, stateDir, stack.bootstrapServers(), stack.registryUrl(), List.of());
        }

        ChildProcessor(String name, String appId, String prefix, Path stateDir, List<String> extraArgs) throws IOException {
            this(name, appId, prefix, stateDir, stack.bootstrapServers(), stack.registryUrl(), extraArgs);
        }

        ChildProcessor(String name, String appId, String prefix, Path stateDir, String bootstrap, String registry,
                       List<String> extraArgs) throws IOException {
            this.bootstrap = bootstrap;
            this.registry = registry;
            this.extraArgs = List.copyOf(extraArgs);
            this.name = name;
            this.appId = appId;
            this.prefix = prefix;
            this.stateDir = stateDir;
            Files.createDirectories(LOGS);
            this.logFile = LOGS.resolve(name + ".log");
            Files.deleteIfExists(logFile);
        }

        void start() throws IOException {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "io.wirestream.cli.Wirestream", "process",
                "--bootstrap", bootstrap, "--registry", registry,
                "-D" + ProcessorConfig.APPLICATION_ID + "=" + appId,
                "-D" + ProcessorConfig.STATE_DIR + "=" + stateDir,
                "-D" + ProcessorConfig.TOPIC_PREFIX + "=" + prefix,
                "-D" + ProcessorConfig.TOPIC_CREATE + "=false",
                // the processors build their topology for this count and check it against the input topic
                "-D" + ProcessorConfig.TOPIC_PARTITIONS + "=" + INPUT_PARTITIONS,
                // a killed member leaves the group after 6 s (the broker's minimum) instead of 45 s
                "-Dkafka.session.timeout.ms=6000",
                "-Dkafka.heartbeat.interval.ms=1500",
                // and its open transaction is aborted after 5 s instead of 10 s
                "-Dkafka.transaction.timeout.ms=5000",
                // two instances on one machine: let each pick a free port for its metrics and health endpoints
                "-Dops.http.port=0"));
            command.addAll(extraArgs);
            Files.writeString(logFile, "=== start " + Instant.now() + " state " + stateDir + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            log.info("Started processor {} (pid {})", name, process.pid());
        }

        /** SIGKILL: no shutdown hook, no commit, no leave-group; whatever was in flight is abandoned. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("processor " + name + " survived SIGKILL");
            }
            kills++;
            log.info("Killed processor {} ({} kills)", name, kills);
        }

        void moveState(Path newDir) {
            this.stateDir = newDir;
        }

        int kills() {
            return kills;
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
