package io.wirestream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * Every record written to a topic or a state store can still be read by the current code: each current
 * schema must read data written with its baseline version (BACKWARD, the registry's default rule, which is
 * also what a processor needs to restore its stores from changelogs written before an upgrade).
 */
class SchemaEvolutionTest {

    /** Baseline files, the ones others refer to by name first. */
    private static final List<String> BASELINE = List.of("Mention.avsc", "Entity.avsc", "DedupVerdict.avsc",
            "RawArticle.avsc", "EnrichedArticle.avsc", "DuplicateNotice.avsc", "DeadLetter.avsc",
            "dedup/DedupProbe.avsc", "dedup/DedupMessage.avsc", "dedup/DedupGather.avsc", "kb/KbEntry.avsc");

    /** The records that are values of topics or stores, by full name. */
    private static final List<String> WRITTEN = List.of("io.wirestream.avro.RawArticle", "io.wirestream.avro.EnrichedArticle",
            "io.wirestream.avro.DuplicateNotice", "io.wirestream.avro.DeadLetter", "io.wirestream.avro.dedup.DedupProbe",
            "io.wirestream.avro.dedup.DedupMessage", "io.wirestream.avro.dedup.DedupGather", "io.wirestream.avro.kb.KbEntry");

    private static Map<String, Schema> baseline() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> byName = new TreeMap<>();
        for (String file : BASELINE) {
            try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/compatibility-baseline/" + file)) {
                if (in == null) {
                    throw new IOException("baseline schema " + file + " is missing");
                }
                Schema s = parser.parse(in);
                byName.put(s.getFullName(), s);
            }
        }
        return byName;
    }

    @Test
    void shouldReadEveryRecordWrittenWithTheBaselineSchemas() throws Exception {
        Map<String, Schema> baseline = baseline();
        List<String> problems = new ArrayList<>();
        for (String name : WRITTEN) {
            Schema written = baseline.get(name);
            assertTrue(written != null, "no baseline for " + name);
            Schema current = SpecificData.get().getSchema(Class.forName(name));
            SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, written);
            if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                problems.add(name + ": " + result.getResult().getIncompatibilities());
            }
        }
        assertEquals(List.of(), problems, "current schemas that cannot read data written with the baseline");
    }

    @Test
    void shouldNoticeABreakingChange() throws Exception {
        Schema written = baseline().get("io.wirestream.avro.dedup.DedupProbe");
        // what dropping the default of a field added later would do: old data lacks the field
        String current = SpecificData.get().getSchema(Class.forName("io.wirestream.avro.dedup.DedupProbe")).toString();
        assertTrue(current.contains(",\"default\":[]"), current);
        Schema broken = new Schema.Parser().parse(current.replace(",\"default\":[]", ""));
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(broken, written).getType());
    }
}
