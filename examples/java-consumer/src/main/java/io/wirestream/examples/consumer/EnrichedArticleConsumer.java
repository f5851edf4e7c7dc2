package io.wirestream.examples.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.registry.serde.SpecificAvroSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Wirestream's enriched articles and prints one JSON line per article on stdout.
 *
 * <p>What a consumer of {@code news.enriched} needs, and nothing else:
 * <ul>
 *   <li>{@code isolation.level=read_committed}: the processors write in transactions (exactly once); without it a
 *       consumer can see records of transactions that were aborted and written again;</li>
 *   <li>the value deserializer of Wirestream's registry module with the generated {@link EnrichedArticle}: each
 *       value names its writer schema by id, and the deserializer resolves it to the schema this consumer was
 *       compiled with, so it keeps reading when the pipeline's schema evolves (BACKWARD);</li>
 *   <li>nothing for zstd: the Java client decompresses it itself.</li>
 * </ul>
 * Offsets are committed after the records of a poll have been handled (at least once: after a crash, the
 * records since the last commit are handled again; the article id, the key, makes that idempotent).
 *
 * <p>Usage: {@code java -jar wirestream-example-java-consumer.jar [--topic T] [--group G] [--max-idle SECONDS]},
 * with {@code WIRESTREAM_BOOTSTRAP} and {@code WIRESTREAM_REGISTRY} set as for Wirestream itself.
 */
public final class EnrichedArticleConsumer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, EnrichedArticle> consumer;
    private final SpecificAvroSerde<EnrichedArticle> values;
    private final String topic;

    public EnrichedArticleConsumer(String bootstrap, String registryUrl, String topic, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        values = new SpecificAvroSerde<>(EnrichedArticle.class);
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values.deserializer());
        this.topic = topic;
    }

    /**
     * Prints each article as one JSON line until {@code maxIdle} passes without a new one (null: until
     * {@link #wakeup()}); returns how many it printed.
     */
    public int run(PrintStream out, Duration maxIdle) {
        consumer.subscribe(List.of(topic));
        int printed = 0;
        long idleSince = System.nanoTime();
        try {
            while (maxIdle == null || System.nanoTime() - idleSince < maxIdle.toNanos()) {
                ConsumerRecords<String, EnrichedArticle> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, EnrichedArticle> record : records) {
                    out.println(line(record));
                    printed++;
                }
                out.flush();
                consumer.commitSync();
                idleSince = System.nanoTime();
            }
        } catch (WakeupException stopping) {
            // wakeup() was called: stop
        }
        return printed;
    }

    /** Makes a running {@link #run} return (thread-safe). */
    public void wakeup() {
        consumer.wakeup();
    }

    /** What the example prints of an article; the other fields are there too (see EnrichedArticle.avsc). */
    static String line(ConsumerRecord<String, EnrichedArticle> record) {
        EnrichedArticle a = record.value();
        ObjectNode n = JSON.createObjectNode();
        n.put("topic", record.topic());
        n.put("partition", record.partition());
        n.put("offset", record.offset());
        n.put("key", record.key());
        n.put("id", a.getId());
        n.put("title", a.getTitle());
        n.put("language", a.getLanguage());
        n.put("dedup", a.getDedup().getStatus().name());
        if (a.getPublishedAt() == null) {
            n.putNull("publishedAt");
        } else {
            n.put("publishedAt", a.getPublishedAt().toEpochMilli());
        }
        ArrayNode entities = n.putArray("entities");
        for (Entity e : a.getEntities()) {
            entities.add(e.getId());
        }
        return n.toString();
    }

    @Override
    public void close() {
        consumer.close();
        values.close();
    }

    public static void main(String[] args) {
        String topic = "news.enriched";
        String group = "example-java-consumer";
        Duration maxIdle = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--topic" -> topic = required(args[i], value);
                case "--group" -> group = required(args[i], value);
                case "--max-idle" -> maxIdle = Duration.ofMillis((long) (Double.parseDouble(required(args[i], value)) * 1000));
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: [--topic T] [--group G] [--max-idle SECONDS]");
                    System.exit(2);
                }
            }
            i++;
        }
        String bootstrap = environment("WIRESTREAM_BOOTSTRAP");
        String registry = environment("WIRESTREAM_REGISTRY");
        try (EnrichedArticleConsumer consumer = new EnrichedArticleConsumer(bootstrap, registry, topic, group)) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            int printed = consumer.run(System.out, maxIdle);
            System.err.println(printed + " articles read from " + topic);
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println("set " + name + " (as for bin/wirestream)");
            System.exit(2);
        }
        return value;
    }
}
