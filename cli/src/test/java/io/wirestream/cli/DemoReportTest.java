package io.wirestream.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.core.TopicNames;
import io.wirestream.ingest.IngestSummary;
import io.wirestream.processors.route.Routes;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemoReportTest {

    private static ObjectNode record(String topic, String key, String origin, String title) {
        ObjectNode r = TopicDump.JSON.createObjectNode();
        r.put("topic", topic);
        r.put("key", key);
        ObjectNode value = r.putObject("value");
        value.put("id", key);
        value.put("origin", origin);
        value.put("title", title);
        value.put("body", "Body of " + title);
        value.put("language", "en");
        return r;
    }

    @Test
    void shouldListWhatEachRouteReceived() throws Exception {
        Routes routes = Routes.parse("routes.yaml", """
            routes:
              - {name: ferries, topic: out.ferries, format: json, filter: {query: ferry}}
              - {name: nothing, topic: out.nothing, filter: {languages: [xx]}}
            """, TopicNames.defaults());
        List<ObjectNode> records = List.of(
            record("news.raw", "a1b2c3d4e5f6a7b8", "02-ferry.txt", "Ferry timetable"),
            record("news.raw", "ffff0000ffff0000", "01-bridge.txt", "Bridge opens"),
            record("news.enriched", "a1b2c3d4e5f6a7b8", "02-ferry.txt", "Ferry timetable"),
            record("news.enriched", "ffff0000ffff0000", "01-bridge.txt", "Bridge opens"),
            record("out.ferries", "a1b2c3d4e5f6a7b8", "02-ferry.txt", "Ferry timetable"));
        StringWriter text = new StringWriter();
        new DemoReport(TopicNames.defaults(), routes, records).print(new PrintWriter(text, true),
            new IngestSummary(2, 2, 0, 0, 0, List.of()), "127.0.0.1:9092", "http://127.0.0.1:8081");
        List<String> lines = text.toString().lines().toList();
        int at = lines.indexOf("Routes (each article taken by a route's filter is copied to its topic, in the enriched topic's transaction):");
        assertEquals(List.of(
                "  ferries -> out.ferries (json): 1 article",
                "      a1b2c3d4e5f6  02-ferry.txt  Ferry timetable",
                "  nothing -> out.nothing (avro): 0 articles",
                "",
                "Records per topic: news.raw=2 news.enriched=2 news.duplicates=0 news.dlq=0 out.ferries=1 out.nothing=0"),
            lines.subList(at + 1, at + 6), text.toString());
    }

    private static ObjectNode withStory(ObjectNode record, String language, String story, String role) {
        ObjectNode value = (ObjectNode) record.get("value");
        value.put("language", language);
        value.putObject("story").put("id", story).put("role", role);
        return record;
    }

    @Test
    void shouldGroupTheArticlesByStoryFollowingMerges() throws Exception {
        ObjectNode merged = TopicDump.JSON.createObjectNode();
        merged.put("topic", "news.stories");
        merged.put("key", "story-b");
        merged.putObject("value").put("id", "story-b").put("status", "MERGED").put("mergedInto", "story-a");
        ObjectNode open = TopicDump.JSON.createObjectNode();
        open.put("topic", "news.stories");
        open.put("key", "story-a");
        ObjectNode state = open.putObject("value").put("id", "story-a").put("status", "OPEN");
        state.putObject("titles").put("ru", "Встреча в Душанбе").put("en", "Talks in Dushanbe");
        List<ObjectNode> records = List.of(
            record("news.raw", "a", "01-ru.txt", "Встреча в Душанбе"),
            record("news.raw", "b", "02-en.txt", "Talks in Dushanbe"),
            record("news.raw", "c", "03-de.txt", "Gespräche in Duschanbe"),
            withStory(record("news.enriched", "a", "01-ru.txt", "Встреча в Душанбе"), "ru", "story-a", "STARTED"),
            withStory(record("news.enriched", "b", "02-en.txt", "Talks in Dushanbe"), "en", "story-a", "JOINED"),
            withStory(record("news.enriched", "c", "03-de.txt", "Gespräche in Duschanbe"), "de", "story-b", "STARTED"),
            merged, open);
        StringWriter text = new StringWriter();
        new DemoReport(TopicNames.defaults(), Routes.none(), records).print(new PrintWriter(text, true),
            new IngestSummary(3, 3, 0, 0, 0, List.of()), "127.0.0.1:9092", "http://127.0.0.1:8081");
        List<String> lines = text.toString().lines().toList();
        int at = lines.indexOf("Stories (news.stories): 1 story from 3 articles");
        assertEquals(List.of(
                "  story-a  3 articles, ru en de",
                "      ru: Встреча в Душанбе",
                "      en: Talks in Dushanbe",
                "      - 01-ru.txt [ru] STARTED",
                "      - 02-en.txt [en] JOINED",
                "      - 03-de.txt [de] STARTED"),
            lines.subList(at + 1, at + 7), text.toString());
    }
}
