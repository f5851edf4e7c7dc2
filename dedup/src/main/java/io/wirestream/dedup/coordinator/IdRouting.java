package io.wirestream.dedup.coordinator;

/**
 * Where an article id lives: the partition that holds its signature and where it waits for its verdict. The
 * streaming stage gives the partition the producer's default partitioner picks for the id (that of the input
 * topic, keyed by id); tests give any fixed function.
 *
 * <p>Contract: a pure function of the id, the same on every instance.
 */
@FunctionalInterface
public interface IdRouting {

    /** @return the partition (0-based) of this article id */
    int homeOf(String articleId);
}
