package io.wirestream.dedup.coordinator;

import java.util.ArrayList;
import java.util.List;

/**
 * The articles waiting for their verdicts at one home, by id. The streaming stage keeps them in a Kafka Streams
 * store with a changelog, one record per batch; {@link InMemoryWaitingArticles} keeps them in a map.
 */
public interface WaitingArticles {

    /** @return the waiting article, or null when this id is not waiting */
    Waiting get(String articleId);

    void put(Waiting waiting);

    void remove(String articleId);

    /** @return every waiting article (a snapshot: the caller may remove while going through it) */
    List<Waiting> all();

    /**
     * The payload the article was parked with. A store may keep payloads apart from the waiting state, so that the
     * many updates of the state while answers come in do not rewrite the articles: it then returns waiting articles
     * without their payload from {@link #get}, keeps the payload of the first {@link #put}, and gives it here.
     *
     * @return the payload, or null when the article was parked without one
     */
    default byte[] payload(Waiting waiting) {
        return waiting.payload();
    }

    /** @return the waiting articles whose probes have not gone out yet, in the order they arrived */
    default List<Waiting> unsent() {
        List<Waiting> out = new ArrayList<>();
        for (Waiting w : all()) {
            if (!w.sent()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Like {@link #unsent()}, within one batch. A store that keeps its articles by batch reads that batch only, not
     * every waiting article.
     *
     * @return the waiting articles of batch {@code batch} whose probes have not gone out yet, in the order they arrived
     */
    default List<Waiting> unsent(long batch) {
        List<Waiting> out = new ArrayList<>();
        for (Waiting w : unsent()) {
            if (w.batch() == batch) {
                out.add(w);
            }
        }
        return out;
    }
}
