package io.wirestream.dedup.coordinator;

import java.util.List;
import java.util.Objects;

/**
 * What the arrival of an article at its home produced: either a re-delivery of an id decided before (its notice),
 * or an article that now waits for its verdict and the probes it sends out.
 *
 * @param redelivery   the notice naming the article as its own original, for a re-delivery; null otherwise
 * @param canonicalUrl the canonical URL of a waiting article, or null
 * @param fingerprint  the hex SHA-256 of its normalised text, or null
 * @param probes       its probes, one per partition that owns some of its index keys, as {@link DedupCoordinator#flush}
 *                     will send them in its batch; empty for a re-delivery
 */
public record Arrival(Notice redelivery, String canonicalUrl, String fingerprint, List<Probe> probes) {

    public Arrival {
        probes = List.copyOf(probes);
        if ((redelivery == null) == probes.isEmpty()) {
            throw new IllegalArgumentException("an arrival is a re-delivery or sends probes, not both or neither");
        }
    }

    public boolean isRedelivery() {
        return redelivery != null;
    }

    static Arrival redelivered(Notice notice) {
        return new Arrival(Objects.requireNonNull(notice, "notice"), null, null, List.of());
    }
}
