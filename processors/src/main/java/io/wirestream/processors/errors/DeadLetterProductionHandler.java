package io.wirestream.processors.errors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Policy for records that cannot be written. Permanent, per-record failures (a value that cannot be
 * serialised, a record larger than the producer or topic accepts) go to the dead-letter topic with the
 * source record's original bytes and the application goes on. Anything else (authorisation, a broker
 * that keeps failing) stops the stream thread: retrying it record by record would lose order, and the
 * restart resumes from the last committed transaction, so nothing is lost.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetterSender sender;

    @Override
    public void configure(Map<String, ?> configs) {
        sender = new DeadLetterSender(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, ProducerRecord<byte[], byte[]> record, Exception error) {
        if (error instanceof RecordTooLargeException) {
            log.warn("Record for {} from {}-{}@{} is too large: {}; sent to {}", record.topic(), ctx.topic(), ctx.partition(),
                ctx.offset(), error.getMessage(), sender.topic());
            return Response.resume(sender.deadLetter(ctx, ctx.sourceRawKey(), ctx.sourceRawValue(), DeadLetterSender.PRODUCE_STAGE, error));
        }
        log.error("Cannot write to {} from {}-{}@{}: {}; stopping the stream thread", record.topic(), ctx.topic(),
            ctx.partition(), ctx.offset(), error.toString());
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext ctx, ProducerRecord record, Exception error,
                                             SerializationExceptionOrigin origin) {
        if (TransientFailures.isTransient(error)) {
            log.error("Cannot serialise a record for {}: the registry is unavailable: {}; stopping the stream thread",
                record.topic(), error.getMessage());
            return Response.fail();
        }
        log.warn("Cannot serialise the {} of a record for {} from {}-{}@{}: {}; sent to {}", origin, record.topic(),
            ctx.topic(), ctx.partition(), ctx.offset(), error.getMessage(), sender.topic());
        return Response.resume(sender.deadLetter(ctx, ctx.sourceRawKey(), ctx.sourceRawValue(), DeadLetterSender.PRODUCE_STAGE, error));
    }
}
