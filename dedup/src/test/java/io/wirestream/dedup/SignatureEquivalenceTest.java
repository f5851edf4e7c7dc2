package io.wirestream.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Shingler}, {@link MinHasher} and so {@link SignatureFactory} give exactly what the plain form in
 * {@link ReferenceSignature} gives: the same shingles, the same 64 values, the same band keys, on random
 * text in many scripts and on the edge cases (empty, one character, emoji, lone surrogates, combining marks,
 * runs of spaces), and on shingle sets built to hit the ends of the unsigned order.
 */
class SignatureEquivalenceTest {

    /** Pieces of words by script; the texts below mix them. */
    private static final String[] ALPHABETS = {
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "0123456789",
            "äöüßéèêçñåøæœÄÖÜÉ",
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖ",
            "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΣΩ",
            "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
            "가나다라마바사아자차카타파하한국어뉴스",
            "市政府宣布明年起地铁票价将上涨两元港口工人罢工进入第三天数百艘货船在海上等待",
            "大雨の影響で東海道新幹線は午後から運転を見合わせているストライキ",
            "ひらがなカタカナ",
            "กรุงเทพมหานครรัฐบาลประกาศวันนี้",
            "ລາວພາສາ",
            "ភាសាខ្មែរ",
            "မြန်မာဘာသာ",
            "ﬁﬂＡＢＣ１２３ｱｲｳ",                        // compatibility forms
            "\u0301\u0308\u0327\u093f\u0e31",      // combining marks
            "😀😃🎉🇩🇪👍🏽𝔘𝔫𝔦𝔠𝔬𝔡𝔢𠀀𠀁",                 // surrogate pairs: emoji, math letters, CJK extension B
            "\ud800\udfff",                        // lone surrogates when drawn one at a time
            " \u00a0\t\n.,;:!?«»\"'()-–—…/",        // separators
    };

    private final SplittableRandom random = new SplittableRandom(20261203L);
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void shinglesAndSignaturesMatchThePlainFormOnRandomText() {
        for (int shingleSize : new int[]{1, 2, 3, 5}) {
            Shingler shingler = new Shingler(shingleSize);
            ReferenceSignature reference = new ReferenceSignature(shingleSize, 64, DedupParameters.DEFAULTS.seed());
            MinHasher minHasher = new MinHasher(64, DedupParameters.DEFAULTS.seed());
            for (int n = 0; n < 3000; n++) {
                String raw = randomText();
                for (String text : List.of(normalizer.normalize(raw), raw)) {
                    long[] expected = reference.shingles(text);
                    assertArrayEquals(expected, shingler.shingles(text), () -> "shingles of " + escape(text));
                    if (expected.length > 0) {
                        assertArrayEquals(reference.minHash(expected), minHasher.signature(expected).values(),
                                () -> "signature of " + escape(text));
                    }
                }
            }
        }
    }

    @Test
    void signaturesMatchThePlainFormAtTheEndsOfTheUnsignedOrder() {
        int permutations = 64;
        long seed = DedupParameters.DEFAULTS.seed();
        ReferenceSignature reference = new ReferenceSignature(3, permutations, seed);
        MinHasher minHasher = new MinHasher(permutations, seed);
        List<Long> extremes = new ArrayList<>(List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE));
        for (int i = 0; i < permutations; i += 7) {
            // shingles whose permuted value under permutation i is the unsigned maximum, zero, or either side
            // of the sign bit
            for (long target : new long[]{-1L, 0L, Long.MIN_VALUE, Long.MAX_VALUE, -2L}) {
                extremes.add(Hashing.unmix64(target) ^ reference.seed(i));
            }
        }
        for (int n = 0; n < 5000; n++) {
            int size = 1 + random.nextInt(n % 10 == 0 ? 40 : 4);
            long[] shingles = new long[size];
            for (int j = 0; j < size; j++) {
                shingles[j] = random.nextInt(3) == 0 ? random.nextLong() : extremes.get(random.nextInt(extremes.size()));
            }
            assertArrayEquals(reference.minHash(shingles), minHasher.signature(shingles).values());
        }
        for (long x : extremes) {
            assertArrayEquals(reference.minHash(new long[]{x}), minHasher.signature(new long[]{x}).values());
            assertArrayEquals(reference.minHash(new long[]{x, x, x}), minHasher.signature(new long[]{x, x, x}).values());
        }
    }

    @Test
    void signatureOfAnArticleMatchesThePlainForm() {
        DedupParameters p = DedupParameters.DEFAULTS;
        SignatureFactory factory = new SignatureFactory(p);
        ReferenceSignature reference = new ReferenceSignature(p.shingleSize(), p.numHashes(), p.seed());
        LshBanding banding = new LshBanding(p.bands(), p.rows());
        for (int n = 0; n < 2000; n++) {
            String body = randomText();
            ArticleSignature signature = factory.sign("a" + n, null, body, 0L);
            long[] shingles = reference.shingles(normalizer.normalize(body));
            if (shingles.length == 0) {
                assertEquals(0, signature.bandKeys().length);
                continue;
            }
            MinHashSignature expected = MinHashSignature.of(reference.minHash(shingles));
            assertEquals(expected, signature.minHash().orElseThrow(), () -> "signature of " + escape(body));
            assertArrayEquals(banding.bandKeys(expected), signature.bandKeys());
        }
    }

    @Test
    void hashesAreUndoneByTheirInverse() {
        for (long k : new long[]{0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertEquals(k, Hashing.unmix64(Hashing.mix64(k)));
        }
        for (int n = 0; n < 100_000; n++) {
            long k = random.nextLong();
            assertEquals(k, Hashing.unmix64(Hashing.mix64(k)));
            assertEquals(k, Hashing.mix64(Hashing.unmix64(k)));
        }
    }

    /**
     * Empty, one or a few characters, a short sentence or an article-sized text: words of one to twelve
     * characters, each from one alphabet or (one word in ten) from several, separated by one or more
     * separators.
     */
    private String randomText() {
        int words = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(3);
            case 1, 2 -> 1 + random.nextInt(12);
            default -> 20 + random.nextInt(400);
        };
        StringBuilder text = new StringBuilder();
        String home = ALPHABETS[random.nextInt(ALPHABETS.length - 1)];
        for (int w = 0; w < words; w++) {
            if (w > 0 || random.nextInt(4) == 0) {
                int separators = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 1;
                for (int s = 0; s < separators; s++) {
                    text.append(random.nextInt(5) == 0 ? pick(ALPHABETS[ALPHABETS.length - 1]) : " ");
                }
            }
            boolean mixed = random.nextInt(10) == 0;
            int length = 1 + random.nextInt(12);
            for (int c = 0; c < length; c++) {
                String alphabet = mixed ? ALPHABETS[random.nextInt(ALPHABETS.length)]
                        : random.nextInt(20) == 0 ? ALPHABETS[random.nextInt(ALPHABETS.length)] : home;
                text.append(pick(alphabet));
            }
        }
        return text.toString();
    }

    /** One code point of {@code alphabet}, except in the lone-surrogate alphabet, whose units are drawn alone. */
    private String pick(String alphabet) {
        if (alphabet.startsWith("\ud800")) {
            return String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        int[] codePoints = alphabet.codePoints().toArray();
        return Character.toString(codePoints[random.nextInt(codePoints.length)]);
    }

    /** The text's first 200 code points, those outside printable ASCII escaped. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                out.append(String.format("\\u{%x}", cp));
            } else {
                out.append((char) cp);
            }
        });
        return out.toString();
    }
}
