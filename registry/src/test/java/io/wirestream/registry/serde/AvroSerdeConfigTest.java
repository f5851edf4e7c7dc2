package io.wirestream.registry.serde;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AvroSerdeConfigTest {

    @Test
    void shouldDefaultToAutoRegisteringGenericSerdes() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of());
        assertEquals(true, config.autoRegisterSchemas());
        assertEquals(false, config.useLatestVersion());
        assertEquals(false, config.specificAvroReader());
    }

    @Test
    void shouldRefuseLatestVersionWithAutoRegistration() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new AvroSerdeConfig(Map.of("use.latest.version", "true")));
        assertEquals("use.latest.version=true requires auto.register.schemas=false (it is true, the default)",
            e.getMessage());
    }

    @Test
    void shouldRequireTheUrlOnlyWhenAClientIsBuilt() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of("auto.register.schemas", "false"));
        ConfigException e = assertThrows(ConfigException.class, config::clientConfig);
        assertEquals("Missing required configuration \"schema.registry.url\" which has no default value.", e.getMessage());
    }

    @Test
    void shouldValidateTheClientKeysItCarries() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new AvroSerdeConfig(Map.of("schema.registry.url", "tcp://registry:1")));
        assertEquals("Invalid value tcp://registry:1 for configuration schema.registry.url: has scheme tcp; "
            + "only http:// and https:// URLs are accepted", e.getMessage());
    }

    @Test
    void shouldNameSubjectsAfterTheTopicByDefaultAndAfterTheRecordWhenAsked() {
        assertEquals(SubjectNameStrategy.TOPIC_NAME, new AvroSerdeConfig(Map.of()).subjectNameStrategy(false));
        assertEquals(SubjectNameStrategy.RECORD_NAME,
            new AvroSerdeConfig(Map.of("value.subject.name.strategy", "RecordNameStrategy")).subjectNameStrategy(false));
        assertEquals(SubjectNameStrategy.RECORD_NAME, new AvroSerdeConfig(Map.of("value.subject.name.strategy",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy")).subjectNameStrategy(false));
        assertEquals(SubjectNameStrategy.TOPIC_NAME,
            new AvroSerdeConfig(Map.of("value.subject.name.strategy", "RecordNameStrategy")).subjectNameStrategy(true));
    }

    @Test
    void shouldRefuseAnUnknownSubjectNameStrategy() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new AvroSerdeConfig(Map.of("value.subject.name.strategy", "TopicRecordNameStrategy")));
        assertEquals("Invalid value TopicRecordNameStrategy for configuration value.subject.name.strategy: expected "
            + "TopicNameStrategy or RecordNameStrategy (Confluent's class names io.confluent.kafka.serializers.subject.* "
            + "are accepted too)", e.getMessage());
    }
}
