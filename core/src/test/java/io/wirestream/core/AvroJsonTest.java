package io.wirestream.core;

import io.wirestream.avro.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AvroJsonTest {

    @Test
    void shouldRenderUnionsUnwrappedAndTimestampsAsEpochMillis() {
        RawArticle a = RawArticle.newBuilder()
            .setId("id1").setSource("file").setOrigin("a.txt").setUrl(null).setTitle("T")
            .setBody("B").setPublishedAt(Instant.ofEpochMilli(5)).setFetchedAt(Instant.ofEpochMilli(6))
            .setLanguageHint(null).setAttributes(Map.of("k", "v")).build();
        assertEquals("{\"id\":\"id1\",\"source\":\"file\",\"origin\":\"a.txt\",\"url\":null,\"title\":\"T\",\"body\":\"B\","
                + "\"publishedAt\":5,\"fetchedAt\":6,\"languageHint\":null,\"attributes\":{\"k\":\"v\"}}",
            AvroJson.toJson(a).toString());
    }
}
