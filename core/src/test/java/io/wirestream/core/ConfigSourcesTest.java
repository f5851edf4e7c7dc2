package io.wirestream.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigSourcesTest {

    @Test
    void shouldMapTheShortEnvironmentNamesAndTheGenericOnes() {
        Map<String, String> env = Map.of(
            "WIRESTREAM_BOOTSTRAP", "k1:9092",
            "WIRESTREAM_REGISTRY", "http://r:8081",
            "WIRESTREAM_TOPIC_PREFIX", "test",
            "WIRESTREAM_HOME", "/opt/wirestream",
            "PATH", "/usr/bin");
        assertEquals(Map.of(
                "bootstrap.servers", "k1:9092",
                "schema.registry.url", "http://r:8081",
                "topic.prefix", "test"),
            ConfigSources.fromEnvironment(env));
    }

    @Test
    void shouldLetFlagsWinOverEnvironmentAndEnvironmentOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "bootstrap.servers=file:1\ntopic.prefix=fromfile\nclient.id=fromfile\n");
        Map<String, String> merged = ConfigSources.merge(file,
            Map.of("WIRESTREAM_BOOTSTRAP", "env:2", "WIRESTREAM_CLIENT_ID", "fromenv"),
            Map.of("bootstrap.servers", "flag:3"));
        assertEquals("flag:3", merged.get("bootstrap.servers"));
        assertEquals("fromenv", merged.get("client.id"));
        assertEquals("fromfile", merged.get("topic.prefix"));
    }
}
