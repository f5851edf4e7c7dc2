package io.wirestream.dedup.coordinator;

import java.util.List;

/**
 * Every message for one home partition that one step produced: checks of candidates living there and answers to
 * articles waiting there. Receiving it twice is harmless ({@link DedupCoordinator#receive}).
 *
 * @param home    the partition of the ids the checks and answers are about
 * @param checks  checks of candidates whose id lives on {@code home}
 * @param answers answers to articles whose id lives on {@code home}
 */
public record HomeBatch(int home, List<Check> checks, List<Answer> answers) {

    public HomeBatch {
        checks = List.copyOf(checks);
        answers = List.copyOf(answers);
    }

    public boolean isEmpty() {
        return checks.isEmpty() && answers.isEmpty();
    }
}
