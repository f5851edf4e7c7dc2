package io.wirestream.processors.route;

import io.wirestream.avro.EntityType;
import io.wirestream.core.TopicNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoutesTest {
    private static final TopicNames NAMES = TopicNames.defaults();

    private static List<String> problems(String yaml) {
        return assertThrows(RoutesFileException.class, () -> Routes.parse("r.yaml", yaml, NAMES)).problems();
    }

    @Test
    void shouldReadEveryFieldOfARoute() throws Exception {
        Routes routes = Routes.parse("r.yaml", """
            routes:
              - name: ecb-watch
                topic: news.routed.ecb
                format: JSON
                filter:
                  languages: [DE, fr]
                  entities:
                    - id: Q8901
                      minSalience: 0.25
                    - type: person
                  sources: reuters
                  hosts: [ECB.europa.eu]
                  query: '(ECB OR EZB) AND zins*'
              - name: everything
                topic: news.routed.all
            """, NAMES);
        assertEquals(List.of("news.routed.ecb", "news.routed.all"), routes.topics());
        Route ecb = routes.all().get(0);
        assertEquals("ecb-watch", ecb.name());
        assertEquals(RouteFormat.JSON, ecb.format());
        RouteFilter f = ecb.filter();
        assertEquals(Set.of("de", "fr"), f.languages());
        assertEquals(List.of(new EntityCondition("Q8901", null, 0.25), new EntityCondition(null, EntityType.PERSON, 0.0)), f.entities());
        assertEquals(Set.of("reuters"), f.sources());
        assertEquals(Set.of("ecb.europa.eu"), f.hosts());
        assertEquals(Optional.of("(ECB OR EZB) AND zins*"), f.query().map(ArticleQuery::text));
        Route all = routes.all().get(1);
        assertEquals(RouteFormat.AVRO, all.format());
        assertEquals(RouteFilter.all(), all.filter());
    }

    @Test
    void shouldAcceptAnEmptyListOfRoutes() throws Exception {
        assertEquals(Routes.none(), Routes.parse("r.yaml", "routes: []\n", NAMES));
    }

    @Test
    void shouldNameTheRouteAndTheFieldOfEveryMistake() {
        assertEquals(List.of(
                "route #1 'ecb': field 'formt': unknown field (known: name, topic, format, filter)",
                "route #1 'ecb': field 'filter.entities[0].minSalience': expected a number between 0 and 1, found '1.5'",
                "route #1 'ecb': field 'filter.query': not a valid Lucene query: Cannot parse 'ECB AND': Encountered \"<EOF>\" at line 1, column 7.",
                "route #2 'Bad Name': field 'name': 'Bad Name' must be 1 to 64 lower-case letters, digits, '_' or '-', starting with a letter or digit",
                "route #2 'Bad Name': field 'topic': 'news.enriched' is one of the pipeline's own topics or an internal topic; give the route its own topic",
                "route #2 'Bad Name': field 'filter.languages': 'english' is not an ISO 639-1 code (two letters, e.g. en) or und",
                "route #3 'ecb': field 'name': 'ecb' is already the name of route #1 'ecb'",
                "route #3 'ecb': field 'topic': 'ecb.out' is already written by route #1 'ecb' (an article taken by both would be written twice)",
                "route #3 'ecb': field 'format': 'protobuf' is not one of avro, json",
                "route #4: field 'name': missing",
                "route #4: field 'topic': missing",
                "route #4: field 'filter.sources': empty: leave the field out to accept any value",
                "route #4: field 'filter.hosts': 'https://example.com/news' is not a host name (write example.com, without scheme, port or path)",
                "route #4: field 'filter.entities[0].type': 'planet' is not one of [PERSON, LOCATION, ORGANIZATION, OTHER]"),
            problems("""
                routes:
                  - name: ecb
                    topic: ecb.out
                    formt: json
                    filter:
                      entities: [{id: Q8901, minSalience: 1.5}]
                      query: 'ECB AND'
                  - name: Bad Name
                    topic: news.enriched
                    filter: {languages: [english]}
                  - name: ecb
                    topic: ecb.out
                    format: protobuf
                  - filter:
                      entities: [{type: planet}]
                      hosts: ['https://example.com/news']
                      sources: []
                """));
    }

    @Test
    void shouldRejectFilesThatAreNotAListOfRoutes() {
        assertEquals(List.of("expected one top-level key 'routes:' holding a list of routes (found a list)"),
            problems("- name: a\n  topic: b\n"));
        assertEquals(List.of("'routes' must be a list of routes, found 'everything'"), problems("routes: everything\n"));
        assertEquals("not valid YAML", problems("routes: [\n").get(0).substring(0, 14));
        assertEquals(List.of("route #1: expected a mapping with name, topic, format, filter; found 'just-a-name'"),
            problems("routes:\n  - just-a-name\n"));
    }

    @Test
    void shouldRejectTopicsOfTheConfiguredPrefixAndInternalTopics() {
        TopicNames wire = new TopicNames("wire");
        RoutesFileException e = assertThrows(RoutesFileException.class, () -> Routes.parse("r.yaml", """
            routes:
              - {name: a, topic: wire.dlq}
              - {name: b, topic: __consumer_offsets}
            """, wire));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("r.yaml: 2 problems:", e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void shouldLoadAFileAndSayWhichFileCannotBeRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, "routes:\n  - {name: all, topic: copy.all}\n");
        assertEquals(List.of("copy.all"), Routes.load(file, NAMES).topics());
        RoutesFileException missing = assertThrows(RoutesFileException.class, () -> Routes.load(dir.resolve("nope.yaml"), NAMES));
        assertEquals(dir.resolve("nope.yaml") + ": cannot read the file: java.nio.file.NoSuchFileException: " + dir.resolve("nope.yaml"),
            missing.getMessage());
    }
}
