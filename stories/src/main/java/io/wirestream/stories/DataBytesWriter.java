package io.wirestream.stories;

import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes the bytes {@link java.io.DataOutputStream} writes for the same calls (big-endian numbers; strings as a
 * two-byte length and modified UTF-8), into one growing array, without a stream, a lock or a per-string buffer.
 */
final class DataBytesWriter {
    private static final int MAX_UTF_BYTES = 65_535;
    private byte[] bytes;
    private int size;

    DataBytesWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void writeByte(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void writeInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    /**
     * A string as {@link java.io.DataOutputStream#writeUTF}: chars 1 to 0x7F in one byte, 0 and up to 0x7FF in two,
     * the rest (surrogates one by one) in three. Throws {@link UncheckedIOException} for a string of more than
     * 65,535 bytes, as the stream's {@link UTFDataFormatException} would be.
     */
    void writeUTF(String s) {
        int n = s.length();
        ensure(2 + 3 * n);
        int lengthAt = size;
        int at = size + 2;
        byte[] b = bytes;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x01 && c <= 0x7F) {
                b[at++] = (byte) c;
            } else if (c <= 0x7FF) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        int length = at - lengthAt - 2;
        if (length > MAX_UTF_BYTES) {
            throw new UncheckedIOException(new UTFDataFormatException("encoded string too long: " + length + " bytes"));
        }
        b[lengthAt] = (byte) (length >>> 8);
        b[lengthAt + 1] = (byte) length;
        size = at;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
