package io.wirestream.core.contract;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a consumer of one topic may rely on: its name, what a record means, its key, its value (format and
 * schema), how it is delivered and kept, and which applications write and read it.
 *
 * @param id          the channel's id in the contract (stable, does not change with the topic prefix)
 * @param topic       the topic's name, and how Kafka creates it when Wirestream does ({@code configs()} only)
 * @param title       a short title
 * @param description what one record means, how records are partitioned and ordered
 * @param key         the record key
 * @param value       the record value
 * @param delivery    how records are written (transactional or not), what a reader must set
 * @param internal    true when only Wirestream itself reads the topic: no compatibility promise to others
 * @param writers     who writes records
 * @param readers     who reads records
 */
public record ChannelContract(String id, NewTopic topic, String title, String description, Key key, Value value,
                              String delivery, boolean internal, List<Party> writers, List<Party> readers) {
    private static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");

    public ChannelContract {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("channel id '" + id + "' must be a letter followed by letters or digits");
        }
        Objects.requireNonNull(topic, "topic of channel " + id);
        Objects.requireNonNull(title, "title of channel " + id);
        Objects.requireNonNull(description, "description of channel " + id);
        Objects.requireNonNull(key, "key of channel " + id);
        Objects.requireNonNull(value, "value of channel " + id);
        Objects.requireNonNull(delivery, "delivery of channel " + id);
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
        if (writers.isEmpty()) {
            throw new IllegalArgumentException("channel " + id + " has no writer");
        }
    }

    /** The record key: always a string, UTF-8 (Kafka's StringSerializer). */
    public record Key(String description) {
        public Key {
            Objects.requireNonNull(description, "key description");
        }
    }

    /** How values are encoded. */
    public enum Encoding {
        /** Avro binary in the Confluent wire format: magic byte 0, 4-byte schema id, the record. */
        AVRO("avro/binary"),
        /** One JSON object (UTF-8) with the fields of the Avro record, as {@code bin/wirestream tail} prints a value. */
        JSON("application/json"),
        /** A UTF-8 string. */
        STRING("text/plain");

        private final String contentType;

        Encoding(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /**
     * The record value.
     *
     * @param name        the message's name, unique in the contract
     * @param encoding    how it is encoded
     * @param record      the Avro record class whose schema describes the value (for AVRO and JSON), else null
     * @param description what the value holds (for STRING values: its format)
     * @param nullable    true when a null value (a tombstone) is meaningful
     */
    public record Value(String name, Encoding encoding, Class<?> record, String description, boolean nullable) {
        public Value {
            Objects.requireNonNull(name, "value name");
            Objects.requireNonNull(encoding, "encoding of value " + name);
            Objects.requireNonNull(description, "description of value " + name);
            if ((encoding == Encoding.STRING) != (record == null)) {
                throw new IllegalArgumentException("value " + name + ": an Avro record describes AVRO and JSON values, and only those");
            }
        }

        /** The Avro schema of the record, or null for a STRING value. */
        public Schema schema() {
            return record == null ? null : SpecificData.get().getSchema(record);
        }

        /**
         * Where the record's schema is kept, relative to the schemas' source folder: the full name with the
         * common namespace {@code io.wirestream.avro.} left off, dots as folders ({@code kb/KbEntry.avsc}).
         */
        public String schemaFile() {
            if (record == null) {
                return null;
            }
            String name = schema().getFullName();
            String common = "io.wirestream.avro.";
            if (!name.startsWith(common)) {
                throw new IllegalStateException("schema " + name + " is outside the namespace " + common);
            }
            return name.substring(common.length()).replace('.', '/') + ".avsc";
        }
    }

    /**
     * An application that writes or reads the topic.
     *
     * @param application the application ({@code ingest}, {@code processors}, {@code kb-load}, {@code consumers}: any
     *                    subscriber outside Wirestream)
     * @param what        what it does with the records, in a sentence
     */
    public record Party(String application, String what) {
        public Party {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(what, "what " + application + " does");
        }
    }
}
