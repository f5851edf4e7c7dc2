package io.wirestream.dedup;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte layout of the index: the same bytes in the plain-Java index, in the RocksDB stores of
 * the streaming stage and in their changelog topics. Changing it requires rebuilding the stores.
 *
 * <pre>
 * index key     'U' + 16 bytes SHA-256 of the canonical URL      (17 bytes)
 *               'T' + 16 bytes SHA-256 of the normalised text    (17 bytes)
 *               'B' + band number (1 byte) + 8-byte band hash     (10 bytes)
 * index value   a list of entries: id + 4-byte unsigned insertion second
 * signature key id
 * signature value  8-byte publication millis, 4-byte insertion second, 1 flag byte
 *                  (bit 0: sketch present, bit 1: original present),
 *                  [2-byte count + 2 bytes per MinHash value], [original id + 8-byte publication millis]
 * filed key     id (one record per article and partition of the index; written before probes were batched)
 * filed value   4-byte unsigned insertion second, then per index key: 1 length byte + the key
 * batch key     0x00 (never the first byte of an id), 4-byte home partition, 8-byte batch id, 4-byte index
 *               partition (one record per probe batch: the articles of one batch filed on one partition; the
 *               partition keeps the keys apart where one store serves several partitions)
 * batch value   per article: its id, a 2-byte length and its filed value as above, a 2-byte count of the
 *               candidates its probe found, and per candidate 1 byte of MatchKind ordinal and its id
 * id            1 length byte: bit 7 set = lower-case hex packed two digits a byte (the 32-char ids
 *               ingest assigns take 17 bytes), else UTF-8; at most 127 bytes either way
 * </pre>
 */
public final class IndexCodec {

    private static final byte URL = 'U';
    private static final byte TEXT = 'T';
    private static final byte BAND = 'B';

    private IndexCodec() {
    }

    public static byte[] urlKey(byte[] urlHash16) {
        return tagged(URL, urlHash16);
    }

    public static byte[] textKey(byte[] textHash16) {
        return tagged(TEXT, textHash16);
    }

    public static byte[] bandKey(int band, long bandHash) {
        return ByteBuffer.allocate(10).put(BAND).put((byte) band).putLong(bandHash).array();
    }

    /** @return the kind of match a shared key proves; band keys give {@link MatchKind#NEAR} candidates */
    public static MatchKind kindOf(byte[] indexKey) {
        return switch (indexKey[0]) {
            case URL -> MatchKind.EXACT_URL;
            case TEXT -> MatchKind.EXACT_TEXT;
            case BAND -> MatchKind.NEAR;
            default -> throw new IllegalArgumentException("not an index key: first byte " + indexKey[0]);
        };
    }

    /** @return all index keys of an article: URL, text, then one per band, as present */
    public static List<byte[]> indexKeys(ArticleSignature signature) {
        List<byte[]> keys = new ArrayList<>();
        signature.urlKey().ifPresent(k -> keys.add(urlKey(k)));
        signature.textKey().ifPresent(k -> keys.add(textKey(k)));
        long[] bands = signature.bandKeys();
        for (int b = 0; b < bands.length; b++) {
            keys.add(bandKey(b, bands[b]));
        }
        return keys;
    }

    private static byte[] tagged(byte tag, byte[] hash16) {
        if (hash16.length != 16) {
            throw new IllegalArgumentException("exact-match key hash must be 16 bytes, was " + hash16.length);
        }
        return ByteBuffer.allocate(17).put(tag).put(hash16).array();
    }

    // ---- ids

    public static byte[] id(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(17);
        writeId(out, id);
        return out.toByteArray();
    }

    public static String id(byte[] bytes) {
        return readId(ByteBuffer.wrap(bytes));
    }

    private static void writeId(ByteArrayOutputStream out, String id) {
        if (isPackableHex(id)) {
            out.write(0x80 | id.length() / 2);
            for (int i = 0; i < id.length(); i += 2) {
                out.write(Character.digit(id.charAt(i), 16) << 4 | Character.digit(id.charAt(i + 1), 16));
            }
        } else {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            if (utf8.length == 0 || utf8.length > 127) {
                throw new IllegalArgumentException("article id must be 1..127 bytes of UTF-8, was " + utf8.length + " bytes: " + id);
            }
            out.write(utf8.length);
            out.write(utf8, 0, utf8.length);
        }
    }

    private static boolean isPackableHex(String id) {
        if (id.isEmpty() || id.length() % 2 != 0 || id.length() > 254) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static String readId(ByteBuffer in) {
        int head = in.get() & 0xff;
        int len = head & 0x7f;
        if ((head & 0x80) != 0) {
            StringBuilder sb = new StringBuilder(len * 2);
            for (int i = 0; i < len; i++) {
                int b = in.get() & 0xff;
                sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        }
        byte[] utf8 = new byte[len];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    // ---- index values

    public static byte[] entries(List<IndexEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 21);
        for (IndexEntry e : entries) {
            writeId(out, e.articleId());
            long t = e.insertedAtSecond();
            out.write((int) (t >>> 24));
            out.write((int) (t >>> 16));
            out.write((int) (t >>> 8));
            out.write((int) t);
        }
        return out.toByteArray();
    }

    public static List<IndexEntry> entries(byte[] value) {
        List<IndexEntry> out = new ArrayList<>(2);
        if (value == null) {
            return out;
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        while (in.hasRemaining()) {
            String id = readId(in);
            out.add(new IndexEntry(id, in.getInt() & 0xffff_ffffL));
        }
        return out;
    }

    // ---- the keys an article is filed under on one partition

    public static byte[] filed(FiledKeys filed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + filed.keys().size() * 18);
        long t = filed.insertedAtSecond();
        out.write((int) (t >>> 24));
        out.write((int) (t >>> 16));
        out.write((int) (t >>> 8));
        out.write((int) t);
        for (byte[] key : filed.keys()) {
            if (key.length == 0 || key.length > 255) {
                throw new IllegalArgumentException("an index key is 1..255 bytes, was " + key.length);
            }
            out.write(key.length);
            out.write(key, 0, key.length);
        }
        return out.toByteArray();
    }

    public static FiledKeys filed(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        long inserted = in.getInt() & 0xffff_ffffL;
        List<byte[]> keys = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] key = new byte[in.get() & 0xff];
            in.get(key);
            keys.add(key);
        }
        return new FiledKeys(inserted, keys);
    }

    // ---- the articles of one probe batch filed on one partition

    public static byte[] filedBatchKey(int home, long batch, int partition) {
        return ByteBuffer.allocate(17).put((byte) 0).putInt(home).putLong(batch).putInt(partition).array();
    }

    /** Whether a key of the filed store names a batch record (else it names one article, the layout before batches). */
    public static boolean isFiledBatchKey(byte[] key) {
        return key.length > 0 && key[0] == 0;
    }

    public static byte[] filedBatch(java.util.Map<String, FiledArticle> articles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + articles.size() * 360);
        articles.forEach((id, article) -> {
            writeId(out, id);
            byte[] value = filed(article.keys());
            if (value.length > 0xffff || article.candidates().size() > 0xffff) {
                throw new IllegalArgumentException("filed keys or candidates of article " + id + " exceed 65535");
            }
            out.write(value.length >>> 8);
            out.write(value.length);
            out.write(value, 0, value.length);
            out.write(article.candidates().size() >>> 8);
            out.write(article.candidates().size());
            article.candidates().forEach((candidate, kind) -> {
                out.write(kind.ordinal());
                writeId(out, candidate);
            });
        });
        return out.toByteArray();
    }

    /** @return the articles of a batch record, in the order they were written */
    public static java.util.LinkedHashMap<String, FiledArticle> filedBatch(byte[] value) {
        java.util.LinkedHashMap<String, FiledArticle> out = new java.util.LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(value);
        MatchKind[] kinds = MatchKind.values();
        while (in.hasRemaining()) {
            String id = readId(in);
            byte[] keys = new byte[in.getShort() & 0xffff];
            in.get(keys);
            int count = in.getShort() & 0xffff;
            java.util.LinkedHashMap<String, MatchKind> candidates = new java.util.LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                MatchKind kind = kinds[in.get()];
                candidates.put(readId(in), kind);
            }
            out.put(id, new FiledArticle(filed(keys), candidates));
        }
        return out;
    }

    // ---- sketches on the wire

    /** @return the MinHash values, 2 bytes each, big-endian */
    public static byte[] sketch(MinHashSignature sketch) {
        ByteBuffer out = ByteBuffer.allocate(2 * sketch.length());
        for (int i = 0; i < sketch.length(); i++) {
            out.putShort((short) sketch.value(i));
        }
        return out.array();
    }

    public static MinHashSignature sketch(byte[] bytes) {
        if (bytes.length == 0 || bytes.length % 2 != 0) {
            throw new IllegalArgumentException("a sketch is a positive even number of bytes, was " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        short[] values = new short[bytes.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getShort();
        }
        return MinHashSignature.wrap(values);
    }

    // ---- signature values

    public static byte[] signature(StoredSignature s) {
        MinHashSignature m = s.minHash();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + (m == null ? 0 : 2 + 2 * m.length()));
        ByteBuffer head = ByteBuffer.allocate(13).putLong(s.ref().publishedAt()).putInt((int) s.insertedAtSecond())
                .put((byte) ((m == null ? 0 : 1) | (s.original() == null ? 0 : 2)));
        out.write(head.array(), 0, 13);
        if (m != null) {
            ByteBuffer values = ByteBuffer.allocate(2 + 2 * m.length()).putShort((short) m.length());
            for (int i = 0; i < m.length(); i++) {
                values.putShort((short) m.value(i));
            }
            out.write(values.array(), 0, values.capacity());
        }
        if (s.original() != null) {
            writeId(out, s.original().id());
            out.write(ByteBuffer.allocate(8).putLong(s.original().publishedAt()).array(), 0, 8);
        }
        return out.toByteArray();
    }

    public static StoredSignature signature(String id, byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        long published = in.getLong();
        long inserted = in.getInt() & 0xffff_ffffL;
        int flags = in.get();
        MinHashSignature minHash = null;
        if ((flags & 1) != 0) {
            short[] values = new short[in.getShort() & 0xffff];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.getShort();
            }
            minHash = MinHashSignature.wrap(values);
        }
        ArticleRef original = null;
        if ((flags & 2) != 0) {
            String originalId = readId(in);
            original = new ArticleRef(originalId, in.getLong());
        }
        return new StoredSignature(new ArticleRef(id, published), inserted, minHash, original);
    }
}
