package io.wirestream.dedup.coordinator;

import io.wirestream.dedup.ByteStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The payloads of parked articles, one store record per article: key = the batch as 8 bytes big-endian, then the
 * article's UTF-8 id; value = the payload as given, not copied. Parking an article writes its own record once, so an
 * arrival costs one write of its own bytes whatever the number of articles already in its batch (a record per batch,
 * rewritten by every arrival, cost a copy of the whole batch per arrival). A batch's records are contiguous in key
 * order.
 *
 * <p>Records written before: a key of exactly 8 bytes is a batch's record in {@link ParkedBatchRecord}'s layout (the
 * key bytes are the same as those of the batch's {@code Long} key then). Payloads are looked up there when an
 * article has no record of its own, and the batch's record is deleted with its last article, so articles parked
 * before an upgrade still get their verdicts. The other way round does not hold: a version that knows only batch
 * records finds nothing under its batch keys for articles parked by this one.
 */
public final class ParkedPayloads {

    private final ByteStore store;

    public ParkedPayloads(ByteStore store) {
        this.store = store;
    }

    /** Parks the article's payload under its own key; a later {@code park} of the same article replaces it. */
    public void park(long batch, String articleId, byte[] payload) {
        store.put(articleKey(batch, articleId), payload);
    }

    /** @return the payload parked for the article in this batch (by this class or, before, in a batch record), or null */
    public byte[] payload(long batch, String articleId) {
        byte[] own = store.get(articleKey(batch, articleId));
        return own != null ? own : ParkedBatchRecord.find(store.get(batchKey(batch)), articleId);
    }

    /**
     * Forgets the article's payload.
     *
     * @param batchDone whether it was the batch's last waiting article: a batch record written before then goes too
     */
    public void release(long batch, String articleId, boolean batchDone) {
        store.delete(articleKey(batch, articleId));
        if (batchDone) {
            byte[] key = batchKey(batch);
            // a delete of an absent key would still write a tombstone to the changelog
            if (store.get(key) != null) {
                store.delete(key);
            }
        }
    }

    /** An empty id would make the key of a batch record; the stage never parks one (cleaning rejects it). */
    static byte[] articleKey(long batch, String articleId) {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0) {
            throw new IllegalArgumentException("empty article id");
        }
        return ByteBuffer.allocate(Long.BYTES + id.length).putLong(batch).put(id).array();
    }

    /** The key a batch's whole record had: the batch as a {@code Long} key serialises it. */
    public static byte[] batchKey(long batch) {
        return ByteBuffer.allocate(Long.BYTES).putLong(batch).array();
    }
}
