package io.wirestream.registry.server;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompatibilityCheckerTest {
    private final CompatibilityChecker checker = new CompatibilityChecker();

    private static final Schema V1 = record("{\"name\":\"title\",\"type\":\"string\"},{\"name\":\"words\",\"type\":\"int\"}");
    private static final Schema WITH_OPTIONAL_SECTION = record("{\"name\":\"title\",\"type\":\"string\"},"
        + "{\"name\":\"words\",\"type\":\"int\"},{\"name\":\"section\",\"type\":[\"null\",\"string\"],\"default\":null}");
    private static final Schema WITH_REQUIRED_SECTION = record("{\"name\":\"title\",\"type\":\"string\"},"
        + "{\"name\":\"words\",\"type\":\"int\"},{\"name\":\"section\",\"type\":\"string\"}");
    private static final Schema WORDS_AS_STRING = record("{\"name\":\"title\",\"type\":\"string\"},{\"name\":\"words\",\"type\":\"string\"}");
    private static final Schema WITHOUT_WORDS = record("{\"name\":\"title\",\"type\":\"string\"}");

    @Test
    void shouldAcceptANewOptionalFieldWithDefaultAtEveryLevel() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertEquals(List.of(), checker.check(level, WITH_OPTIONAL_SECTION, versions(V1)), level.name());
        }
    }

    @Test
    void shouldRefuseANewRequiredFieldBackwardNamingIt() {
        assertEquals(List.of("the new schema cannot read data written with version 1: field 'section' of the reader "
                + "has no default value and is absent from the writer [READER_FIELD_MISSING_DEFAULT_VALUE]"),
            checker.check(CompatibilityLevel.BACKWARD, WITH_REQUIRED_SECTION, versions(V1)));
    }

    @Test
    void shouldAcceptANewRequiredFieldForwardOnly() {
        assertEquals(List.of(), checker.check(CompatibilityLevel.FORWARD, WITH_REQUIRED_SECTION, versions(V1)));
    }

    @Test
    void shouldRefuseATypeChangeNamingTheField() {
        assertEquals(List.of("the new schema cannot read data written with version 1: field 'words' (/fields/1/type) "
                + "changed type: reader type: STRING not compatible with writer type: INT [TYPE_MISMATCH]"),
            checker.check(CompatibilityLevel.BACKWARD, WORDS_AS_STRING, versions(V1)));
    }

    @Test
    void shouldCheckBothDirectionsForFull() {
        assertEquals(List.of("version 1 cannot read data written with the new schema: field 'words' of the reader "
                + "has no default value and is absent from the writer [READER_FIELD_MISSING_DEFAULT_VALUE]"),
            checker.check(CompatibilityLevel.FULL, WITHOUT_WORDS, versions(V1)));
    }

    @Test
    void shouldCompareWithOlderVersionsOnlyWhenTransitive() {
        // v1 has words:int, v2 dropped it, the candidate brings it back as a string with a default:
        // fine against v2, a type clash against v1.
        Schema wordsBackAsString = record("{\"name\":\"title\",\"type\":\"string\"},"
            + "{\"name\":\"words\",\"type\":\"string\",\"default\":\"\"}");
        List<CompatibilityChecker.Version> history = versions(V1, WITHOUT_WORDS);
        assertEquals(List.of(), checker.check(CompatibilityLevel.BACKWARD, wordsBackAsString, history));
        assertEquals(List.of("the new schema cannot read data written with version 1: field 'words' (/fields/1/type) "
                + "changed type: reader type: STRING not compatible with writer type: INT [TYPE_MISMATCH]"),
            checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, wordsBackAsString, history));
    }

    @Test
    void shouldAcceptAnythingAtNone() {
        assertEquals(List.of(), checker.check(CompatibilityLevel.NONE, WORDS_AS_STRING, versions(V1)));
    }

    @Test
    void shouldResolveNestedFieldPaths() {
        Schema nested = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":"
            + "\"int\"},{\"name\":\"b\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"y\","
            + "\"type\":{\"type\":\"array\",\"items\":\"string\"}}]}]}]}");
        assertEquals("b.y", CompatibilityChecker.fieldPath(nested, "/fields/1/type/1/fields/0/type/items"));
        assertEquals("", CompatibilityChecker.fieldPath(nested, "/"));
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Headline\",\"namespace\":\"t\",\"fields\":["
            + fields + "]}");
    }

    private static List<CompatibilityChecker.Version> versions(Schema... schemas) {
        return java.util.stream.IntStream.range(0, schemas.length)
            .mapToObj(i -> new CompatibilityChecker.Version(i + 1, schemas[i])).toList();
    }
}
