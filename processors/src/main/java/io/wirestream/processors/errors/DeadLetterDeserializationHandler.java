package io.wirestream.processors.errors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Policy for records that cannot be deserialised (not Avro, unknown schema id, wrong schema): log one
 * line naming the topic, partition, offset and reason, write a dead letter with the original bytes, and
 * go on with the next record. When the registry cannot be reached the record is not at fault: the stream
 * thread fails instead and is replaced, and the record is read again after the restart.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetterSender sender;

    @Override
    public void configure(Map<String, ?> configs) {
        sender = new DeadLetterSender(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception error) {
        if (TransientFailures.isTransient(error)) {
            log.error("Cannot deserialise {}-{}@{} because the registry is unavailable: {}; stopping the stream thread",
                record.topic(), record.partition(), record.offset(), error.getMessage());
            return Response.fail();
        }
        log.warn("Cannot deserialise {}-{}@{}: {}; sent to {}", record.topic(), record.partition(), record.offset(),
            error.getMessage(), sender.topic());
        return Response.resume(sender.deadLetter(ctx, record.key(), record.value(), DeadLetterSender.DESERIALIZE_STAGE, error));
    }
}
