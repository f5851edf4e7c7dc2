package io.wirestream.ingest.source;

/** {@link PublishedItems} kept in memory only: repeats within a run are caught, a restart starts afresh. */
public final class InMemoryPublishedItems implements PublishedItems {
    private final BoundedItemSets sets;

    public InMemoryPublishedItems(int maxPerSource) {
        this.sets = new BoundedItemSets(maxPerSource);
    }

    @Override
    public synchronized boolean contains(String source, String itemKey) {
        return sets.contains(source, BoundedItemSets.hash(itemKey));
    }

    @Override
    public synchronized void remember(String source, String itemKey) {
        sets.add(source, BoundedItemSets.hash(itemKey));
    }

    @Override
    public void close() {
    }
}
