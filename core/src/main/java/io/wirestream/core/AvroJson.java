package io.wirestream.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Renders Avro data as plain JSON for people and scripts: records become objects in field order, unions
 * are unwrapped (no {@code {"string": ...}} wrappers), enums are their symbol, bytes are Base64, and
 * {@code timestamp-millis} values stay epoch milliseconds, as in the Avro data itself.
 */
public final class AvroJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static JsonNode toJson(Object avroValue) {
        if (avroValue == null) {
            return F.nullNode();
        }
        if (avroValue instanceof IndexedRecord record) {
            ObjectNode node = F.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                node.set(field.name(), toJson(record.get(field.pos())));
            }
            return node;
        }
        if (avroValue instanceof GenericEnumSymbol<?> || avroValue instanceof Enum<?>) {
            return F.textNode(avroValue.toString());
        }
        if (avroValue instanceof CharSequence s) {
            return F.textNode(s.toString());
        }
        if (avroValue instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return F.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (avroValue instanceof GenericFixed fixed) {
            return F.textNode(Base64.getEncoder().encodeToString(fixed.bytes()));
        }
        if (avroValue instanceof Instant instant) {
            return F.numberNode(instant.toEpochMilli());
        }
        if (avroValue instanceof Integer i) {
            return F.numberNode(i);
        }
        if (avroValue instanceof Long l) {
            return F.numberNode(l);
        }
        if (avroValue instanceof Float f) {
            return F.numberNode(f);
        }
        if (avroValue instanceof Double d) {
            return F.numberNode(d);
        }
        if (avroValue instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (avroValue instanceof Map<?, ?> map) {
            ObjectNode node = F.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
            return node;
        }
        if (avroValue instanceof Collection<?> items) {
            ArrayNode array = F.arrayNode();
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (avroValue instanceof GenericContainer container) {
            return F.textNode(GenericData.get().toString(container));
        }
        return F.textNode(avroValue.toString());
    }
}
