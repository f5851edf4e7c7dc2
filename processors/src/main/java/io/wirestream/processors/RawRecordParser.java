package io.wirestream.processors;

import io.wirestream.avro.DeadLetter;
import io.wirestream.avro.RawArticle;
import io.wirestream.core.DeadLetters;
import io.wirestream.ops.metrics.PipelineMetrics;
import io.wirestream.processors.errors.BoundedDeadLetters;
import io.wirestream.processors.errors.TransientFailures;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The first step of the pipeline: the bytes of a {@code news.raw} record become a {@link RawArticle}, or,
 * when they are not one (no key, not Avro, an unknown schema id, a truncated record), a dead letter with the
 * original bytes, the topic, partition and offset and the reason (stage {@value #STAGE}).
 *
 * <p>Why here and not in a {@code DeserializationExceptionHandler}: a record the handler rejects is skipped,
 * not processed, so its offset is committed only with the next record processed from that partition. Under
 * exactly-once, a crash after the transaction holding its dead letter committed but before that next commit
 * makes the restarted task read it again and write a second dead letter. Parsed in the topology, the bad
 * record is processed like any other: its dead letter and its offset commit in one transaction.
 *
 * <p>When the registry cannot be reached the record is not at fault: the exception propagates, the
 * processing exception handler fails the stream thread, and the record is read again after the restart.
 */
final class RawRecordParser implements Processor<byte[], byte[], String, RawRecordParser.Parsed> {
    static final String STAGE = "deserialize";
    private static final Logger log = LoggerFactory.getLogger(RawRecordParser.class);

    /** Exactly one of the two is meaningful: the article (null for a tombstone) unless there is a dead letter. */
    record Parsed(RawArticle article, DeadLetter deadLetter) {
    }

    private final Deserializer<RawArticle> deserializer;
    private final String applicationId;
    private final PipelineMetrics metrics;
    private final int deadLetterMaxBytes;
    private ProcessorContext<String, Parsed> context;

    RawRecordParser(Deserializer<RawArticle> deserializer, String applicationId, PipelineMetrics metrics, int deadLetterMaxBytes) {
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.deadLetterMaxBytes = deadLetterMaxBytes;
    }

    @Override
    public void init(ProcessorContext<String, Parsed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        RecordMetadata where = context.recordMetadata().orElseThrow(
            () -> new IllegalStateException("a news.raw record without topic, partition and offset"));
        RawArticle article;
        try {
            if (key == null) {
                // every later stage keys by the article id, so a keyless record could only fail there, less clearly
                throw new IllegalArgumentException("a news.raw record has no key: the key must be the article id");
            }
            article = deserializer.deserialize(where.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            log.warn("Cannot deserialise {}-{}@{}: {}; sent to the dead-letter topic", where.topic(), where.partition(),
                where.offset(), e.getMessage());
            metrics.deadLetter(STAGE);
            DeadLetter letter = BoundedDeadLetters.of(record.key(), record.value(),
                DeadLetters.Source.kafka(where.topic(), where.partition(), where.offset()), STAGE, e, applicationId, Instant.now(),
                deadLetterMaxBytes);
            context.forward(record.withKey(key).withValue(new Parsed(null, letter)));
            return;
        }
        context.forward(record.withKey(key).withValue(new Parsed(article, null)));
    }
}
