package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupHomeBatch;

/**
 * What a home step forwards (never serialised): a batch of CHECKED answers for another home, or the outcome of a
 * decided article. Exactly one is set.
 */
record HomeOutput(DedupHomeBatch reply, DedupOutcome outcome) {
    HomeOutput {
        if ((reply == null) == (outcome == null)) {
            throw new IllegalArgumentException("either a reply batch or an outcome");
        }
    }
}
