package io.wirestream.registry.server;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a candidate schema may follow a subject's versions at a compatibility level, with Avro's
 * own reader/writer resolution rules ({@link SchemaCompatibility}), and explains each break by the field
 * it concerns.
 */
public final class CompatibilityChecker {

    /** A registered version to check against. */
    public record Version(int version, Schema schema) {
    }

    /**
     * @param existing the subject's versions, oldest first; may be empty
     * @return one message per break, empty when the candidate is compatible
     */
    public List<String> check(CompatibilityLevel level, Schema candidate, List<Version> existing) {
        List<String> messages = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return messages;
        }
        List<Version> against = level.transitive() ? existing : existing.subList(existing.size() - 1, existing.size());
        for (int i = against.size() - 1; i >= 0; i--) {
            Version old = against.get(i);
            if (level.backward()) {
                explain(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
                    "the new schema cannot read data written with version " + old.version(), messages);
            }
            if (level.forward()) {
                explain(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
                    "version " + old.version() + " cannot read data written with the new schema", messages);
            }
        }
        return messages;
    }

    private static void explain(SchemaPairCompatibility result, String direction, List<String> messages) {
        for (Incompatibility broken : result.getResult().getIncompatibilities()) {
            messages.add(direction + ": " + describe(broken, result.getReader()));
        }
    }

    static String describe(Incompatibility broken, Schema reader) {
        String location = broken.getLocation();
        String field = fieldPath(reader, location);
        String at = field.isEmpty() ? "at " + location : "field '" + field + "' (" + location + ")";
        String detail = switch (broken.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                "field '" + broken.getMessage() + "' of the reader has no default value and is absent from the writer";
            case TYPE_MISMATCH -> at + " changed type: " + broken.getMessage();
            case NAME_MISMATCH -> at + " changed name: " + broken.getMessage();
            case MISSING_UNION_BRANCH -> at + ": the reader's union lacks a branch the writer may use: "
                + broken.getMessage();
            case MISSING_ENUM_SYMBOLS -> at + ": the reader's enum lacks symbols " + broken.getMessage();
            default -> at + ": " + broken.getMessage();
        };
        return detail + " [" + broken.getType() + "]";
    }

    /**
     * The dotted field names along an Avro compatibility location such as {@code /fields/2/type/1/fields/0},
     * walked in {@code root}; empty when the location names no field.
     */
    static String fieldPath(Schema root, String location) {
        if (location == null) {
            return "";
        }
        String[] parts = location.split("/");
        List<String> names = new ArrayList<>();
        Schema current = root;
        try {
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.isEmpty() || part.equals("type") || part.equals("name")) {
                    continue;
                }
                if (part.equals("fields") && i + 1 < parts.length && current.getType() == Schema.Type.RECORD) {
                    Schema.Field f = current.getFields().get(Integer.parseInt(parts[++i]));
                    names.add(f.name());
                    current = f.schema();
                } else if (part.equals("items") && current.getType() == Schema.Type.ARRAY) {
                    current = current.getElementType();
                } else if (part.equals("values") && current.getType() == Schema.Type.MAP) {
                    current = current.getValueType();
                } else if (current.getType() == Schema.Type.UNION && part.chars().allMatch(Character::isDigit)) {
                    current = current.getTypes().get(Integer.parseInt(part));
                } else {
                    break;
                }
            }
        } catch (RuntimeException unexpectedLocation) {
            // A location format Avro may change: report what was resolved so far.
        }
        return String.join(".", names);
    }
}
