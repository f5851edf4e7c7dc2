package io.wirestream.ingest.source;

import io.wirestream.core.TopicProvisioner;
import io.wirestream.ingest.IngestConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PublishedItems} that survive restarts, in the compacted topic {@code <prefix>.ingest-state}
 * (one partition). Record key: {@code <32-hex item hash> <source name>}; value: when it was published
 * (ISO-8601), or null (a tombstone) once the item is forgotten to stay within the per-source bound, so
 * compaction keeps the topic as small as the memory. The topic is read from the start when opened;
 * writes are asynchronous and flushed on {@link #flush()} and {@link #close()}.
 *
 * <p>Why a topic rather than a local file: the ingest service can move between machines or containers
 * with no volume, and Kafka is the one store it already needs. A write lost in a crash only means an
 * item may be published again, which downstream dedup absorbs.
 */
public final class KafkaPublishedItems implements PublishedItems {
    private static final Logger log = LoggerFactory.getLogger(KafkaPublishedItems.class);
    private static final int HASH_CHARS = 32;

    private final String topic;
    private final Clock clock;
    private final BoundedItemSets sets;
    private final KafkaProducer<String, String> producer;

    private KafkaPublishedItems(String topic, Clock clock, BoundedItemSets sets, KafkaProducer<String, String> producer) {
        this.topic = topic;
        this.clock = clock;
        this.sets = sets;
        this.producer = producer;
    }

    /** Creates the topic when missing (if topic creation is on), reads it to its end, and opens the writer. */
    public static KafkaPublishedItems open(IngestConfig config, Clock clock, Duration timeout) {
        String topic = config.stateTopic();
        int max = config.getInt(IngestConfig.STATE_MAX_ITEMS);
        if (config.createTopics()) {
            TopicProvisioner.ensure(config.kafkaClientConfigs(),
                List.of(TopicProvisioner.ingestState(config.topicNames(), config.topicSettings())), timeout);
        }
        BoundedItemSets sets = new BoundedItemSets(max);
        int loaded = load(config, topic, sets, timeout);
        Map<String, Object> p = new HashMap<>(config.kafkaClientConfigs());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.getString(IngestConfig.CLIENT_ID) + "-state");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        log.info("Loaded {} remembered items from {}", loaded, topic);
        return new KafkaPublishedItems(topic, clock, sets, producer);
    }

    private static int load(IngestConfig config, String topic, BoundedItemSets sets, Duration timeout) {
        Map<String, Object> c = new HashMap<>(config.kafkaClientConfigs());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getString(IngestConfig.CLIENT_ID) + "-state-loader");
        int records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            // A topic created a moment ago may not be in the metadata yet.
            while ((infos == null || infos.isEmpty()) && System.nanoTime() < deadline) {
                sleep(100);
                infos = consumer.partitionsFor(topic, timeout);
            }
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("state topic " + topic + " does not exist (create it, compacted, or set topic.create=true)");
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read state topic " + topic + " to its end within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    String key = r.key();
                    if (key == null || key.length() < HASH_CHARS + 2) {
                        continue;
                    }
                    String hash = key.substring(0, HASH_CHARS);
                    String source = key.substring(HASH_CHARS + 1);
                    if (r.value() == null) {
                        sets.remove(source, hash);
                    } else {
                        sets.add(source, hash);
                    }
                }
            }
        }
        return records;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the state topic", e);
        }
    }

    @Override
    public synchronized boolean contains(String source, String itemKey) {
        return sets.contains(source, BoundedItemSets.hash(itemKey));
    }

    @Override
    public synchronized void remember(String source, String itemKey) {
        String hash = BoundedItemSets.hash(itemKey);
        Optional<String> forgotten = sets.add(source, hash);
        send(hash + " " + source, clock.instant().toString());
        forgotten.ifPresent(old -> send(old + " " + source, null));
    }

    private void send(String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value), (m, e) -> {
            if (e != null) {
                log.warn("Could not record ingest state {} in {}: {} (the item may be published again after a restart)",
                    key, topic, e.getMessage());
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
