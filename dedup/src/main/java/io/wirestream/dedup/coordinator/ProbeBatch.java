package io.wirestream.dedup.coordinator;

import java.util.List;

/**
 * The probes of every article of one batch whose keys live on one index partition: one message per (home
 * partition, batch, index partition) instead of one per article.
 *
 * @param home      the partition of the articles' ids, where their answers go
 * @param batch     the batch id, unique per home partition (see {@link DedupCoordinator#arrive})
 * @param partition the index partition that owns every key of every probe
 * @param probes    one per article of the batch with keys there, at least one
 */
public record ProbeBatch(int home, long batch, int partition, List<Probe> probes) {

    public ProbeBatch {
        probes = List.copyOf(probes);
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("a probe batch carries at least one probe");
        }
    }
}
