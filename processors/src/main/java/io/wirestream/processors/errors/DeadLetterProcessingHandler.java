package io.wirestream.processors.errors;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Policy for a stage that throws on a record (bad content, a bug on an unexpected input): log one line,
 * write a dead letter holding the source record's original bytes, the stage (from the processor name,
 * see {@code PipelineStage}) and the reason, and go on. The record does not reach the later stages.
 * A failure that says nothing about the record ({@link TransientFailures}: the registry or the network is
 * unavailable) fails the stream thread instead, which the application replaces; the record is processed
 * again after the restart.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetterSender sender;

    @Override
    public void configure(Map<String, ?> configs) {
        sender = new DeadLetterSender(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception error) {
        String stage = DeadLetterSender.stageOf(ctx.processorNodeId());
        if (TransientFailures.isTransient(error)) {
            log.error("Stage {} cannot process {}-{}@{} because the registry or the network is unavailable: {}; "
                + "stopping the stream thread", stage, ctx.topic(), ctx.partition(), ctx.offset(), error.getMessage());
            return Response.fail();
        }
        log.warn("Stage {} failed on {}-{}@{} (key {}): {}; sent to {}", stage, ctx.topic(), ctx.partition(), ctx.offset(),
            record.key(), error.getMessage(), sender.topic());
        return Response.resume(sender.deadLetter(ctx, ctx.sourceRawKey(), ctx.sourceRawValue(), stage, error));
    }
}
