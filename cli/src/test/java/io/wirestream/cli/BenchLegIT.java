package io.wirestream.cli;

import io.wirestream.testkit.KafkaStack;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bench's pass-through leg on a real broker: after a warm-up round, rounds of a pre-filled input are
 * processed without a single producer retry. Producing the round while the transactional pass-through ran
 * (the bench's earlier method) made its producer retry: with transactions v2 the next transaction's first
 * batch met the previous one still completing (CONCURRENT_TRANSACTIONS) and the batches behind it were
 * rejected as out of sequence, so the denominator of the ratio measured the disturbance.
 */
@Timeout(180)
class BenchLegIT {
    @RegisterExtension
    static final KafkaStack stack = new KafkaStack();

    @Test
    void shouldMeasureRoundsOfAPreFilledInputWithoutProducerRetries() throws Exception {
        String in = BenchCommand.PASS_IN;
        String out = BenchCommand.PASS_OUT;
        int warmUp = 1;
        stack.createTopics(List.of(in, out), 6);
        SyntheticArticles generator = new SyntheticArticles(Path.of("..", "samples", "articles"), 4096, 7);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add(generator.next(i).getBody().getBytes(StandardCharsets.UTF_8));
        }
        int records = 20_000;
        try (KafkaStreams passThrough = BenchCommand.passThrough(stack.bootstrapServers(), 1, in, out)) {
            BenchCommand.start(passThrough, "pass-through");
            try (BenchLeg leg = new BenchLeg("pass-through", passThrough, true, stack.bootstrapServers(),
                in, List.of(out))) {
                for (int w = 0; w < warmUp; w++) {
                    leg.run(-w, records, i -> values.get(i % values.size()));
                }
                List<Long> retries = new ArrayList<>();
                for (int round = 1; round <= 3; round++) {
                    BenchLeg.Round r = leg.run(round, records, i -> values.get(i % values.size()));
                    assertEquals(records, r.records());
                    retries.add(r.producerRetries());
                }
                assertEquals(List.of(0L, 0L, 0L), retries, "producer retries of the pass-through in each measured round");
                assertEquals((3L + warmUp) * records, leg.sent());
            }
        }
    }
}
