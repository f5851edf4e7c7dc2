package io.wirestream.stories;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a {@link StoryState} (a state store value): a version byte, then the fields in a fixed
 * order. A reader refuses a version it does not know, naming it, rather than guess.
 */
public final class StoryCodec {
    static final byte VERSION = 1;

    private StoryCodec() {
    }

    public static byte[] encode(StoryState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + s.keys.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
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
            writeStrings(out, s.latestArticles());
            writeStrings(out, s.absorbed());
            out.writeInt(s.keys.size());
            for (Map.Entry<String, Float> k : s.keys.entrySet()) {
                out.writeUTF(k.getKey());
                out.writeFloat(k.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static StoryState decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("stored story of version " + version + ", this code reads version " + VERSION);
            }
            String id = in.readUTF();
            long first = in.readLong();
            long last = in.readLong();
            long arrival = in.readLong();
            int count = in.readInt();
            Map<String, Integer> languages = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                languages.put(in.readUTF(), in.readInt());
            }
            Map<String, String> titles = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                titles.put(in.readUTF(), in.readUTF());
            }
            Map<String, StoryState.EntityTotal> entities = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                StoryState.EntityTotal e = new StoryState.EntityTotal(in.readUTF(), in.readUTF(), in.readDouble());
                entities.put(e.id(), e);
            }
            List<String> latest = readStrings(in);
            List<String> absorbed = readStrings(in);
            Map<String, Float> keys = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                keys.put(in.readUTF(), in.readFloat());
            }
            return new StoryState(id, first, last, arrival, count, languages, titles, entities, latest, absorbed, keys);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored story is truncated or not a story: " + e, e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            out.add(in.readUTF());
        }
        return out;
    }
}
