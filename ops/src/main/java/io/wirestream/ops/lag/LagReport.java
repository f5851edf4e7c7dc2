package io.wirestream.ops.lag;

import java.util.List;
import java.util.Optional;

/** The result of one poll of the cluster: every group watched, sorted by group id. */
public record LagReport(long timeMs, List<GroupLag> groups) {
    public LagReport {
        if (timeMs < 0) {
            throw new IllegalArgumentException("timeMs must be >= 0 (epoch milliseconds), was " + timeMs);
        }
        groups = List.copyOf(groups);
    }

    public Optional<GroupLag> group(String groupId) {
        return groups.stream().filter(g -> g.group().equals(groupId)).findFirst();
    }
}
