package io.wirestream.cli;

import io.wirestream.ingest.IngestConfig;
import io.wirestream.processors.ProcessorConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/configuration.md documents every key of every application with its current default. */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void shouldDocumentEveryKeyWithItsDefault() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        List<String> problems = new ArrayList<>();
        check(IngestConfig.definition(), "Ingest", lines, problems);
        check(ProcessorConfig.definition(), "Processors", lines, problems);
        assertEquals(List.of(), problems, "docs/configuration.md is out of date");
    }

    private static void check(ConfigDef def, String app, List<String> lines, List<String> problems) {
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            List<String> rows = lines.stream().filter(l -> l.startsWith("| `" + key.name + "` |")).toList();
            if (rows.isEmpty()) {
                problems.add(app + ": " + key.name + " is not documented");
            } else if (rows.stream().noneMatch(r -> r.contains("| `" + defaultOf(key) + "` |"))) {
                problems.add(app + ": " + key.name + " is documented without its default " + defaultOf(key));
            }
        }
    }

    static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object d = key.defaultValue;
        if (d == null) {
            return "(none)";
        }
        if (d instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        String s = String.valueOf(d);
        String tmp = System.getProperty("java.io.tmpdir");
        if (s.startsWith(tmp)) {
            s = "<java.io.tmpdir>" + s.substring(tmp.length());
        }
        return (s.isEmpty() ? "\"\"" : s).replace("|", "\\|");
    }
}
