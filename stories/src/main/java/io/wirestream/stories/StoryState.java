package io.wirestream.stories;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An open story as the index holds it: what is shown of it (times, count, languages, titles, entities,
 * latest articles, stories it absorbed) and its evidence keys with their weights. Changed only by
 * {@link StoryLinker}; readers get copies.
 */
public final class StoryState {
    private final String id;
    private long firstSeen;
    private long lastSeen;
    private long lastArrival;
    private int articleCount;
    // package-private for StoryCodec, which writes them without copies; changed only here
    final Map<String, Integer> languages;
    final Map<String, String> titles;
    final Map<String, EntityTotal> entities;
    final Deque<String> latestArticles;
    final List<String> absorbed;
    /** Evidence key to weight in (0, 1]: the heaviest weight any article gave it. */
    final Map<String, Float> keys;
    /** The story's slot in its linker's {@link StorySlots} while open there, else -1. */
    int slot = -1;
    /**
     * Whether every entity that was in {@link #entities} at the last {@link #retainEntitiesOfKeys} call held its key
     * then; false until the first call (a new or decoded story), when all entities are checked.
     */
    private boolean entitiesChecked;
    /** Ids of the entities added since the last {@link #retainEntitiesOfKeys} call; kept only once entities are checked. */
    private List<String> uncheckedEntities;
    /**
     * Once entities are checked: the checked entities whose key is not {@code e:<id>} (unknown names, keyed by their
     * skeleton), by key, so that a dropped key finds them without looking up every entity.
     */
    private Map<String, List<String>> entitiesByOtherKey;

    /** What the story knows of an entity: its name and the sum of its salience over the story's articles. */
    public record EntityTotal(String id, String name, double salienceSum) {
    }

    /** Higher salience sum first, then by id: a total order, as the ids of a story's entities differ. */
    static final Comparator<EntityTotal> MORE_SALIENT =
            Comparator.comparingDouble(EntityTotal::salienceSum).reversed().thenComparing(EntityTotal::id);

    StoryState(String id, long firstSeen, long lastSeen, long lastArrival, int articleCount, Map<String, Integer> languages, Map<String, String> titles,
               Map<String, EntityTotal> entities, List<String> latestArticles, List<String> absorbed, Map<String, Float> keys) {
        this(id, firstSeen, lastSeen, lastArrival, articleCount, new LinkedHashMap<>(languages), new LinkedHashMap<>(titles),
                new LinkedHashMap<>(entities), new ArrayDeque<>(latestArticles), new ArrayList<>(absorbed), new LinkedHashMap<>(keys));
    }

    private StoryState(String id, long firstSeen, long lastSeen, long lastArrival, int articleCount, LinkedHashMap<String, Integer> languages,
                       LinkedHashMap<String, String> titles, LinkedHashMap<String, EntityTotal> entities, ArrayDeque<String> latestArticles,
                       ArrayList<String> absorbed, LinkedHashMap<String, Float> keys) {
        this.id = Objects.requireNonNull(id, "story id");
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.lastArrival = lastArrival;
        this.articleCount = articleCount;
        this.languages = languages;
        this.titles = titles;
        this.entities = entities;
        this.latestArticles = latestArticles;
        this.absorbed = absorbed;
        this.keys = keys;
    }

    /** A story that takes the given collections as its own, without copying them (for {@link StoryCodec#decode}). */
    static StoryState adopting(String id, long firstSeen, long lastSeen, long lastArrival, int articleCount,
                               LinkedHashMap<String, Integer> languages, LinkedHashMap<String, String> titles,
                               LinkedHashMap<String, EntityTotal> entities, ArrayDeque<String> latestArticles, ArrayList<String> absorbed,
                               LinkedHashMap<String, Float> keys) {
        return new StoryState(id, firstSeen, lastSeen, lastArrival, articleCount, languages, titles, entities, latestArticles, absorbed, keys);
    }

    static StoryState start(String id, long time) {
        return new StoryState(id, time, time, Long.MIN_VALUE, 0, Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of());
    }

    public String id() {
        return id;
    }

    public long firstSeen() {
        return firstSeen;
    }

    public long lastSeen() {
        return lastSeen;
    }

    /** When (processing time) the latest article joined, or the latest merge happened. */
    public long lastArrival() {
        return lastArrival;
    }

    void arrived(long now) {
        lastArrival = Math.max(lastArrival, now);
    }

    public int articleCount() {
        return articleCount;
    }

    /** Languages with their article counts, in order of first appearance. */
    public Map<String, Integer> languages() {
        return Map.copyOf(languages);
    }

    public List<String> languageList() {
        return List.copyOf(languages.keySet());
    }

    /** The title of the story's first article in each language. */
    public Map<String, String> titles() {
        return new LinkedHashMap<>(titles);
    }

    /** All entities the story keeps (up to the key limit), as sums. */
    public List<EntityTotal> entityTotals() {
        return List.copyOf(entities.values());
    }

    /** The {@code n} most salient entities, with their mean salience over the story's articles. */
    public List<EntityTotal> topEntities(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("top entities: " + n);
        }
        // the n first in MORE_SALIENT order, kept sorted while the entities pass: no sort of them all
        EntityTotal[] top = new EntityTotal[Math.min(n, entities.size())];
        int size = 0;
        for (EntityTotal e : entities.values()) {
            if (size == top.length && (size == 0 || MORE_SALIENT.compare(e, top[size - 1]) >= 0)) {
                continue;
            }
            int i = size < top.length ? size++ : size - 1;
            while (i > 0 && MORE_SALIENT.compare(e, top[i - 1]) < 0) {
                top[i] = top[i - 1];
                i--;
            }
            top[i] = e;
        }
        int count = Math.max(1, articleCount);
        List<EntityTotal> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new EntityTotal(top[i].id(), top[i].name(), top[i].salienceSum() / count));
        }
        return List.copyOf(out);
    }

    /** The latest article ids, newest last. */
    public List<String> latestArticles() {
        return List.copyOf(latestArticles);
    }

    /** Ids of the stories merged into this one, oldest first. */
    public List<String> absorbed() {
        return List.copyOf(absorbed);
    }

    /** The evidence keys and their weights. */
    public Map<String, Float> evidence() {
        return Map.copyOf(keys);
    }

    boolean hasLanguage(String language) {
        return languages.containsKey(language);
    }

    /** Time from the story's span (first to last article) to {@code time}; 0 inside it. */
    long gapTo(long time) {
        if (time < firstSeen) {
            return firstSeen - time;
        }
        return time > lastSeen ? time - lastSeen : 0;
    }

    void addArticle(ArticleEvidence a, int latestLimit) {
        if (articleCount == 0) {
            firstSeen = a.time();
            lastSeen = a.time();
        }
        firstSeen = Math.min(firstSeen, a.time());
        lastSeen = Math.max(lastSeen, a.time());
        articleCount++;
        languages.merge(a.language(), 1, Integer::sum);
        if (!a.title().isBlank()) {
            titles.putIfAbsent(a.language(), a.title());
        }
        for (ArticleEvidence.EntityEvidence e : a.entities()) {
            addEntity(new EntityTotal(e.id(), e.name(), e.salience()));
        }
        latestArticles.addLast(a.articleId());
        while (latestArticles.size() > latestLimit) {
            latestArticles.removeFirst();
        }
    }

    void absorb(StoryState other, int latestLimit) {
        firstSeen = Math.min(firstSeen, other.firstSeen);
        lastSeen = Math.max(lastSeen, other.lastSeen);
        lastArrival = Math.max(lastArrival, other.lastArrival);
        articleCount += other.articleCount;
        other.languages.forEach((l, n) -> languages.merge(l, n, Integer::sum));
        other.titles.forEach(titles::putIfAbsent);
        other.entities.values().forEach(this::addEntity);
        // the absorber's articles, then the absorbed story's: not in time order across a merge
        List<String> latest = new ArrayList<>(latestArticles);
        latest.addAll(other.latestArticles);
        latestArticles.clear();
        latest.subList(Math.max(0, latest.size() - latestLimit), latest.size()).forEach(latestArticles::addLast);
        absorbed.addAll(other.absorbed);
        absorbed.add(other.id);
        while (absorbed.size() > latestLimit) {
            absorbed.remove(0);
        }
    }

    /** Adds the entity's salience to the story's sum for it; a new entity goes last, and is noted to be checked. */
    private void addEntity(EntityTotal e) {
        EntityTotal before = entities.get(e.id());
        if (before != null) {
            entities.put(e.id(), new EntityTotal(before.id(), before.name(), before.salienceSum() + e.salienceSum()));
            return;
        }
        entities.put(e.id(), e);
        if (entitiesChecked) {
            if (uncheckedEntities == null) {
                uncheckedEntities = new ArrayList<>();
            }
            uncheckedEntities.add(e.id());
        }
    }

    /**
     * Drops the entities whose keys are no longer among the story's keys; {@code entityKey} gives an entity id's key.
     * The same as checking every entity, provided that keys left the story only as {@code dropped} since the last
     * call: only the entities of the dropped keys and those added since the last call are looked up. The first call
     * checks all.
     */
    void retainEntitiesOfKeys(UnaryOperator<String> entityKey, List<String> dropped) {
        if (!entitiesChecked) {
            entitiesChecked = true;
            entitiesByOtherKey = new HashMap<>();
            entities.keySet().removeIf(id -> !holdsKey(id, entityKey));
            return;
        }
        for (String key : dropped) {
            if (!key.startsWith("e:")) {
                continue;
            }
            String id = key.substring(2);
            if (entities.containsKey(id) && key.equals(entityKey.apply(id))) {
                entities.remove(id);
            }
            List<String> others = entitiesByOtherKey.remove(key);
            if (others != null) {
                others.forEach(entities::remove);
            }
        }
        if (uncheckedEntities != null) {
            for (String id : uncheckedEntities) {
                if (entities.containsKey(id) && !holdsKey(id, entityKey)) {
                    entities.remove(id);
                }
            }
            uncheckedEntities = null;
        }
    }

    /** Whether the story holds the entity's key; if so and the key is not {@code e:<id>}, notes the entity under it. */
    private boolean holdsKey(String id, UnaryOperator<String> entityKey) {
        String key = entityKey.apply(id);
        if (!keys.containsKey(key)) {
            return false;
        }
        if (key.length() != id.length() + 2 || !key.startsWith("e:") || !key.startsWith(id, 2)) {
            entitiesByOtherKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(id);
        }
        return true;
    }

    @Override
    public String toString() {
        return "Story[" + id + ", " + articleCount + " articles, " + languages.keySet() + ", " + titles.values() + "]";
    }
}
