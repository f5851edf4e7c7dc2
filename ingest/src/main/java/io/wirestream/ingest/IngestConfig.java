package io.wirestream.ingest;

import io.wirestream.core.WirestreamConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.util.Map;

/** Settings of the ingest applications: the shared keys plus the producer's. */
public final class IngestConfig extends WirestreamConfig {
    public static final String CLIENT_ID = "client.id";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String BUFFER_MEMORY = "buffer.memory";
    public static final String MAX_ARTICLE_BYTES = "ingest.max.article.bytes";
    public static final String SOURCE_NAME = "ingest.source.name";

    private static final ConfigDef DEFINITION = commonDefinition()
        .define(CLIENT_ID, Type.STRING, "wirestream-ingest", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
            "Producer client id (shows in broker metrics and quotas).")
        .define(COMPRESSION_TYPE, Type.STRING, "zstd", ConfigDef.ValidString.in("none", "gzip", "snappy", "lz4", "zstd"),
            Importance.LOW, "Producer compression.")
        .define(BUFFER_MEMORY, Type.LONG, 32L * 1024 * 1024, ConfigDef.Range.atLeast(1024 * 1024), Importance.LOW,
            "Bytes the producer may hold unsent; when full, reading the source waits (bounded memory).")
        .define(MAX_ARTICLE_BYTES, Type.INT, 900 * 1024, ConfigDef.Range.between(1024, 64 * 1024 * 1024), Importance.MEDIUM,
            "Largest input item accepted (a file of the article format or one JSON line); larger ones are dead-lettered "
                + "with the reason. Keep it under the topic's max.message.bytes.")
        .define(SOURCE_NAME, Type.STRING, null, Importance.LOW,
            "Name recorded in RawArticle.source for file input (default: folder:<folder name> or file).");

    public IngestConfig(Map<?, ?> originals) {
        super(DEFINITION, originals);
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public int maxArticleBytes() {
        return getInt(MAX_ARTICLE_BYTES);
    }
}
