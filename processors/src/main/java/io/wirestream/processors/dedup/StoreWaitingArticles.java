package io.wirestream.processors.dedup;

import io.wirestream.avro.dedup.DedupWaiting;
import io.wirestream.avro.dedup.DedupWaitingBatch;
import io.wirestream.dedup.coordinator.ParkedPayloads;
import io.wirestream.dedup.coordinator.Waiting;
import io.wirestream.dedup.coordinator.WaitingArticles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The coordinator's waiting articles on three stores, all keyed by batch where durable:
 * <ul>
 *   <li>{@code dedup-waiting} (RocksDB with a changelog and a cache): one record per batch with the waiting state of
 *       each of its articles still waiting; rewritten by the answers (once per batch and step, below), so it holds
 *       no article text. It keeps the bytes of a {@link DedupWaitingBatch} ({@link WaitingBatchCodec});</li>
 *   <li>{@code dedup-parked} (likewise): one record per parked article with its payload ({@link ParkedPayloads}),
 *       written once when it arrives, read when it is decided and deleted then;</li>
 *   <li>{@code dedup-waiting-ids} (in memory, no changelog): from article id to batch, rebuilt from the batches by
 *       {@link #rebuildIds()} when the task starts.</li>
 * </ul>
 * The caches fold the many writes a batch gets within a commit interval into one changelog record per store.
 * {@link #get} returns waiting articles without their payload; {@link #payload} reads it.
 *
 * <p>Decoded batches: a batch's record is read for every answer to one of its articles and written back. This
 * keeps, for the batches it read or wrote last, the bytes and the record they decode to, and decodes again only when
 * the store's bytes differ from those. Whatever wrote the store (the other processors of the task, each with an
 * instance of its own, or a restore to the last commit after an aborted transaction), what it serves is what the
 * store holds now: the bytes are compared on every read.
 *
 * <p>Writes within a step: one message or punctuation makes the coordinator update many articles of a batch (a
 * PROBED answer batch counts an answer for nearly every article of the batch it answers; a flush marks every article
 * of its batch sent; a verdict removes each decided article). Run through {@link #step}, these updates change the
 * decoded batch only, and each changed batch is encoded and written to the store once, when the step ends (and
 * before a scan of the store within it). So the store holds every change of a step before the processor forwards
 * anything or returns, and Kafka Streams can commit only between steps: what a transaction commits is exactly what
 * writing at once would have committed, with one encoding per batch and step instead of one per answer. Outside a
 * step every write goes to the store at once.
 */
final class StoreWaitingArticles implements WaitingArticles {

    /** Batches whose decoded record is kept: answers come batch by batch, so a few cover the batches being answered. */
    static final int DECODED_BATCHES = 64;

    private final KeyValueStore<Long, byte[]> batches;
    private final WaitingBatchCodec codec;
    private final ParkedPayloads parked;
    private final KeyValueStore<String, Long> ids;
    private final Map<Long, Decoded> decoded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Decoded> eldest) {
            return size() > DECODED_BATCHES;
        }
    };

    /** Within a {@link #step}: the batches changed and not written yet, by batch; null for a batch to delete. */
    private final Map<Long, DedupWaitingBatch> unwritten = new LinkedHashMap<>();
    private boolean inStep;

    /** A batch's record as bytes, and the record they decode to (never changed: the record is shared by reads). */
    private record Decoded(byte[] bytes, DedupWaitingBatch record) {
    }

    StoreWaitingArticles(KeyValueStore<Long, byte[]> batches, WaitingBatchCodec codec, KeyValueStore<Bytes, byte[]> parked,
                         KeyValueStore<String, Long> ids) {
        this.batches = batches;
        this.codec = codec;
        this.parked = new ParkedPayloads(new KeyValueByteStore(parked));
        this.ids = ids;
    }

    /**
     * Runs one call of the coordinator, deferring the writes of the batches it changes to its end (class comment).
     * A step within a step is part of the outer one. The changes are written even when the call throws, as writing
     * at once would have left them.
     *
     * @return what the call returned
     */
    <T> T step(Supplier<T> call) {
        if (inStep) {
            return call.get();
        }
        inStep = true;
        try {
            return call.get();
        } finally {
            inStep = false;
            writeBack();
        }
    }

    /** Writes the batches changed in the current step to the store, in the order they were first changed. */
    private void writeBack() {
        List<Map.Entry<Long, DedupWaitingBatch>> changes = new ArrayList<>(unwritten.entrySet());
        unwritten.clear();
        for (Map.Entry<Long, DedupWaitingBatch> change : changes) {
            if (change.getValue() == null) {
                batches.delete(change.getKey());
                decoded.remove(change.getKey());
            } else {
                byte[] bytes = codec.encode(change.getValue());
                batches.put(change.getKey(), bytes);
                decoded.put(change.getKey(), new Decoded(bytes, change.getValue()));
            }
        }
    }

    /** @return the batch's record as it stands (the store's, or the one changed in this step), or null; not to be changed */
    private DedupWaitingBatch read(long batch) {
        if (unwritten.containsKey(batch)) {
            return unwritten.get(batch);
        }
        return decode(batch, batches.get(batch));
    }

    private DedupWaitingBatch decode(long batch, byte[] bytes) {
        if (bytes == null) {
            decoded.remove(batch);
            return null;
        }
        Decoded known = decoded.get(batch);
        if (known != null && Arrays.equals(known.bytes(), bytes)) {
            return known.record();
        }
        DedupWaitingBatch record = codec.decode(bytes);
        decoded.put(batch, new Decoded(bytes, record));
        return record;
    }

    /** Writes the batch's record, at the end of the step within one; the record must not be changed after. */
    private void write(long batch, DedupWaitingBatch record) {
        unwritten.put(batch, record);
        if (!inStep) {
            writeBack();
        }
    }

    private void delete(long batch) {
        unwritten.put(batch, null);
        if (!inStep) {
            writeBack();
        }
    }

    /** Clears the id lookup and fills it from the batches. @return the number of waiting articles */
    int rebuildIds() {
        writeBack();
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = ids.all()) {
            it.forEachRemaining(kv -> stale.add(kv.key));
        }
        stale.forEach(ids::delete);
        int n = 0;
        try (KeyValueIterator<Long, byte[]> it = batches.all()) {
            while (it.hasNext()) {
                KeyValue<Long, byte[]> kv = it.next();
                for (DedupWaiting w : decode(kv.key, kv.value).getArticles()) {
                    ids.put(w.getArticleId(), kv.key);
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public Waiting get(String articleId) {
        Long batch = ids.get(articleId);
        DedupWaitingBatch record = batch == null ? null : read(batch);
        if (record == null) {
            return null;
        }
        for (DedupWaiting w : record.getArticles()) {
            if (w.getArticleId().equals(articleId)) {
                return DedupMessages.fromAvro(w, batch);
            }
        }
        return null;
    }

    @Override
    public void put(Waiting waiting) {
        DedupWaitingBatch record = read(waiting.batch());
        List<DedupWaiting> articles = record == null ? new ArrayList<>() : new ArrayList<>(record.getArticles());
        DedupWaiting updated = DedupMessages.toAvro(waiting);
        boolean replaced = false;
        for (int i = 0; i < articles.size() && !replaced; i++) {
            if (articles.get(i).getArticleId().equals(waiting.id())) {
                articles.set(i, updated);
                replaced = true;
            }
        }
        if (!replaced) {
            articles.add(updated);
        }
        write(waiting.batch(), DedupWaitingBatch.newBuilder().setBatch(waiting.batch()).setArticles(articles).build());
        ids.put(waiting.id(), waiting.batch());
        if (waiting.payload() != null && !replaced) {
            parked.park(waiting.batch(), waiting.id(), waiting.payload());
        }
    }

    @Override
    public byte[] payload(Waiting waiting) {
        return parked.payload(waiting.batch(), waiting.id());
    }

    @Override
    public void remove(String articleId) {
        Long batch = ids.get(articleId);
        if (batch == null) {
            batch = find(articleId);
            if (batch == null) {
                return;
            }
        }
        ids.delete(articleId);
        DedupWaitingBatch record = read(batch);
        List<DedupWaiting> articles = record == null ? new ArrayList<>() : new ArrayList<>(record.getArticles());
        articles.removeIf(w -> w.getArticleId().equals(articleId));
        parked.release(batch, articleId, articles.isEmpty());
        if (record == null) {
            return;
        }
        if (articles.isEmpty()) {
            delete(batch);
        } else {
            write(batch, DedupWaitingBatch.newBuilder(record).setArticles(articles).build());
        }
    }

    /** The batch holding the article, by a scan (for an id the lookup does not know). */
    private Long find(String articleId) {
        writeBack();
        try (KeyValueIterator<Long, byte[]> it = batches.all()) {
            while (it.hasNext()) {
                KeyValue<Long, byte[]> kv = it.next();
                if (decode(kv.key, kv.value).getArticles().stream().anyMatch(w -> w.getArticleId().equals(articleId))) {
                    return kv.key;
                }
            }
        }
        return null;
    }

    @Override
    public List<Waiting> all() {
        return collect(false);
    }

    @Override
    public List<Waiting> unsent() {
        return collect(true);
    }

    /** Reads the batch's record only. */
    @Override
    public List<Waiting> unsent(long batch) {
        DedupWaitingBatch record = read(batch);
        List<Waiting> out = new ArrayList<>();
        if (record != null) {
            for (DedupWaiting w : record.getArticles()) {
                if (!w.getSent()) {
                    out.add(DedupMessages.fromAvro(w, batch));
                }
            }
        }
        return out;
    }

    private List<Waiting> collect(boolean unsentOnly) {
        writeBack();
        List<Waiting> out = new ArrayList<>();
        try (KeyValueIterator<Long, byte[]> it = batches.all()) {
            while (it.hasNext()) {
                KeyValue<Long, byte[]> kv = it.next();
                for (DedupWaiting w : decode(kv.key, kv.value).getArticles()) {
                    if (!unsentOnly || !w.getSent()) {
                        out.add(DedupMessages.fromAvro(w, kv.key));
                    }
                }
            }
        }
        return out;
    }
}
