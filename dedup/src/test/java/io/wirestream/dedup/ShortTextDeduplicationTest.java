package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short texts (headlines, one-sentence and three-sentence briefs) and texts in scripts written without
 * spaces: distinct items must never be judged copies, real edited copies still are.
 */
class ShortTextDeduplicationTest {

    private static final long T0 = 1_760_000_000_000L;

    /** Distinct one-sentence briefs in Chinese and Japanese, several on the same topic. */
    private static final List<String> DISTINCT_CJK = List.of(
            "市政府宣布，明年起地铁票价将上涨两元。",
            "受台风影响，本周五全市中小学停课一天。",
            "港口工人罢工进入第三天，数百艘货船在海上等待。",
            "港口管理局表示，罢工结束后需要两周才能清理积压的货物。",
            "新建的跨江大桥今天正式通车，沿线交通明显改善。",
            "气象台预计，未来三天北方地区将迎来大范围降雪。",
            "大雨の影響で、東海道新幹線は午後から運転を見合わせている。",
            "港湾労働者のストライキは三日目に入り、多くの貨物船が沖で待機している。",
            "市議会は来年度の予算案を賛成多数で可決した。",
            "新しい図書館が駅前に完成し、週末に一般公開される。",
            "台風の接近に伴い、県内の全ての小中学校が休校となった。",
            "地元のパン屋がライ麦パンの全国大会で優勝した。");

    private final SignatureFactory factory = new SignatureFactory(DedupParameters.DEFAULTS);

    private NearDuplicateIndex newIndex() {
        return new NearDuplicateIndex(DedupParameters.DEFAULTS, new InMemoryByteStore(), new InMemoryByteStore());
    }

    private List<String> copiesAmong(List<String> texts) {
        NearDuplicateIndex index = newIndex();
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            long t = T0 + i * 1000L;
            Verdict v = index.check(factory.sign("t" + i, null, texts.get(i), t), t).orElseThrow();
            if (v.isCopy()) {
                String original = v.original().orElseThrow().candidate().id();
                copies.add(texts.get(i) + " judged a copy of " + texts.get(Integer.parseInt(original.substring(1)))
                        + " at " + v.original().orElseThrow().similarity());
            }
        }
        return copies;
    }

    @Test
    void shouldNeverJudgeDistinctShortCjkTextsCopies() {
        assertEquals(List.of(), copiesAmong(DISTINCT_CJK));
    }

    @Test
    void shouldFindAnEditedCopyOfAChineseBrief() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("a", null, "哈尔德比港码头工人周一开始罢工。工会要求加薪百分之八。数十艘货船在港外等待。", T0), T0);
        Verdict copy = index.check(factory.sign("b", null, "哈尔德比港码头工人周一开始罢工。工会要求加薪百分之八。数十艘货船目前在港外等待。", T0 + 1), T0 + 1)
                .orElseThrow();
        assertEquals(Verdict.Status.COPY, copy.status());
        assertEquals(MatchKind.NEAR, copy.original().orElseThrow().kind());
    }

    @Test
    void shouldMatchTwoHeadlinesOfOneSeriesOnlyWhenTheyAreTheSameText() {
        NearDuplicateIndex index = newIndex();
        index.check(factory.sign("a", null, "Haldeby port strike: talks resume on Monday", T0), T0);
        assertEquals(Verdict.Status.UNIQUE,
                index.check(factory.sign("b", null, "Haldeby port strike: talks resume on Thursday", T0 + 1), T0 + 1).orElseThrow().status());
        assertEquals(MatchKind.EXACT_TEXT, index.check(factory.sign("c", null, "HALDEBY PORT STRIKE - TALKS RESUME ON MONDAY", T0 + 2), T0 + 2)
                .orElseThrow().original().orElseThrow().kind());
    }

    @Test
    void shouldEstimateTheShingleCountOfShortTextsFromTheSignature() {
        MinHasher hasher = new MinHasher(64, 7);
        for (int n : new int[] {1, 3, 6, 12, 25}) {
            long[] shingles = new long[n];
            for (int i = 0; i < n; i++) {
                shingles[i] = Hashing.mix64(1000 + i);
            }
            assertEquals(n, hasher.signature(shingles).estimatedShingles(), Math.max(1.0, 0.25 * n), "shingles: " + n);
        }
    }

    @Test
    void shouldRequireMoreSimilarityFromShorterTexts() {
        DedupParameters p = DedupParameters.DEFAULTS;
        assertEquals(Double.POSITIVE_INFINITY, p.thresholdFor(5));
        assertEquals(0.70, p.thresholdFor(6), 1e-9);
        assertEquals(0.35, p.thresholdFor(40), 1e-9);
        assertEquals(0.35, p.thresholdFor(Double.POSITIVE_INFINITY), 1e-9);
        assertEquals(0.525, p.thresholdFor(23), 1e-9);
    }

    @Test
    void shouldSegmentChineseIntoWordsButLeaveSpacedScriptsAlone() {
        Shingler unigrams = new Shingler(1);
        // 港口 罢工 进入 第三 天, as the space-separated text would give
        assertEquals(unigrams.shingles("港口 罢工 进入 第三 天").length, unigrams.shingles("港口罢工进入第三天").length);
        assertEquals(5, unigrams.shingles("港口罢工进入第三天").length);
        // การ นัด หยุด งาน ที่ ท่าเรือ เข้า สู่ วัน ที่ สาม: ten distinct words
        assertEquals(10, unigrams.shingles("การนัดหยุดงานที่ท่าเรือเข้าสู่วันที่สาม").length);
        assertEquals(4, unigrams.shingles("port strike third day").length);
    }
}
