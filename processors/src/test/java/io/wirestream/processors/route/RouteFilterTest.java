package io.wirestream.processors.route;

import io.wirestream.avro.DedupStatus;
import io.wirestream.avro.DedupVerdict;
import io.wirestream.avro.EnrichedArticle;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.ProcessingInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouteFilterTest {

    static EnrichedArticle article(String id, String language, String source, String url, String title, String body,
                                   List<Entity> entities) {
        return EnrichedArticle.newBuilder().setId(id).setSource(source).setOrigin(id + ".txt").setUrl(url).setCanonicalUrl(url)
            .setTitle(title).setBody(body).setPublishedAt(null).setFetchedAt(Instant.parse("2026-01-05T08:00:00Z"))
            .setLanguage(language).setLanguageConfidence(0.9).setEntities(entities)
            .setDedup(DedupVerdict.newBuilder().setStatus(DedupStatus.UNIQUE).setFingerprint(null).build())
            .setProcessing(ProcessingInfo.newBuilder().setPipelineVersion("test").setProcessedAt(Instant.parse("2026-01-05T08:00:01Z"))
                .setStages(List.of()).setRemovedLines(0).setRawChars(body.length()).build())
            .build();
    }

    static Entity entity(String id, EntityType type, double salience) {
        return Entity.newBuilder().setId(id).setType(type).setCanonicalName(id).setSalience(salience).setMentions(List.of()).build();
    }

    private static final EnrichedArticle HARBOUR = article("a1", "en", "coastal-wire", "https://www.harbour-news.example/2026/ferry",
        "Ferry line to Tallinn reopens", "The harbour authority said the winter ferry timetable starts on Monday.",
        List.of(entity("Q1770", EntityType.LOCATION, 0.6), entity("ws:harbour-authority", EntityType.ORGANIZATION, 0.3)));
    private static final EnrichedArticle METRO = article("a2", "ru", "city-desk", null,
        "Новая станция метро", "В Москве открыли новую станцию метро на юго-западе.",
        List.of(entity("Q649", EntityType.LOCATION, 0.8)));

    private static RouteFilter filter(Set<String> languages, List<EntityCondition> entities, Set<String> sources, Set<String> hosts,
                                      String query) {
        return new RouteFilter(languages, entities, sources, hosts, Optional.ofNullable(query).map(ArticleQuery::parse));
    }

    @Test
    void shouldTakeEveryArticleWithoutCriteria() {
        assertEquals(true, RouteFilter.all().matches(HARBOUR));
        assertEquals(true, RouteFilter.all().matches(METRO));
    }

    @Test
    void shouldMatchLanguageAndSource() {
        RouteFilter russian = filter(Set.of("ru", "uk"), List.of(), Set.of(), Set.of(), null);
        assertEquals(List.of(false, true), List.of(russian.matches(HARBOUR), russian.matches(METRO)));
        RouteFilter wire = filter(Set.of(), List.of(), Set.of("coastal-wire"), Set.of(), null);
        assertEquals(List.of(true, false), List.of(wire.matches(HARBOUR), wire.matches(METRO)));
        RouteFilter both = filter(Set.of("ru"), List.of(), Set.of("coastal-wire"), Set.of(), null);
        assertEquals(List.of(false, false), List.of(both.matches(HARBOUR), both.matches(METRO)));
    }

    @Test
    void shouldMatchEntitiesByIdOrTypeWithMinimumSalience() {
        assertEquals(true, filter(Set.of(), List.of(new EntityCondition("Q1770", null, 0.5)), Set.of(), Set.of(), null).matches(HARBOUR));
        assertEquals(false, filter(Set.of(), List.of(new EntityCondition("Q1770", null, 0.7)), Set.of(), Set.of(), null).matches(HARBOUR));
        RouteFilter salientOrganisation = filter(Set.of(), List.of(new EntityCondition(null, EntityType.ORGANIZATION, 0.5)),
            Set.of(), Set.of(), null);
        assertEquals(false, salientOrganisation.matches(HARBOUR), "the organisation's salience is only 0.3");
        RouteFilter anyOf = filter(Set.of(), List.of(new EntityCondition("Q649", null, 0.0),
            new EntityCondition(null, EntityType.ORGANIZATION, 0.2)), Set.of(), Set.of(), null);
        assertEquals(List.of(true, true), List.of(anyOf.matches(HARBOUR), anyOf.matches(METRO)));
        RouteFilter idAndType = filter(Set.of(), List.of(new EntityCondition("Q649", EntityType.PERSON, 0.0)), Set.of(), Set.of(), null);
        assertEquals(false, idAndType.matches(METRO), "Q649 is a LOCATION here");
    }

    @Test
    void shouldMatchHostsAndTheirSubdomainsOnly() {
        assertEquals(true, filter(Set.of(), List.of(), Set.of(), Set.of("harbour-news.example"), null).matches(HARBOUR));
        assertEquals(true, filter(Set.of(), List.of(), Set.of(), Set.of("WWW.Harbour-News.example"), null).matches(HARBOUR));
        assertEquals(false, filter(Set.of(), List.of(), Set.of(), Set.of("news.example"), null).matches(HARBOUR),
            "news.example is not harbour-news.example's parent");
        assertEquals(false, filter(Set.of(), List.of(), Set.of(), Set.of("harbour-news.example"), null).matches(METRO),
            "an article without URL has no host");
    }

    @Test
    void shouldMatchKeywordsAndPhrasesInTitleAndBodyCaseInsensitively() {
        assertEquals(true, ArticleQuery.parse("FERRY").matches(HARBOUR));
        assertEquals(true, ArticleQuery.parse("\"winter ferry timetable\"").matches(HARBOUR));
        assertEquals(false, ArticleQuery.parse("\"ferry winter timetable\"").matches(HARBOUR));
        assertEquals(false, ArticleQuery.parse("ferry airport").matches(HARBOUR), "the default operator is AND");
        assertEquals(true, ArticleQuery.parse("ferry OR airport").matches(HARBOUR));
        assertEquals(false, ArticleQuery.parse("ferry -harbour").matches(HARBOUR));
        assertEquals(true, ArticleQuery.parse("title:tallinn").matches(HARBOUR));
        assertEquals(false, ArticleQuery.parse("title:timetable").matches(HARBOUR), "timetable is only in the body");
        assertEquals(true, ArticleQuery.parse("Москв* AND метро").matches(METRO));
        assertEquals(false, ArticleQuery.parse("Москва").matches(METRO), "no stemming: the body says «Москве»");
        assertEquals(true, filter(Set.of("en"), List.of(), Set.of(), Set.of(), "timetab*").matches(HARBOUR));
    }

    @Test
    void shouldRejectQueriesThatCannotBeRun() {
        assertEquals("not a valid Lucene query: Cannot parse '(ferry': Encountered \"<EOF>\" at line 1, column 6.",
            assertThrows(IllegalArgumentException.class, () -> ArticleQuery.parse("(ferry")).getMessage());
        assertEquals("unknown field(s) [author] in the query: only title and body can be searched",
            assertThrows(IllegalArgumentException.class, () -> ArticleQuery.parse("author:smith OR ferry")).getMessage());
        assertEquals("the query is empty", assertThrows(IllegalArgumentException.class, () -> ArticleQuery.parse(" ")).getMessage());
    }

    @Test
    void shouldListEveryRouteAnArticleMatches() throws Exception {
        Routes routes = Routes.parse("routes.yaml", """
            routes:
              - name: all-json
                topic: copy.all
                format: json
              - name: ferries
                topic: copy.ferries
                filter: {query: ferry}
              - name: moscow
                topic: copy.moscow
                filter:
                  entities: [{id: Q649, minSalience: 0.5}]
            """, io.wirestream.core.TopicNames.defaults());
        RouteMatcher matcher = new RouteMatcher(routes);
        assertEquals(List.of("all-json", "ferries"), matcher.matching(HARBOUR));
        assertEquals(List.of("all-json", "moscow"), matcher.matching(METRO));
    }

    @Test
    void shouldTakeOnlyTheArticlesOfTheListedStories() {
        RouteFilter meeting = new RouteFilter(Set.of(), List.of(), Set.of(), Set.of(), Optional.empty(), Set.of("story-m1", "story-m2"));
        EnrichedArticle inStory = EnrichedArticle.newBuilder(HARBOUR)
            .setStory(io.wirestream.avro.StoryLink.newBuilder().setId("story-m2").setRole(io.wirestream.avro.StoryRole.JOINED).build()).build();
        EnrichedArticle otherStory = EnrichedArticle.newBuilder(HARBOUR)
            .setStory(io.wirestream.avro.StoryLink.newBuilder().setId("story-x").setRole(io.wirestream.avro.StoryRole.STARTED).build()).build();
        assertEquals(true, meeting.matches(inStory));
        assertEquals(false, meeting.matches(otherStory));
        assertEquals(false, meeting.matches(HARBOUR), "an article without a story");
    }
}
