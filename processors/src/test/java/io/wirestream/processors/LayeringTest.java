package io.wirestream.processors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The build guards the layering: pure logic stays free of Kafka, processors never reach into ingest or the CLI. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.wirestream");

    @Test
    void shouldKeepTheDedupAndEnrichmentLogicFreeOfKafka() {
        noClasses().that().resideInAnyPackage("io.wirestream.dedup..", "io.wirestream.enrichment..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
            .check(CLASSES);
    }

    @Test
    void shouldKeepTheCleaningLogicFreeOfKafka() {
        noClasses().that().resideInAPackage("io.wirestream.processors.clean..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
            .check(CLASSES);
    }

    @Test
    void shouldNeverLetProcessorsDependOnIngestOrTheLauncher() {
        noClasses().that().resideInAPackage("io.wirestream.processors..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wirestream.ingest..", "io.wirestream.cli..")
            .check(CLASSES);
    }
}
