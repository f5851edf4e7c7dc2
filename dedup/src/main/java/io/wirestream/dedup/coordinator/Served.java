package io.wirestream.dedup.coordinator;

import java.util.List;
import java.util.Objects;

/**
 * What an index partition sends after serving a probe.
 *
 * @param checks one per distinct candidate found under the probe's keys, each to the candidate's home
 * @param answer the PROBED answer to the probing article's home, always
 */
public record Served(List<Check> checks, Answer answer) {

    public Served {
        checks = List.copyOf(checks);
        Objects.requireNonNull(answer, "answer");
    }
}
