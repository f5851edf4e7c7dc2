package io.wirestream.ops.lag;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One consumer group at one poll: its state as the coordinator reports it, its partitions and its overall
 * verdict (the worst partition's).
 *
 * @param state   the coordinator's group state ({@code Stable}, {@code Empty}, {@code Dead}, ...)
 * @param members the number of active members
 */
public record GroupLag(String group, String state, int members, List<PartitionLag> partitions, Verdict verdict) {
    public GroupLag {
        if (group == null || state == null || verdict == null) {
            throw new IllegalArgumentException("group, state and verdict must not be null, were "
                + group + ", " + state + ", " + verdict);
        }
        if (members < 0) {
            throw new IllegalArgumentException("members must be >= 0, was " + members + " for group " + group);
        }
        partitions = List.copyOf(partitions);
    }

    public LagStatus status() {
        return verdict.status();
    }

    /** The sum of the known partition lags. */
    public long totalLag() {
        return partitions.stream().filter(p -> p.lag() != null).mapToLong(PartitionLag::lag).sum();
    }

    /** The largest known time lag over the partitions, empty when none is known. */
    public OptionalDouble maxTimeLagSeconds() {
        return partitions.stream().filter(p -> p.timeLag().isKnown()).mapToDouble(p -> p.timeLag().seconds()).max();
    }
}
