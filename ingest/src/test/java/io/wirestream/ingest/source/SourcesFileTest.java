package io.wirestream.ingest.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SourcesFileTest {
    @Test
    void shouldReadEveryKindFromYaml(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
            sources:
              - name: gazette
                kind: feed
                url: https://gazette.example.org/rss.xml
                interval: 5m
                options: {fetch-pages: false, min-content-chars: 300}
              - name: live-blog
                kind: page
                url: https://gazette.example.org/live
                interval: 30s
              - name: inbox
                kind: folder
                path: inbox
                options:
                  stable: 2s
              - name: partners
                kind: push
                port: 8088
                options: {bind: 0.0.0.0, max-batch: 50}
            """);
        List<SourceDefinition> sources = SourcesFile.load(file);
        assertEquals(List.of(
            new SourceDefinition("gazette", SourceKind.FEED, URI.create("https://gazette.example.org/rss.xml"), null, null,
                Duration.ofMinutes(5), Map.of("fetch-pages", "false", "min-content-chars", "300")),
            new SourceDefinition("live-blog", SourceKind.PAGE, URI.create("https://gazette.example.org/live"), null, null,
                Duration.ofSeconds(30), Map.of()),
            new SourceDefinition("inbox", SourceKind.FOLDER, null, dir.resolve("inbox").toAbsolutePath().normalize(), null, null,
                Map.of("stable", "2s")),
            new SourceDefinition("partners", SourceKind.PUSH, null, null, 8088, null, Map.of("bind", "0.0.0.0", "max-batch", "50"))),
            sources);
        assertEquals("feed:gazette", sources.get(0).sourceLabel());
        assertEquals(300, SourceOptions.minContentChars(sources.get(0)));
        assertEquals(false, SourceOptions.fetchPages(sources.get(0)));
    }

    @Test
    void shouldAcceptATopLevelListInYaml() throws Exception {
        List<SourceDefinition> sources = SourcesFile.parseYaml("s.yaml", "- {name: a, kind: feed, url: 'http://127.0.0.1:8080/feed'}\n", null);
        assertEquals("a", sources.get(0).name());
        assertNull(sources.get(0).interval());
    }

    @Test
    void shouldReadProperties() throws Exception {
        List<SourceDefinition> sources = SourcesFile.parseProperties("s.properties", """
            source.zeta.kind=push
            source.zeta.port=0
            source.alpha.kind=feed
            source.alpha.url=https://a.example/feed
            source.alpha.interval=PT2M
            source.alpha.option.fetch-pages=true
            """, null);
        assertEquals(List.of("alpha", "zeta"), sources.stream().map(SourceDefinition::name).toList());
        assertEquals(Duration.ofMinutes(2), sources.get(0).interval());
        assertEquals(Map.of("fetch-pages", "true"), sources.get(0).options());
        assertEquals(0, sources.get(1).port());
    }

    @Test
    void shouldReportEveryProblemNamingTheEntryAndTheField() {
        SourcesFileException e = assertThrows(SourcesFileException.class, () -> SourcesFile.parseYaml("sources.yaml", """
            sources:
              - name: gazette
                kind: feed
                url: ftp://gazette.example.org/rss
                interval: soon
              - name: gazette
                kind: blog
              - kind: push
                port: 70000
                url: http://x.example/
              - name: inbox
                kind: folder
                path: /no/such/folder/anywhere
                options: {stable: 1s, recursive: true}
              - name: feed2
                kind: feed
                url: https://b.example/feed
                colour: red
                options: {fetch-pages: maybe}
            """, null));
        assertEquals(List.of(
            "source #1 'gazette': field 'url': must be an http or https URL with a host, was 'ftp://gazette.example.org/rss'",
            "source #1 'gazette': field 'interval': 'soon' is not a duration (write e.g. 500ms, 30s, 5m, 2h, 1d or PT5M)",
            "source #2 'gazette': field 'name': 'gazette' is used by an earlier source",
            "source #2 'gazette': field 'kind': 'blog' is not one of feed, page, folder, push",
            "source #3: field 'name': is missing",
            "source #3: field 'url': is not used by push sources",
            "source #3: field 'port': 70000 is not a TCP port (0..65535; 0 picks a free one)",
            "source #4 'inbox': field 'path': '/no/such/folder/anywhere' is not an existing folder",
            "source #4 'inbox': field 'options.recursive': unknown option for folder sources (known: stable)",
            "source #5 'feed2': field 'colour': unknown field (known: name, kind, url, path, port, interval, options)",
            "source #5 'feed2': field 'options.fetch-pages': expected true or false, was 'maybe'"),
            e.problems());
        assertEquals(true, e.getMessage().startsWith("sources.yaml: 11 problems:\n  source #1 'gazette': field 'url'"), e.getMessage());
    }

    @Test
    void shouldRefuseTwoPushSourcesOnOnePortAndTooShortIntervals() {
        SourcesFileException e = assertThrows(SourcesFileException.class, () -> SourcesFile.parseYaml("s.yaml", """
            - {name: a, kind: push, port: 9000}
            - {name: b, kind: push, port: 9000}
            - {name: c, kind: feed, url: 'http://c.example/', interval: 10ms}
            """, null));
        assertEquals(List.of("source #2 'b': field 'port': 9000 is used by push source 'a' too",
            "source #3 'c': field 'interval': '10ms' is shorter than 100ms"), e.problems());
    }

    @Test
    void shouldRefuseYamlThatIsNotAListOfSources() {
        assertEquals(List.of("expected a non-empty list of sources, at the top or under 'sources:'"),
            assertThrows(SourcesFileException.class, () -> SourcesFile.parseYaml("s.yaml", "just a string", null)).problems());
        assertEquals(List.of("expected a list of sources, at the top or under 'sources:'; unknown top-level keys [feeds]"),
            assertThrows(SourcesFileException.class, () -> SourcesFile.parseYaml("s.yaml", "feeds: []", null)).problems());
        assertEquals(true, assertThrows(SourcesFileException.class, () -> SourcesFile.parseYaml("s.yaml", "- {name: [", null))
            .problems().get(0).startsWith("not valid YAML: "));
    }

    @Test
    void shouldRefuseYamlObjectTags() {
        SourcesFileException e = assertThrows(SourcesFileException.class, () -> SourcesFile.parseYaml("s.yaml",
            "- !!java.net.URL ['http://x.example/']\n", null));
        assertEquals(true, e.getMessage().startsWith("s.yaml: not valid YAML: "), e.getMessage());
    }

    @Test
    void shouldRefuseAPropertyOutsideTheSourceNamespace() {
        SourcesFileException e = assertThrows(SourcesFileException.class, () -> SourcesFile.parseProperties("s.properties",
            "feed.url=http://x.example/\nsource.a.kind=feed\nsource.a.url=http://a.example/\n", null));
        assertEquals(List.of("key 'feed.url': expected source.<name>.<field> or source.<name>.option.<option>"), e.problems());
    }

    @Test
    void shouldParseDurationsPeopleWrite() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse(" 30s "));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("PT5M"));
        assertEquals("'5 minutes' is not a duration (write e.g. 500ms, 30s, 5m, 2h, 1d or PT5M)",
            assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 minutes")).getMessage());
    }
}
