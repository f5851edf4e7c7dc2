package io.wirestream.cli;

import io.wirestream.core.ConnectionOptions;
import io.wirestream.avro.kb.KbEntry;
import io.wirestream.core.SerdeFactory;
import io.wirestream.core.WirestreamConfig;
import io.wirestream.enrichment.kb.BundledKnowledgeBase;
import io.wirestream.enrichment.kb.JrcNamesParser;
import io.wirestream.enrichment.kb.KbEntity;
import io.wirestream.enrichment.kb.WikidataDumpParser;
import io.wirestream.processors.enrich.KbRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Fills the knowledge-base topic ({@code <prefix>.kb}, compacted, keyed by entity id) from a public
 * name list in its published format, or from the knowledge base bundled with Wirestream. Running
 * processors pick the entries up without a restart. Files ending in {@code .gz} are read compressed;
 * the file is streamed, so lists of millions of names need little memory.
 */
@Command(name = "kb-load", mixinStandardHelpOptions = true,
    description = {"Load knowledge-base entities into <prefix>.kb from a JRC-Names file, a Wikidata JSON dump, or the bundled list.",
        "Entities replace earlier ones of the same id; running processors apply them without a restart."})
final class KbLoadCommand implements Callable<Integer> {

    enum Format { jrc, wikidata, bundled }

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "Input format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--file", paramLabel = "FILE", description = "The name list (.gz read compressed); not used with --format bundled.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (format != Format.bundled && file == null) {
            spec.commandLine().getErr().println("--file is required with --format " + format);
            return Wirestream.EXIT_USAGE;
        }
        LoadConfig config = new LoadConfig(connection.resolve(System.getenv()));
        String topic = config.topicNames().knowledgeBase();
        if (config.createTopics()) {
            io.wirestream.core.TopicProvisioner.ensure(config.kafkaClientConfigs(),
                io.wirestream.core.TopicProvisioner.definitions(config.topicNames(), config.topicSettings()), java.time.Duration.ofSeconds(30));
        }
        Map<String, Object> producerConfig = new HashMap<>(config.kafkaClientConfigs());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] sent = {0};
        String source = format == Format.jrc ? "jrc-names" : format.name();
        try (SerdeFactory serdes = new SerdeFactory(config.registryConfigs());
             KafkaProducer<String, KbEntry> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                 (Serializer<KbEntry>) serdes.forValues(KbEntry.class).serializer())) {
            Consumer<KbEntity> sink = entity -> {
                producer.send(new ProducerRecord<>(topic, entity.id(), KbRecords.toRecord(entity, source)), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                sent[0]++;
            };
            String summary = switch (format) {
                case bundled -> {
                    BundledKnowledgeBase.load().forEach(sink);
                    yield "bundled knowledge base " + BundledKnowledgeBase.VERSION;
                }
                case jrc -> {
                    try (Reader r = open(file)) {
                        JrcNamesParser.Counts c = JrcNamesParser.parse(r, sink);
                        yield c.names() + " names, " + c.skippedLines() + " lines skipped";
                    }
                }
                case wikidata -> {
                    try (Reader r = open(file)) {
                        WikidataDumpParser.Counts c = WikidataDumpParser.parse(r, sink);
                        yield c.skipped() + " items skipped (not a person, place or organisation)";
                    }
                }
            };
            producer.flush();
            if (failure.get() != null) {
                spec.commandLine().getErr().println("kb-load failed: " + failure.get().getMessage());
                return Wirestream.EXIT_FAILURE;
            }
            spec.commandLine().getOut().printf("kb-load: %d entities to %s (%s)%n", sent[0], topic, summary);
            return Wirestream.EXIT_OK;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("kb-load: invalid input: " + e.getMessage());
            return Wirestream.EXIT_INVALID_INPUT;
        }
    }

    private static Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The shared connection and topic keys; kb-load has none of its own. */
    static final class LoadConfig extends WirestreamConfig {
        LoadConfig(Map<?, ?> originals) {
            super(WirestreamConfig.commonDefinition(), originals);
        }
    }
}
