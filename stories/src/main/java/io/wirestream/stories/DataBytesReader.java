package io.wirestream.stories;

import java.io.EOFException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link java.io.DataInputStream} reads from the same bytes, straight from an array: the reverse of
 * {@link DataBytesWriter}. Like the stream it throws {@link EOFException} past the end and
 * {@link UTFDataFormatException} for a string that is not modified UTF-8.
 */
final class DataBytesReader {
    private final byte[] bytes;
    private int at;

    DataBytesReader(byte[] bytes) {
        this.bytes = bytes;
    }

    byte readByte() throws EOFException {
        need(1);
        return bytes[at++];
    }

    int readInt() throws EOFException {
        need(4);
        int v = (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
        at += 4;
        return v;
    }

    long readLong() throws EOFException {
        return (long) readInt() << 32 | (readInt() & 0xFFFF_FFFFL);
    }

    float readFloat() throws EOFException {
        return Float.intBitsToFloat(readInt());
    }

    double readDouble() throws EOFException {
        return Double.longBitsToDouble(readLong());
    }

    /** A string as {@link java.io.DataInputStream#readUTF} reads it (it accepts what that method accepts). */
    String readUTF() throws EOFException, UTFDataFormatException {
        need(2);
        int length = (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
        at += 2;
        need(length);
        int start = at;
        int end = start + length;
        int i = start;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            // all one-byte chars: ASCII, which Latin-1 decodes byte for byte
            at = end;
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int n = 0;
        for (int j = start; j < i; j++) {
            chars[n++] = (char) bytes[j];
        }
        while (i < end) {
            int c = bytes[i] & 0xFF;
            switch (c >> 4) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                    chars[n++] = (char) c;
                    i++;
                }
                case 12, 13 -> {
                    if (i + 2 > end) {
                        throw new UTFDataFormatException("malformed input: partial character at end");
                    }
                    int c2 = bytes[i + 1];
                    if ((c2 & 0xC0) != 0x80) {
                        throw new UTFDataFormatException("malformed input around byte " + (i + 1 - start));
                    }
                    chars[n++] = (char) ((c & 0x1F) << 6 | (c2 & 0x3F));
                    i += 2;
                }
                case 14 -> {
                    if (i + 3 > end) {
                        throw new UTFDataFormatException("malformed input: partial character at end");
                    }
                    int c2 = bytes[i + 1];
                    int c3 = bytes[i + 2];
                    if ((c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) {
                        throw new UTFDataFormatException("malformed input around byte " + (i + 2 - start));
                    }
                    chars[n++] = (char) ((c & 0x0F) << 12 | (c2 & 0x3F) << 6 | (c3 & 0x3F));
                    i += 3;
                }
                default -> throw new UTFDataFormatException("malformed input around byte " + (i - start));
            }
        }
        at = end;
        return new String(chars, 0, n);
    }

    private void need(int n) throws EOFException {
        if (n > bytes.length - at) {
            throw new EOFException();
        }
    }
}
