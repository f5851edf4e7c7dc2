package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupWaitingBatch;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value bytes of {@code dedup-waiting}: a {@link DedupWaitingBatch} in the stage's Avro serde, called with the
 * name of the store's changelog topic, as the store itself would call it. The store keeps these bytes as they are,
 * so its records and its changelog are byte for byte those of a store with the Avro serde; it keeps bytes so that
 * {@link StoreWaitingArticles} can tell whether a batch changed since it last decoded it.
 *
 * <p>Limit: the topic is Kafka Streams' name for the changelog of a store, {@code <application.id>-<store>-changelog}
 * (its default; the stage sets no internal topic prefix). The serde registers the schema under that topic's subject.
 */
final class WaitingBatchCodec {

    private final String topic;
    private final Serializer<DedupWaitingBatch> serializer;
    private final Deserializer<DedupWaitingBatch> deserializer;

    WaitingBatchCodec(Serde<DedupWaitingBatch> serde, String applicationId) {
        this.topic = changelogTopic(Objects.requireNonNull(applicationId, "applicationId"));
        this.serializer = serde.serializer();
        this.deserializer = serde.deserializer();
    }

    static String changelogTopic(String applicationId) {
        return applicationId + "-" + Deduplication.WAITING_STORE + "-changelog";
    }

    byte[] encode(DedupWaitingBatch batch) {
        return serializer.serialize(topic, batch);
    }

    DedupWaitingBatch decode(byte[] bytes) {
        return deserializer.deserialize(topic, bytes);
    }
}
