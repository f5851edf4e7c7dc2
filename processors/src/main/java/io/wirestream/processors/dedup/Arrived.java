package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupProbe;

/**
 * What the scatter step forwards (never serialised): a probe for the partition of its keys, or the outcome of a
 * re-delivery. Exactly one is set.
 */
record Arrived(DedupProbe probe, DedupOutcome redelivery) {
    Arrived {
        if ((probe == null) == (redelivery == null)) {
            throw new IllegalArgumentException("either a probe or a re-delivery outcome");
        }
    }
}
