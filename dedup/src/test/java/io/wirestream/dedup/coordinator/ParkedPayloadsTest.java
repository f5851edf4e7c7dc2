package io.wirestream.dedup.coordinator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wirestream.dedup.ByteStore;
import io.wirestream.dedup.InMemoryByteStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ParkedPayloadsTest {

    /** The store, recording the length of every value written and counting deletes. */
    private static final class Recording implements ByteStore {
        final InMemoryByteStore store = new InMemoryByteStore();
        final List<Integer> written = new ArrayList<>();
        int deletes;

        @Override
        public byte[] get(byte[] key) {
            return store.get(key);
        }

        @Override
        public void put(byte[] key, byte[] value) {
            written.add(value.length);
            store.put(key, value);
        }

        @Override
        public void delete(byte[] key) {
            deletes++;
            store.delete(key);
        }

        @Override
        public int rewriteAll(BiFunction<byte[], byte[], byte[]> rewrite) {
            return store.rewriteAll(rewrite);
        }
    }

    private final Recording store = new Recording();
    private final ParkedPayloads parked = new ParkedPayloads(store);

    @Test
    void shouldWriteOnlyTheArrivingArticleWhateverTheNumberAlreadyParkedInItsBatch() {
        List<byte[]> payloads = new ArrayList<>();
        long keyBytes = 0;
        for (int i = 0; i < 40; i++) {
            keyBytes += Long.BYTES + ("article-" + i).length();
            byte[] payload = new byte[4096];
            Arrays.fill(payload, (byte) i);
            payloads.add(payload);
            parked.park(7, "article-" + i, payload);
        }

        // one write per arrival, of the arriving payload's own 4 KB: a record holding the whole batch, rewritten by
        // every arrival, would have written 4 KB at the first and 160 KB at the fortieth (3.3 MB for the batch)
        assertEquals(40, store.written.size());
        assertEquals(List.of(4096), store.written.stream().distinct().toList(), "bytes written per arrival");
        assertEquals(40L * 4096 + keyBytes, store.store.payloadBytes(),
                "the store holds each payload once, under batch and id");
        for (int i = 0; i < 40; i++) {
            assertSame(payloads.get(i), parked.payload(7, "article-" + i), "the payload as parked, not copied");
        }
        assertNull(parked.payload(8, "article-1"), "looked up within its batch");
        assertNull(parked.payload(7, "article-"), "an id is matched whole");
        assertNull(parked.payload(7, "article-40"), "an id not parked");
    }

    @Test
    void shouldDeleteEachArticleWhenReleasedWithoutTouchingTheOthers() {
        parked.park(7, "first", bytes("one"));
        parked.park(7, "second", bytes("two"));
        parked.park(8, "first", bytes("other batch"));

        parked.release(7, "first", false);
        assertNull(parked.payload(7, "first"));
        assertArrayEquals(bytes("two"), parked.payload(7, "second"));
        assertArrayEquals(bytes("other batch"), parked.payload(8, "first"));

        parked.release(7, "second", true);
        parked.release(8, "first", true);
        assertEquals(0, store.store.size(), "nothing left parked");
        assertEquals(3, store.deletes, "one delete per article: no tombstone for a batch record that is not there");
    }

    @Test
    void shouldReadAndDeleteABatchRecordWrittenBeforeParkingByArticle() {
        // an upgrade in place with articles parked: their batch's record, in the earlier layout under the batch's key
        byte[] record = ParkedBatchRecord.append(null, "earlier", bytes("parked before"));
        record = ParkedBatchRecord.append(record, "also-earlier", bytes("parked before too"));
        store.put(ParkedPayloads.batchKey(3), record);
        parked.park(3, "later", bytes("parked after"));

        assertArrayEquals(bytes("parked before"), parked.payload(3, "earlier"));
        assertArrayEquals(bytes("parked before too"), parked.payload(3, "also-earlier"));
        assertArrayEquals(bytes("parked after"), parked.payload(3, "later"));

        parked.release(3, "earlier", false);
        assertArrayEquals(bytes("parked before too"), parked.payload(3, "also-earlier"), "the batch record stays while its batch waits");
        parked.release(3, "later", false);
        parked.release(3, "also-earlier", true);
        assertEquals(0, store.store.size(), "the batch record goes with the batch's last article");
    }

    @Test
    void shouldRefuseAnEmptyIdWhoseKeyWouldBeABatchRecords() {
        assertThrows(IllegalArgumentException.class, () -> parked.park(3, "", bytes("no id")));
        assertEquals(0, store.written.size());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
