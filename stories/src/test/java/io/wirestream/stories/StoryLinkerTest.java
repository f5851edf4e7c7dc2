package io.wirestream.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wirestream.stories.ArticleEvidence.EntityEvidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryLinkerTest {
    private static final long T0 = 1_760_000_000_000L;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static final EntityEvidence PRESIDENT_A = new EntityEvidence("Q7747", "Vladimir Putin", 0.18);
    private static final EntityEvidence PRESIDENT_B = new EntityEvidence("ws:ilham-aliyev", "Ilham Aliyev", 0.16);
    private static final EntityEvidence CAPITAL = new EntityEvidence("Q9365", "Dushanbe", 0.10);
    private static final EntityEvidence ANALYST = new EntityEvidence("ws:azer-garaev", "Azer Garayev", 0.09);
    private static final EntityEvidence KREMLIN = new EntityEvidence("ws:kremlin", "Kremlin", 0.08);

    private static ArticleEvidence article(String id, String language, long time, String title, List<EntityEvidence> entities,
                                           Set<String> terms) {
        return new ArticleEvidence(id, language, time, title, entities, Set.of(), Set.of(), terms);
    }

    private final StoryLinker linker = new StoryLinker(StoryParameters.DEFAULTS);

    @Test
    void shouldJoinATranslationThroughItsEntities() {
        StoryLinker.Outcome ru = linker.link(article("ru1", "ru", T0, "Встреча в Душанбе", List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL, ANALYST),
                Set.of("встре")));
        StoryLinker.Outcome en = linker.link(article("en1", "en", T0 + 2 * HOUR, "Meeting in Dushanbe",
                List.of(PRESIDENT_B, ANALYST, CAPITAL, PRESIDENT_A), Set.of("meeti")));

        assertEquals(true, ru.assignment().started());
        assertEquals(ru.story().id(), en.assignment().storyId());
        assertEquals(false, en.assignment().started());
        // most salient in the joining article first
        assertEquals(List.of("Q7747", "ws:ilham-aliyev", "Q9365", "ws:azer-garaev"), en.assignment().sharedEntities());
        assertEquals(2 * HOUR, en.assignment().timeGapMs());
        assertEquals(List.of("ru", "en"), en.story().languageList());
        assertEquals(2, en.story().articleCount());
        assertEquals(List.of("ru1", "en1"), en.story().latestArticles());
        assertEquals("Meeting in Dushanbe", en.story().titles().get("en"));
    }

    @Test
    void shouldKeepAPhoneCallOfTheSamePresidentsOnTheSameDayApartFromTheirMeeting() {
        StoryLinker.Outcome meeting = linker.link(article("m1", "ru", T0, "Встреча президентов прошла в Душанбе",
                List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL), Set.of("встре", "прези", "прошл")));
        StoryLinker.Outcome call = linker.link(article("c1", "ru", T0 + 3 * HOUR, "Телефонный разговор о торговых связях",
                List.of(PRESIDENT_A, PRESIDENT_B, KREMLIN, CAPITAL), Set.of("телеф", "разго", "торго", "связя")));

        assertEquals(true, call.assignment().started());
        assertEquals(2, linker.openStories());
        assertEquals(true, !meeting.story().id().equals(call.story().id()));
    }

    @Test
    void shouldNotLinkOnOneSharedName() {
        linker.link(article("a", "en", T0, "Harbour strike", List.of(PRESIDENT_A), Set.of("harbo", "strik")));
        StoryLinker.Outcome other = linker.link(article("b", "de", T0 + HOUR, "Gipfel", List.of(PRESIDENT_A), Set.of("gipfe")));
        assertEquals(true, other.assignment().started());
    }

    @Test
    void shouldStartANewStoryPastTheJoinGap() {
        StoryLinker.Outcome first = linker.link(article("a", "ru", T0, "Встреча", List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL, ANALYST), Set.of("встре")));
        StoryLinker.Outcome late = linker.link(article("b", "ru", T0 + 2 * DAY + HOUR, "Встреча",
                List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL, ANALYST), Set.of("встре")));
        assertEquals(true, late.assignment().started());
        assertEquals(List.of(), late.closed());
        assertEquals(2, linker.openStories());
        assertEquals(first.story().id(), linker.story(first.story().id()).id());
    }

    @Test
    void shouldCloseAQuietStoryAndKeepOneThatKeepsGettingArticles() {
        List<EntityEvidence> quiet = List.of(new EntityEvidence("Q1", "Quiet", 0.2), new EntityEvidence("Q2", "Quieter", 0.2));
        List<EntityEvidence> busy = List.of(new EntityEvidence("Q3", "Busy", 0.2), new EntityEvidence("Q4", "Busier", 0.2),
                new EntityEvidence("Q5", "Busiest", 0.2));
        String quietId = linker.link(article("q", "en", T0, "", quiet, Set.of())).story().id();
        String busyId = linker.link(article("b0", "en", T0, "", busy, Set.of())).story().id();
        List<String> closed = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            StoryLinker.Outcome o = linker.link(article("b" + day, "en", T0 + day * DAY, "", busy, Set.of()));
            assertEquals(busyId, o.story().id(), "day " + day);
            o.closed().forEach(s -> closed.add(s.id()));
        }
        assertEquals(List.of(quietId), closed);
        assertEquals(11, linker.story(busyId).articleCount());
        assertEquals(1, linker.openStories());
    }

    @Test
    void shouldMergeTwoStoriesAnArticleBridgesIntoTheOlderOne() {
        EntityEvidence river = new EntityEvidence("Q10", "River", 0.2);
        EntityEvidence town = new EntityEvidence("Q11", "Town", 0.2);
        EntityEvidence mayor = new EntityEvidence("ws:mayor", "Mayor", 0.2);
        EntityEvidence dam = new EntityEvidence("Q12", "Dam", 0.2);
        EntityEvidence bridgeName = new EntityEvidence("Q13", "Bridge", 0.2);
        EntityEvidence valley = new EntityEvidence("Q14", "Valley", 0.2);
        String older = linker.link(article("a", "en", T0, "", List.of(river, town, bridgeName), Set.of())).story().id();
        String newer = linker.link(article("b", "fr", T0 + HOUR, "", List.of(mayor, dam, valley), Set.of())).story().id();
        StoryLinker.Outcome bridge = linker.link(article("c", "de", T0 + 2 * HOUR, "", List.of(river, town, bridgeName, mayor, dam, valley),
                Set.of()));

        assertEquals(older, bridge.story().id());
        assertEquals(1, bridge.merges().size());
        assertEquals(newer, bridge.merges().get(0).absorbed().id());
        assertEquals(older, bridge.merges().get(0).into());
        assertEquals(List.of(newer), bridge.story().absorbed());
        assertEquals(3, bridge.story().articleCount());
        assertEquals(List.of("a", "b", "c"), bridge.story().latestArticles());
        assertEquals(1, linker.openStories());
    }

    @Test
    void shouldCloseTheLongestQuietStoryPastTheOpenLimit() {
        StoryLinker small = new StoryLinker(StoryParameters.DEFAULTS.withLimits(2, 20, 10));
        String first = small.link(article("a", "en", T0, "", List.of(new EntityEvidence("Q1", "One", 0.2)), Set.of())).story().id();
        small.link(article("b", "en", T0 + 1, "", List.of(new EntityEvidence("Q2", "Two", 0.2)), Set.of()));
        StoryLinker.Outcome third = small.link(article("c", "en", T0 + 2, "", List.of(new EntityEvidence("Q3", "Three", 0.2)), Set.of()));
        assertEquals(List.of(first), third.closed().stream().map(StoryState::id).toList());
        assertEquals(2, small.openStories());
    }

    @Test
    void shouldDecideTheSameAfterARestoreFromStoredStories() {
        StoryLinker.Outcome ru = linker.link(article("ru1", "ru", T0, "Встреча", List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL, ANALYST), Set.of("встре")));
        StoryLinker restored = new StoryLinker(StoryParameters.DEFAULTS);
        restored.restore(StoryCodec.decode(StoryCodec.encode(ru.story())));

        StoryLinker.Outcome en = restored.link(article("en1", "en", T0 + HOUR, "Meeting", List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL, ANALYST),
                Set.of("meeti")));
        assertEquals(ru.story().id(), en.assignment().storyId());
        assertEquals(List.of("ru1", "en1"), en.story().latestArticles());
        assertEquals(T0, restored.story(ru.story().id()).firstSeen());
    }

    @Test
    void shouldFindAStoryByARareKeyWhenACommonOneIsTooCommonToSearch() {
        StoryLinker capped = new StoryLinker(new StoryParameters(3 * DAY, 2 * DAY, 1000, 2, 160, 20, 10, 1.0, 2));
        EntityEvidence country = new EntityEvidence("Q159", "Russia", 0.2);
        for (int i = 0; i < 5; i++) {
            capped.link(article("x" + i, "en", T0, "", List.of(country, new EntityEvidence("Q" + (100 + i), "Other " + i, 0.2)), Set.of()));
        }
        EntityEvidence capital = new EntityEvidence("Q9365", "Dushanbe", 0.2);
        EntityEvidence analyst = new EntityEvidence("ws:azer-garaev", "Azer Garayev", 0.2);
        String target = capped.link(article("t", "en", T0, "", List.of(country, capital, analyst), Set.of())).story().id();
        StoryLinker.Outcome joined = capped.link(article("u", "ru", T0 + HOUR, "", List.of(capital, analyst, country), Set.of()));
        assertEquals(target, joined.assignment().storyId());
        assertEquals(List.of("Q9365", "ws:azer-garaev", "Q159"), joined.assignment().sharedEntities());
    }

    @Test
    void shouldRefuseParametersThatCannotWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoryParameters.DEFAULTS.withWindow(DAY, 2 * DAY));
        assertEquals("joinGapMs must be between 0 and quietAfterMs (86400000), was 172800000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoryParameters.DEFAULTS.withThreshold(1.0, 1));
    }

    @Test
    void shouldRefuseAStoredStoryOfAnotherVersion() {
        byte[] stored = StoryCodec.encode(linker.link(article("a", "en", T0, "", List.of(PRESIDENT_A), Set.of())).story());
        stored[0] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoryCodec.decode(stored));
        assertEquals("stored story of version 9, this code reads version 1", e.getMessage());
    }

    @Test
    void shouldNotMergeTwoEventsWhoseHeadlinesDisagreeWhenAnArticleInAnotherLanguageFitsBoth() {
        String meeting = linker.link(article("m", "ru", T0, "Встреча в Душанбе", List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL),
                Set.of("встре"))).story().id();
        String call = linker.link(article("c", "ru", T0 + HOUR, "Телефонный разговор", List.of(PRESIDENT_A, PRESIDENT_B, KREMLIN),
                Set.of("телеф", "разго"))).story().id();
        StoryLinker.Outcome en = linker.link(article("e", "en", T0 + 2 * HOUR, "Talks in Dushanbe",
                List.of(PRESIDENT_A, PRESIDENT_B, CAPITAL, ANALYST), Set.of("talks")));

        assertEquals(meeting, en.assignment().storyId());
        assertEquals(List.of(), en.merges());
        assertEquals(call, linker.story(call).id());
    }

    @Test
    void shouldMatchTransliterationsOfOneUnknownNameFromDifferentScripts() {
        assertEquals(StoryLinker.entityKey("ws:magnus-carlsen"), StoryLinker.entityKey("ws:magnus-karlsen"));
        assertEquals(StoryLinker.entityKey("ws:hokkaido"), StoryLinker.entityKey("ws:hokaydo"));
        assertEquals(false, StoryLinker.entityKey("ws:sokolniki").equals(StoryLinker.entityKey("ws:sochi")));
        assertEquals("e:Q7747", StoryLinker.entityKey("Q7747"));
    }

    @Test
    void shouldJudgeAKeysRarityAmongTheStoriesOfTheArticlesDays() {
        EntityEvidence dam = new EntityEvidence("Q20", "Dam", 0.2);
        EntityEvidence river = new EntityEvidence("Q21", "River", 0.2);
        for (int i = 0; i < 3; i++) {
            // older stories, still open (they arrived just now, in a backfill), that hold the same two entities
            linker.link(article("old" + i, "en", T0 - 10 * DAY + i * DAY, "", List.of(dam, river, new EntityEvidence("Q3" + i, "Other", 0.2)),
                    Set.of("flood" + i)), T0);
        }
        String story = linker.link(article("a", "en", T0, "Dam repairs", List.of(dam, river), Set.of("repai")), T0).story().id();
        StoryLinker.Outcome joined = linker.link(article("b", "en", T0 + HOUR, "Dam repairs begin", List.of(river, dam), Set.of("repai", "begin")), T0);

        assertEquals(story, joined.assignment().storyId());
        assertEquals(List.of("Q21", "Q20"), joined.assignment().sharedEntities());
    }

    @Test
    void shouldNotJoinAcrossLanguagesOnTwoSharedNamesAlone() {
        String talks = linker.link(new ArticleEvidence("ru", "ru", T0, "Переговоры", List.of(PRESIDENT_A, PRESIDENT_B), Set.of("40"),
                Set.of("10-09"), Set.of("перег"))).story().id();
        StoryLinker.Outcome call = linker.link(article("en", "en", T0 + 3 * HOUR, "Phone call", List.of(PRESIDENT_A, PRESIDENT_B), Set.of("phone")));
        assertEquals(true, call.assignment().started());
        // more pieces of evidence (here a number and a date both name) are enough
        StoryLinker.Outcome report = linker.link(new ArticleEvidence("en2", "en", T0 + 4 * HOUR, "Talks", List.of(PRESIDENT_A, PRESIDENT_B),
                Set.of("40"), Set.of("10-09"), Set.of("talks")));
        assertEquals(talks, report.assignment().storyId());
        assertEquals(List.of("40"), report.assignment().sharedNumbers());
    }

    private static ArticleEvidence extracted(String id, String language, long time, String title, String body,
                                             List<EntityEvidence> entities, List<String> mentions) {
        return EvidenceExtractor.extract(id, language, time, title, body, entities, mentions);
    }

    private static final EntityEvidence LAHTI = new EntityEvidence("Q4970", "Lahti", 0.3);

    @Test
    void shouldJoinAReportWhoseNameEntityLinkingFoundOnlyInTheOtherLanguage() {
        StoryLinker.Outcome ru = linker.link(extracted("ru", "ru", T0, "Йенсруд выиграл спринт в Лахти",
                "Торвальд Йенсруд в воскресенье выиграл спринт в Лахти, опередив соперников на 12 секунд.",
                List.of(new EntityEvidence("ws:torvald-yensrud", "Torvald Yensrud", 0.6), LAHTI),
                List.of("Йенсруд", "Торвальд Йенсруд", "Лахти")));
        // the English report: entity linking found the town but not the skier
        StoryLinker.Outcome en = linker.link(extracted("en", "en", T0 + 2 * HOUR, "Jensrud wins the sprint in Lahti",
                "Torvald Jensrud won the sprint in Lahti on Sunday, 12 seconds ahead of the field.", List.of(LAHTI), List.of("Lahti")));

        assertEquals(ru.story().id(), en.assignment().storyId());
        assertEquals(List.of("Q4970", "ws:torvald-jensrud"), en.assignment().sharedEntities());
    }

    @Test
    void shouldKeepApartTheSamePeopleOnAnotherNamedWeekday() {
        List<EntityEvidence> entities = List.of(new EntityEvidence("ws:torvald-yensrud", "Torvald Yensrud", 0.6), LAHTI);
        List<String> mentions = List.of("Йенсруд", "Торвальд Йенсруд", "Лахти");
        StoryLinker.Outcome won = linker.link(extracted("a", "ru", T0, "Йенсруд выиграл спринт в Лахти",
                "Торвальд Йенсруд в воскресенье выиграл спринт в Лахти.", entities, mentions));
        StoryLinker.Outcome withdrew = linker.link(extracted("b", "ru", T0 + DAY, "Йенсруд снялся со спринта в Лахти",
                "Торвальд Йенсруд в понедельник снялся со второго спринта в Лахти из-за травмы.", entities, mentions));
        StoryLinker.Outcome sameDay = linker.link(extracted("c", "ru", T0 + DAY + HOUR, "Йенсруд снялся со второго спринта в Лахти",
                "Торвальд Йенсруд в понедельник объявил, что пропустит второй спринт в Лахти.", entities, mentions));

        assertEquals(true, withdrew.assignment().started());
        assertEquals(withdrew.story().id(), sameDay.assignment().storyId());
        assertEquals(false, won.story().id().equals(withdrew.story().id()));
    }

    @Test
    void shouldFoldSpellingsOfSoftC() {
        assertEquals(StoryLinker.entityKey("ws:valencia"), StoryLinker.entityKey("ws:valensiya"));
        assertEquals(StoryLinker.entityKey("ws:carlos-garcia"), StoryLinker.entityKey("ws:karlos-garsiya"));
    }

    @Test
    void shouldFindAStoryThroughKeysHeldByMoreStoriesThanListedWhenItGotThemLast() {
        StoryLinker capped = new StoryLinker(new StoryParameters(30 * DAY, 2 * DAY, 1000, 2, 160, 20, 10, 1.2, 2));
        EntityEvidence country = new EntityEvidence("Q159", "Russia", 0.2);
        for (int i = 0; i < 5; i++) {
            // talks of other weeks, all still open
            capped.link(article("old" + i, "en", T0 - (10 + 3 * i) * DAY, "Talks", List.of(PRESIDENT_A, country), Set.of("talks")), T0);
        }
        String target = capped.link(article("t", "en", T0, "Talks", List.of(PRESIDENT_A, country), Set.of("talks")), T0).story().id();
        StoryLinker.Outcome joined = capped.link(article("u", "en", T0 + HOUR, "Talks end", List.of(country, PRESIDENT_A), Set.of("talks", "end")), T0);

        assertEquals(target, joined.assignment().storyId());
        assertEquals(List.of("Q159", "Q7747"), joined.assignment().sharedEntities());
    }

    @Test
    void shouldVisitAtMostTheBudgetAndFindTheStoryByItsRareKeys() {
        // 300 stories of other events share one common entity (a country in every report) and a common term
        EntityEvidence country = new EntityEvidence("Q159", "Russia", 0.2);
        for (int i = 0; i < 300; i++) {
            linker.link(article("other" + i, "en", T0 + i, "Report " + i,
                    List.of(country, new EntityEvidence("ws:person-" + i, "Person " + i, 0.1)), Set.of("repor", "t" + i)), T0 + i);
        }
        StoryLinker.Outcome first = linker.link(article("a1", "en", T0 + HOUR, "Meeting in Dushanbe",
                List.of(country, PRESIDENT_A, PRESIDENT_B, CAPITAL), Set.of("repor", "meeti", "dusha")), T0 + HOUR);
        StoryLinker.Outcome second = linker.link(article("a2", "ru", T0 + 2 * HOUR, "Встреча в Душанбе",
                List.of(PRESIDENT_B, CAPITAL, PRESIDENT_A, country), Set.of("встре")), T0 + 2 * HOUR);

        assertEquals(first.story().id(), second.assignment().storyId());
        assertEquals(true, linker.lastVisited() <= StoryLinker.VISIT_BUDGET, "visited " + linker.lastVisited());
        // the rare keys were visited first: the common entity's list (100 stories) was cut to what was left
        assertEquals(StoryLinker.VISIT_BUDGET, linker.lastVisited());
    }
}
