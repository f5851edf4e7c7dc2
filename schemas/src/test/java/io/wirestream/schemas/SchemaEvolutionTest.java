package io.wirestream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.ProcessingInfo;
import io.wirestream.avro.StoryLink;
import io.wirestream.avro.StoryRole;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
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
            "dedup/DedupProbe.avsc", "dedup/DedupMessage.avsc", "dedup/DedupGather.avsc", "kb/KbEntry.avsc", "Story.avsc");

    /** The records that are values of topics or stores, by full name. */
    private static final List<String> WRITTEN = List.of("io.wirestream.avro.RawArticle", "io.wirestream.avro.EnrichedArticle",
            "io.wirestream.avro.DuplicateNotice", "io.wirestream.avro.DeadLetter", "io.wirestream.avro.dedup.DedupProbe",
            "io.wirestream.avro.dedup.DedupMessage", "io.wirestream.avro.dedup.DedupGather", "io.wirestream.avro.kb.KbEntry",
            "io.wirestream.avro.Story");

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

    /**
     * FORWARD for the enriched articles: a consumer built on the baseline EnrichedArticle (before stories) reads
     * records written with the current schema, story included, and sees every field it knows unchanged.
     */
    @Test
    void shouldLetConsumersOfTheBaselineEnrichedArticleReadArticlesWithAStory() throws Exception {
        Schema old = baseline().get("io.wirestream.avro.EnrichedArticle");
        Schema current = EnrichedArticle.getClassSchema();
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(old, current).getType());

        EnrichedArticle written = EnrichedArticle.newBuilder()
                .setId("a1").setSource("demo").setOrigin("a1.txt").setBody("Text.").setFetchedAt(Instant.ofEpochMilli(1_000))
                .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.UNIQUE).build())
                .setProcessing(ProcessingInfo.newBuilder().setPipelineVersion("dev").setProcessedAt(Instant.ofEpochMilli(2_000)).build())
                .setStory(StoryLink.newBuilder().setId("story-a0").setRole(StoryRole.JOINED).setSharedEntities(List.of("Q7747", "Q9365"))
                        .setTimeGapMs(3_600_000L).setScore(2.5).build())
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<EnrichedArticle>(current).write(written, encoder);
        encoder.flush();
        GenericRecord read = new GenericDatumReader<GenericRecord>(current, old)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertEquals(null, read.getSchema().getField("story"));
        assertEquals("a1", read.get("id").toString());
        assertEquals("Text.", read.get("body").toString());
        assertEquals(2_000L, ((GenericRecord) read.get("processing")).get("processedAt"));
    }

    /** And an article written before stories reads with story null. */
    @Test
    void shouldReadAnArticleWrittenBeforeStoriesWithoutAStory() throws Exception {
        Schema old = baseline().get("io.wirestream.avro.EnrichedArticle");
        GenericRecord before = new org.apache.avro.generic.GenericRecordBuilder(old)
                .set("id", "a1").set("source", "demo").set("origin", "a1.txt").set("body", "Text.").set("fetchedAt", 1_000L)
                .set("dedup", new org.apache.avro.generic.GenericRecordBuilder(old.getField("dedup").schema()).set("status",
                        new org.apache.avro.generic.GenericData.EnumSymbol(old.getField("dedup").schema().getField("status").schema(), "UNIQUE")).build())
                .set("processing", new org.apache.avro.generic.GenericRecordBuilder(old.getField("processing").schema())
                        .set("pipelineVersion", "dev").set("processedAt", 2_000L).build())
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new org.apache.avro.generic.GenericDatumWriter<GenericRecord>(old).write(before, encoder);
        encoder.flush();
        EnrichedArticle read = new SpecificDatumReader<EnrichedArticle>(old, EnrichedArticle.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        assertEquals(null, read.getStory());
        assertEquals("a1", read.getId());
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
