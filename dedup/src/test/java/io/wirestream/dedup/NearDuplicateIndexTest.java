package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    private static final long T0 = 1_760_000_000_000L;
    private static final long DAY = 86_400_000L;

    private static final String BODY = String.join(" ",
            "The regional council approved a new budget for the harbour district on Monday after a long debate.",
            "Members voted twenty one to nine in favour of the plan, which includes money for a new ferry terminal,",
            "repairs to the old sea wall and a programme of apprenticeships for young dock workers.",
            "The opposition argued that the costs had been underestimated and asked for an independent review.",
            "Construction of the terminal is expected to begin next spring and to last about two years.");
    private static final String OTHER = String.join(" ",
            "A small bakery in the old town has won the national prize for rye bread, the jury announced on Friday.",
            "The owners, who took over the shop from their parents, bake every night from two in the morning",
            "and sell out before noon on most days. They plan to train two apprentices next year.");

    private final SignatureFactory factory = new SignatureFactory(DedupParameters.DEFAULTS);

    private NearDuplicateIndex newIndex() {
        return new NearDuplicateIndex(DedupParameters.DEFAULTS, new InMemoryByteStore(), new InMemoryByteStore());
    }

    @Test
    void shouldMarkTheLaterCopyOfAnEarlierArticle() {
        NearDuplicateIndex index = newIndex();
        Verdict first = index.check(factory.sign("a", "https://one.example/x", BODY, T0), T0).orElseThrow();
        Verdict second = index.check(factory.sign("b", "https://two.example/y", BODY.replace("Monday", "Tuesday"), T0 + 10), T0 + 10)
                .orElseThrow();
        assertEquals(Verdict.Status.UNIQUE, first.status());
        assertEquals(Verdict.Status.COPY, second.status());
        assertEquals("a", second.original().orElseThrow().candidate().id());
        assertEquals(MatchKind.NEAR, second.original().orElseThrow().kind());
    }

    @Test
    void shouldPreferTheEarliestPublicationWhateverTheArrivalOrder() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("late", null, BODY, T0 + 5 * 60_000), T0);
        Verdict early = index.check(factory.sign("early", null, BODY, T0), T0 + 1).orElseThrow();
        assertEquals(Verdict.Status.ORIGINAL, early.status());
        assertEquals(List.of(new Match(new ArticleRef("late", T0 + 5 * 60_000), MatchKind.EXACT_TEXT, 1.0)), early.laterCopies());
    }

    @Test
    void shouldBreakPublicationTiesByLowestId() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("b", null, BODY, T0), T0);
        Verdict a = index.check(factory.sign("a", null, BODY, T0), T0).orElseThrow();
        assertEquals(Verdict.Status.ORIGINAL, a.status());
    }

    @Test
    void shouldMatchTheSameCanonicalUrlWhateverTheText() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("a", "https://www.site.example/story?utm_source=x", BODY, T0), T0);
        Verdict v = index.check(factory.sign("b", "https://m.site.example/story#top", OTHER, T0 + 1), T0 + 1).orElseThrow();
        assertEquals(Optional.of(new Match(new ArticleRef("a", T0), MatchKind.EXACT_URL, 1.0)), v.original());
    }

    @Test
    void shouldKeepDifferentArticlesApart() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("a", null, BODY, T0), T0);
        assertEquals(Verdict.Status.UNIQUE, index.check(factory.sign("b", null, OTHER, T0 + 1), T0 + 1).orElseThrow().status());
    }

    @Test
    void shouldIgnoreARedeliveryOfAnIndexedId() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("a", null, BODY, T0), T0);
        assertEquals(Optional.empty(), index.check(factory.sign("a", null, BODY, T0), T0 + 1));
    }

    @Test
    void shouldLinkACopyOfACopyToTheOriginal() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("w", "https://w.example/1", BODY, T0), T0);
        index.check(factory.sign("y", "https://y.example/1", BODY + " An extra closing sentence about the vote.", T0 + 1), T0 + 1);
        // z shares only y's URL, so it reaches w only through y's recorded original
        Verdict z = index.check(factory.sign("z", "https://y.example/1", OTHER, T0 + 2), T0 + 2).orElseThrow();
        assertEquals("w", z.original().orElseThrow().candidate().id());
    }

    @Test
    void shouldForgetEntriesOlderThanTheWindow() {
        InMemoryByteStore keys = new InMemoryByteStore();
        InMemoryByteStore signatures = new InMemoryByteStore();
        NearDuplicateIndex index = new NearDuplicateIndex(DedupParameters.DEFAULTS, keys, signatures);
        index.check(factory.sign("old", "https://site.example/1", BODY, T0), T0);
        index.check(factory.sign("new", "https://site.example/2", OTHER, T0 + 8 * DAY), T0 + 8 * DAY);
        int keysBefore = keys.size();
        index.expire(T0 + 8 * DAY - 7 * DAY);
        assertEquals(List.of(keysBefore - 18, 1), List.of(keys.size(), signatures.size()));
        Verdict v = index.check(factory.sign("again", null, BODY, T0 + 8 * DAY + 1), T0 + 8 * DAY + 1).orElseThrow();
        assertEquals(Verdict.Status.UNIQUE, v.status());
    }

    @Test
    void shouldCapTheEntriesUnderOneKey() {
        NearDuplicateIndex index = newIndex();
        byte[] key = IndexCodec.bandKey(0, 1);
        List<String> lastSeen = new ArrayList<>();
        for (int i = 0; i < NearDuplicateIndex.MAX_ENTRIES_PER_KEY + 5; i++) {
            lastSeen = index.probe(key, "id" + i, T0);
        }
        assertEquals(NearDuplicateIndex.MAX_ENTRIES_PER_KEY, lastSeen.size());
        assertEquals("id4", lastSeen.get(0));
    }

    @Test
    void shouldKeepTheIndexUnderOneKilobytePerArticle() {
        InMemoryByteStore keys = new InMemoryByteStore();
        InMemoryByteStore signatures = new InMemoryByteStore();
        NearDuplicateIndex index = new NearDuplicateIndex(DedupParameters.DEFAULTS, keys, signatures);
        int n = 200;
        for (int i = 0; i < n; i++) {
            String id = String.format("%032x", i);
            index.check(factory.sign(id, "https://site.example/" + i, BODY + " item " + i + " " + OTHER, T0 + i), T0 + i);
        }
        long perArticle = (keys.payloadBytes() + signatures.payloadBytes()) / n;
        assertTrue(perArticle < 1024, "index bytes per article: " + perArticle);
    }
}
