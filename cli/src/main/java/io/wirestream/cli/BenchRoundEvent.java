package io.wirestream.cli;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * Marks one measured bench round in a flight recording (costs nothing without one), so that CPU can be
 * attributed to the rounds of each leg only, without start-up, article generation and filling the input.
 * The name is what {@code CpuByThreadGroup} in the benchmarks module looks for.
 */
@Name("io.wirestream.BenchRound")
@Label("Bench round")
@Category("Wirestream")
@Description("One measured round of wirestream bench: from resuming the application to its last output record")
final class BenchRoundEvent extends Event {
    @Label("Leg")
    String leg;

    @Label("Round")
    int round;

    @Label("Records")
    long records;
}
