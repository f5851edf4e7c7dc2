package io.wirestream.dedup.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link WaitingArticles} in a map, in the order articles started waiting. Not thread-safe. */
public final class InMemoryWaitingArticles implements WaitingArticles {

    private final Map<String, Waiting> byId = new LinkedHashMap<>();

    @Override
    public Waiting get(String articleId) {
        return byId.get(articleId);
    }

    @Override
    public void put(Waiting waiting) {
        byId.put(waiting.id(), waiting);
    }

    @Override
    public void remove(String articleId) {
        byId.remove(articleId);
    }

    @Override
    public List<Waiting> all() {
        return new ArrayList<>(byId.values());
    }

    public int size() {
        return byId.size();
    }
}
