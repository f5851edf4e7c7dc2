package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupGather;
import io.wirestream.dedup.coordinator.Waiting;
import io.wirestream.dedup.coordinator.WaitingArticles;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The coordinator's waiting articles on the {@code dedup-gather} store (RocksDB with a changelog). */
final class StoreWaitingArticles implements WaitingArticles {

    private final KeyValueStore<String, DedupGather> store;

    StoreWaitingArticles(KeyValueStore<String, DedupGather> store) {
        this.store = store;
    }

    @Override
    public Waiting get(String articleId) {
        DedupGather g = store.get(articleId);
        return g == null ? null : DedupMessages.fromAvro(g);
    }

    @Override
    public void put(Waiting waiting) {
        store.put(waiting.id(), DedupMessages.toAvro(waiting));
    }

    @Override
    public void remove(String articleId) {
        store.delete(articleId);
    }

    @Override
    public List<Waiting> all() {
        List<Waiting> out = new ArrayList<>();
        try (KeyValueIterator<String, DedupGather> it = store.all()) {
            it.forEachRemaining(kv -> out.add(DedupMessages.fromAvro(kv.value)));
        }
        return out;
    }
}
