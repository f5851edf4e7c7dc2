package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexCodecTest {

    @Test
    void shouldPackHexIdsIntoHalfTheBytes() {
        String id = "0123456789abcdef0123456789abcdef";
        assertEquals(17, IndexCodec.id(id).length);
        assertEquals(id, IndexCodec.id(IndexCodec.id(id)));
    }

    @Test
    void shouldKeepOtherIdsAsUtf8() {
        for (String id : List.of("article-7", "ABCDEF", "abc", "статья-1")) {
            assertEquals(id, IndexCodec.id(IndexCodec.id(id)));
        }
    }

    @Test
    void shouldRejectIdsLongerThan127Bytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexCodec.id("x".repeat(128)));
        assertEquals("article id must be 1..127 bytes of UTF-8, was 128 bytes: " + "x".repeat(128), e.getMessage());
    }

    @Test
    void shouldRoundTripEntryLists() {
        List<IndexEntry> entries = List.of(new IndexEntry("00ff00ff00ff00ff00ff00ff00ff00ff", 1_760_000_000L),
                new IndexEntry("plain-id", 0xffff_ffffL));
        byte[] bytes = IndexCodec.entries(entries);
        assertEquals(17 + 4 + 9 + 4, bytes.length);
        assertEquals(entries, IndexCodec.entries(bytes));
    }

    @Test
    void shouldRoundTripStoredSignatures() {
        MinHashSignature sketch = MinHashSignature.of(new short[] {1, -1, 300, 0});
        StoredSignature s = new StoredSignature(new ArticleRef("a1", 1_760_000_000_123L), 1_760_000_000L, sketch,
                new ArticleRef("0a0b", 1_700_000_000_000L));
        StoredSignature back = IndexCodec.signature("a1", IndexCodec.signature(s));
        assertEquals(s, back);
        StoredSignature bare = new StoredSignature(new ArticleRef("a2", 5), 6, null, null);
        assertEquals(bare, IndexCodec.signature("a2", IndexCodec.signature(bare)));
        assertEquals(13, IndexCodec.signature(bare).length);
    }

    @Test
    void shouldTagKeysByKind() {
        assertEquals(MatchKind.EXACT_URL, IndexCodec.kindOf(IndexCodec.urlKey(new byte[16])));
        assertEquals(MatchKind.EXACT_TEXT, IndexCodec.kindOf(IndexCodec.textKey(new byte[16])));
        assertEquals(MatchKind.NEAR, IndexCodec.kindOf(IndexCodec.bandKey(3, 42L)));
        assertArrayEquals(new byte[] {'B', 3, 0, 0, 0, 0, 0, 0, 0, 42}, IndexCodec.bandKey(3, 42L));
    }
}
