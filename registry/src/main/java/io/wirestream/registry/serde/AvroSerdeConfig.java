package io.wirestream.registry.serde;

import io.wirestream.registry.client.RegistryClientConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.Map;

/**
 * Settings of the Avro serializers, deserializers and serdes: the {@link RegistryClientConfig} keys (with
 * {@code schema.registry.url} optional, since a serde may be given a ready client) plus Confluent's
 * serde keys below. Unknown keys are ignored, so a whole application configuration may be passed.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    public static final String USE_LATEST_VERSION_CONFIG = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    public static final String VALUE_SUBJECT_NAME_STRATEGY_CONFIG = "value.subject.name.strategy";
    public static final String KEY_SUBJECT_NAME_STRATEGY_CONFIG = "key.subject.name.strategy";

    private static final ConfigDef.Validator STRATEGY = (name, value) -> {
        if (SubjectNameStrategy.parse((String) value).isEmpty()) {
            throw new ConfigException(name, value, "expected TopicNameStrategy or RecordNameStrategy "
                + "(Confluent's class names io.confluent.kafka.serializers.subject.* are accepted too)");
        }
    };

    private static final ConfigDef CONFIG_DEF = RegistryClientConfig.defineClientKeys(new ConfigDef(), false)
        .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
            "Whether the serializer registers the record's schema under the subject (once per subject and "
                + "schema). When false it only looks the schema up and fails if it is not registered.")
        .define(USE_LATEST_VERSION_CONFIG, Type.BOOLEAN, false, Importance.LOW,
            "Whether the serializer writes with the id of the subject's latest version instead of looking up "
                + "the record's schema; the latest schema must equal the record's. Requires "
                + AUTO_REGISTER_SCHEMAS_CONFIG + "=false.")
        .define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
            "Whether the deserializer returns generated SpecificRecord classes (found by the writer schema's "
                + "full name) instead of GenericRecords. The specific serde always reads specific records.")
        .define(VALUE_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, SubjectNameStrategy.TOPIC_NAME.label(), STRATEGY, Importance.MEDIUM,
            "Subject the serializer registers or looks up a value's schema under: TopicNameStrategy (<topic>-value) "
                + "or RecordNameStrategy (the record's full name, shared by every topic carrying it).")
        .define(KEY_SUBJECT_NAME_STRATEGY_CONFIG, Type.STRING, SubjectNameStrategy.TOPIC_NAME.label(), STRATEGY, Importance.LOW,
            "The same for Avro keys (<topic>-key under TopicNameStrategy).");

    public AvroSerdeConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
        RegistryClientConfig.validateCrossFields(this);
        if (useLatestVersion() && autoRegisterSchemas()) {
            throw new ConfigException(USE_LATEST_VERSION_CONFIG + "=true requires "
                + AUTO_REGISTER_SCHEMAS_CONFIG + "=false (it is true, the default)");
        }
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION_CONFIG);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER_CONFIG);
    }

    /** The subject naming of values ({@code isKey} false) or keys. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String value = getString(isKey ? KEY_SUBJECT_NAME_STRATEGY_CONFIG : VALUE_SUBJECT_NAME_STRATEGY_CONFIG);
        return SubjectNameStrategy.parse(value).orElseThrow();
    }

    /** The client settings of these originals; fails if {@code schema.registry.url} is missing. */
    public RegistryClientConfig clientConfig() {
        return new RegistryClientConfig(originals(), false);
    }
}
