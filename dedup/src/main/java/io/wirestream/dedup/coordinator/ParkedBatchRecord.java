package io.wirestream.dedup.coordinator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The layout of a parked record that holds a whole batch: the payloads of the batch's articles, one after the other,
 * each as a 2-byte length and the UTF-8 id, then a 4-byte length and the payload. Versions before
 * {@link ParkedPayloads} kept a batch's articles so, rewriting the record with every article that arrived;
 * {@link ParkedPayloads} writes one record per article and reads this layout only for records written before.
 */
public final class ParkedBatchRecord {

    private ParkedBatchRecord() {
    }

    /**
     * The record with one more article: a copy of the whole record, which is why parking no longer appends. Kept to
     * write records in the earlier layout (tests of reading them).
     */
    public static byte[] append(byte[] record, String id, byte[] payload) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        if (key.length > 0xffff) {
            throw new IllegalArgumentException("article id longer than 65535 bytes");
        }
        int before = record == null ? 0 : record.length;
        byte[] out = record == null ? new byte[2 + key.length + 4 + payload.length] : Arrays.copyOf(record, before + 2 + key.length + 4 + payload.length);
        ByteBuffer.wrap(out, before, out.length - before).putShort((short) key.length).put(key).putInt(payload.length).put(payload);
        return out;
    }

    /** @return the payload parked for the id in this record, or null */
    public static byte[] find(byte[] record, String id) {
        if (record == null) {
            return null;
        }
        byte[] wanted = id.getBytes(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(record);
        while (in.hasRemaining()) {
            int keyLength = in.getShort() & 0xffff;
            int keyAt = in.position();
            in.position(keyAt + keyLength);
            int length = in.getInt();
            if (Arrays.equals(record, keyAt, keyAt + keyLength, wanted, 0, wanted.length)) {
                byte[] payload = new byte[length];
                in.get(payload);
                return payload;
            }
            in.position(in.position() + length);
        }
        return null;
    }
}
