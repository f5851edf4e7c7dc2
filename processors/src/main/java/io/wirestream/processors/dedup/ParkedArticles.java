package io.wirestream.processors.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The layout of a {@code dedup-parked} record: the payloads of a batch's articles, one after the other, each as a
 * 2-byte length and the UTF-8 id, then a 4-byte length and the payload. Appending copies the bytes once (no
 * decoding), so a batch of n articles costs n copies of a growing array, not n decodings of Avro records.
 */
final class ParkedArticles {

    private ParkedArticles() {
    }

    static byte[] append(byte[] record, String id, byte[] payload) {
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
    static byte[] find(byte[] record, String id) {
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
