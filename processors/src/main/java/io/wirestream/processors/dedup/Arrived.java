package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupProbeBatch;

/**
 * What the scatter step forwards (never serialised): a probe batch for an index partition, or an outcome (a
 * re-delivery, or an article given up after the timeout). Exactly one is set.
 */
record Arrived(DedupProbeBatch probes, DedupOutcome outcome) {
    Arrived {
        if ((probes == null) == (outcome == null)) {
            throw new IllegalArgumentException("either a probe batch or an outcome");
        }
    }
}
