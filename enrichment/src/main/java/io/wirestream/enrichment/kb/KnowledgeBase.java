package io.wirestream.enrichment.kb;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Known entities and the index of their names. Entries can be added, replaced and removed while
 * texts are being linked (the stream processor feeds it from the compacted {@code news.kb} topic);
 * a text linked during an update sees the knowledge base either before or after each single entry.
 */
public final class KnowledgeBase {

    private final Map<String, KbEntity> byId = new ConcurrentHashMap<>();
    private final NameIndex index;
    private final String version;

    private KnowledgeBase(Morphology morphology, String version) {
        this.index = new NameIndex(morphology);
        this.version = Objects.requireNonNull(version, "version must not be null");
    }

    /** An empty knowledge base. */
    public static KnowledgeBase empty() {
        return new KnowledgeBase(Morphology.shared(), "empty");
    }

    /** The knowledge base shipped with Wirestream ({@link BundledKnowledgeBase}). */
    public static KnowledgeBase bundled() {
        KnowledgeBase kb = new KnowledgeBase(Morphology.shared(), BundledKnowledgeBase.VERSION);
        BundledKnowledgeBase.load().forEach(kb::put);
        return kb;
    }

    /** Adds the entity, or replaces the entity with the same id (its old names are forgotten). */
    public synchronized void put(KbEntity entity) {
        Objects.requireNonNull(entity, "entity must not be null");
        KbEntity old = byId.put(entity.id(), entity);
        if (old != null) {
            old.allNames().forEach(n -> index.remove(n, old.id()));
        }
        entity.allNames().forEach(n -> index.add(n, entity.id()));
    }

    public void putAll(Collection<KbEntity> entities) {
        entities.forEach(this::put);
    }

    /** Removes the entity with this id; true if there was one. */
    public synchronized boolean remove(String id) {
        KbEntity old = byId.remove(id);
        if (old == null) {
            return false;
        }
        old.allNames().forEach(n -> index.remove(n, old.id()));
        return true;
    }

    public Optional<KbEntity> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    /** Version of the bundled resource this knowledge base started from ({@code empty} if none). */
    public String version() {
        return version;
    }

    /** Per-word match keys of a tokenised text, computed once and passed to {@link #longestName}. */
    public List<List<String>> keys(List<Token> tokens) {
        // Computed on first use: most words (lower-case ones) are never looked at.
        @SuppressWarnings("unchecked")
        List<String>[] memo = new List[tokens.size()];
        return new java.util.AbstractList<>() {
            @Override
            public List<String> get(int i) {
                List<String> k = memo[i];
                if (k == null) {
                    k = index.textKeys(tokens.get(i));
                    memo[i] = k;
                }
                return k;
            }

            @Override
            public int size() {
                return memo.length;
            }
        };
    }

    /** A known name found in a text: the words it spans and the entities that bear it. */
    public record NameMatch(int words, List<KbEntity> entities) {
    }

    /** The longest known name starting at word {@code start}, if any. */
    public Optional<NameMatch> longestName(List<List<String>> keys, int start) {
        NameIndex.Hit hit = index.longest(keys, start);
        if (hit == null) {
            return Optional.empty();
        }
        List<KbEntity> entities = new java.util.ArrayList<>(hit.ids().size());
        for (String id : hit.ids()) {
            KbEntity e = byId.get(id);
            if (e != null) {
                entities.add(e);
            }
        }
        return entities.isEmpty() ? Optional.empty() : Optional.of(new NameMatch(hit.words(), List.copyOf(entities)));
    }
}
