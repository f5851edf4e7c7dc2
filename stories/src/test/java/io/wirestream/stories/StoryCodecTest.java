package io.wirestream.stories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store value of a story is byte for byte what {@link DataOutputStream} wrote for it before the codec wrote
 * its own bytes (the stream form is kept here), and reading it back gives the same story; strings are read as
 * {@link DataInputStream#readUTF} reads them, malformed ones included.
 */
class StoryCodecTest {
    /** Chars of every width in modified UTF-8: the zero char, ASCII, two bytes, three bytes, surrogate halves. */
    private static final String CHARS = "\u0000aZ9 -:~\u007f\u0080é\u00e9я\u07ff\u0800€\u2014\ud83d\ude00\ud800\udfff\uffff";

    @Test
    void shouldWriteTheBytesOfTheStreamFormAndReadThemBack() throws IOException {
        Random random = new Random(20261203);
        for (int n = 0; n < 300; n++) {
            StoryState story = story(random);
            byte[] expected = streamForm(story);
            assertArrayEquals(expected, StoryCodec.encode(story), story::toString);
            StoryState read = StoryCodec.decode(expected);
            assertArrayEquals(expected, streamForm(read), story::toString);
            assertEquals(story.entityTotals(), read.entityTotals());
            assertEquals(story.titles(), read.titles());
            assertEquals(story.languageList(), read.languageList());
            assertEquals(story.evidence(), read.evidence());
            assertEquals(new ArrayList<>(story.keys.keySet()), new ArrayList<>(read.keys.keySet()));
        }
    }

    @Test
    void shouldReadStringsAsTheStreamReadsThem() throws IOException {
        Random random = new Random(7);
        byte[] interesting = {0, 0x41, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc3, (byte) 0xa9, (byte) 0xd0,
            (byte) 0xdf, (byte) 0xe0, (byte) 0xe2, (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xff};
        for (int n = 0; n < 20_000; n++) {
            byte[] data = new byte[2 + random.nextInt(8)];
            int length = random.nextInt(data.length + 1);
            data[0] = (byte) (length >>> 8);
            data[1] = (byte) length;
            for (int i = 2; i < data.length; i++) {
                data[i] = interesting[random.nextInt(interesting.length)];
            }
            String expected;
            try {
                expected = new DataInputStream(new ByteArrayInputStream(data)).readUTF();
            } catch (IOException e) {
                expected = e.getClass().getSimpleName();
            }
            String actual;
            try {
                actual = new DataBytesReader(data).readUTF();
            } catch (IOException e) {
                actual = e.getClass().getSimpleName();
            }
            assertEquals(expected, actual, () -> java.util.Arrays.toString(data));
        }
    }

    @Test
    void shouldRefuseAStringTooLongAsTheStreamDoes() {
        DataBytesWriter out = new DataBytesWriter(16);
        assertThrows(UncheckedIOException.class, () -> out.writeUTF("€".repeat(21_846)));
        out.writeUTF("€".repeat(21_845));
        assertEquals(2 + 65_535, out.toByteArray().length);
    }

    @Test
    void shouldReadATruncatedStoryAsNotAStory() {
        byte[] stored = StoryCodec.encode(story(new Random(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoryCodec.decode(java.util.Arrays.copyOf(stored, stored.length - 3)));
        assertEquals("stored story is truncated or not a story: java.io.EOFException", e.getMessage());
    }

    private static StoryState story(Random random) {
        StoryLinker linker = new StoryLinker(StoryParameters.DEFAULTS);
        StoryLinker.Outcome last = null;
        String entity = "Q" + random.nextInt(1000);
        for (int i = 0, articles = 1 + random.nextInt(25); i < articles; i++) {
            List<ArticleEvidence.EntityEvidence> entities = new ArrayList<>();
            entities.add(new ArticleEvidence.EntityEvidence(entity, text(random), 0.9));
            for (int e = random.nextInt(4); e > 0; e--) {
                entities.add(new ArticleEvidence.EntityEvidence("ws:" + text(random), text(random), random.nextDouble()));
            }
            ArticleEvidence a = new ArticleEvidence(text(random) + i, random.nextBoolean() ? "en" : text(random), 1_000L * i,
                    random.nextInt(5) == 0 ? "" : text(random), entities, Set.of("12", text(random)), Set.of("03-0" + (1 + random.nextInt(9))),
                    Set.of(text(random), "term"), List.of(new ArticleEvidence.Name(text(random), random.nextBoolean())));
            last = linker.link(a, 1_000L * i);
        }
        return last.story();
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return s.toString();
    }

    /** The codec's earlier form: the same fields through a {@link DataOutputStream}. */
    private static byte[] streamForm(StoryState s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(StoryCodec.VERSION);
            out.writeUTF(s.id());
            out.writeLong(s.firstSeen());
            out.writeLong(s.lastSeen());
            out.writeLong(s.lastArrival());
            out.writeInt(s.articleCount());
            Map<String, Integer> languages = s.languages();
            out.writeInt(languages.size());
            for (String l : s.languageList()) {
                out.writeUTF(l);
                out.writeInt(languages.get(l));
            }
            Map<String, String> titles = s.titles();
            out.writeInt(titles.size());
            for (Map.Entry<String, String> t : titles.entrySet()) {
                out.writeUTF(t.getKey());
                out.writeUTF(t.getValue().length() > 2000 ? t.getValue().substring(0, 2000) : t.getValue());
            }
            List<StoryState.EntityTotal> entities = s.entityTotals();
            out.writeInt(entities.size());
            for (StoryState.EntityTotal e : entities) {
                out.writeUTF(e.id());
                out.writeUTF(e.name());
                out.writeDouble(e.salienceSum());
            }
            for (List<String> strings : List.of(s.latestArticles(), s.absorbed())) {
                out.writeInt(strings.size());
                for (String v : strings) {
                    out.writeUTF(v);
                }
            }
            out.writeInt(s.keys.size());
            for (Map.Entry<String, Float> k : s.keys.entrySet()) {
                out.writeUTF(k.getKey());
                out.writeFloat(k.getValue());
            }
        }
        return bytes.toByteArray();
    }
}
