package io.wirestream.registry.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.io.ByteArrayOutputStream;

/**
 * Confluent's framing of Avro records in Kafka: one magic byte 0, the writer schema's registry id as a
 * 4-byte big-endian int, then the Avro binary encoding of the record (no Avro container header).
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed value; see {@link #schemaId(byte[], String, boolean)}. */
    public static int schemaId(byte[] data, String topic) {
        return schemaId(data, topic, false);
    }

    /**
     * The schema id in the header of {@code data}.
     *
     * @throws SerializationException naming the topic, when {@code data} is shorter than the header or does
     *                                not start with the magic byte (for example JSON or plain text)
     */
    public static int schemaId(byte[] data, String topic, boolean isKey) {
        String part = isKey ? "key" : "value";
        if (data == null) {
            throw new SerializationException(topic + ": " + part + " is null and has no schema id");
        }
        if (data.length < HEADER_SIZE) {
            throw new SerializationException(topic + ": " + part + " has " + data.length + " byte"
                + (data.length == 1 ? "" : "s") + ", too short for the " + HEADER_SIZE + "-byte header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("%s: unknown magic byte 0x%02x, expected 0x%02x: "
                + "the %s is not Confluent-framed Avro", topic, data[0] & 0xff, MAGIC_BYTE, part));
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }

    /** Writes the magic byte and {@code schemaId} to {@code out}. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** The header alone, for tools that frame payloads themselves. */
    public static byte[] header(int schemaId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_SIZE);
        writeHeader(out, schemaId);
        return out.toByteArray();
    }
}
