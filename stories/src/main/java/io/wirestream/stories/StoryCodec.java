package io.wirestream.stories;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of a {@link StoryState} (a state store value): a version byte, then the fields in a fixed
 * order, as {@link java.io.DataOutputStream} writes them (numbers big-endian, strings in modified UTF-8 after a
 * two-byte length; {@link DataBytesWriter}, {@link DataBytesReader}). A reader refuses a version it does not know,
 * naming it, rather than guess.
 */
public final class StoryCodec {
    static final byte VERSION = 1;

    private StoryCodec() {
    }

    public static byte[] encode(StoryState s) {
        DataBytesWriter out = new DataBytesWriter(256 + s.keys.size() * 24);
        out.writeByte(VERSION);
        out.writeUTF(s.id());
        out.writeLong(s.firstSeen());
        out.writeLong(s.lastSeen());
        out.writeLong(s.lastArrival());
        out.writeInt(s.articleCount());
        out.writeInt(s.languages.size());
        for (Map.Entry<String, Integer> l : s.languages.entrySet()) {
            out.writeUTF(l.getKey());
            out.writeInt(l.getValue());
        }
        out.writeInt(s.titles.size());
        for (Map.Entry<String, String> t : s.titles.entrySet()) {
            out.writeUTF(t.getKey());
            out.writeUTF(t.getValue().length() > 2000 ? t.getValue().substring(0, 2000) : t.getValue());
        }
        out.writeInt(s.entities.size());
        for (StoryState.EntityTotal e : s.entities.values()) {
            out.writeUTF(e.id());
            out.writeUTF(e.name());
            out.writeDouble(e.salienceSum());
        }
        writeStrings(out, s.latestArticles);
        writeStrings(out, s.absorbed);
        out.writeInt(s.keys.size());
        for (Map.Entry<String, Float> k : s.keys.entrySet()) {
            out.writeUTF(k.getKey());
            out.writeFloat(k.getValue());
        }
        return out.toByteArray();
    }

    public static StoryState decode(byte[] data) {
        try {
            DataBytesReader in = new DataBytesReader(data);
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("stored story of version " + version + ", this code reads version " + VERSION);
            }
            String id = in.readUTF();
            long first = in.readLong();
            long last = in.readLong();
            long arrival = in.readLong();
            int count = in.readInt();
            LinkedHashMap<String, Integer> languages = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                languages.put(in.readUTF(), in.readInt());
            }
            LinkedHashMap<String, String> titles = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                titles.put(in.readUTF(), in.readUTF());
            }
            LinkedHashMap<String, StoryState.EntityTotal> entities = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                StoryState.EntityTotal e = new StoryState.EntityTotal(in.readUTF(), in.readUTF(), in.readDouble());
                entities.put(e.id(), e);
            }
            ArrayDeque<String> latest = new ArrayDeque<>(readStrings(in));
            ArrayList<String> absorbed = readStrings(in);
            LinkedHashMap<String, Float> keys = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                keys.put(in.readUTF(), in.readFloat());
            }
            return StoryState.adopting(id, first, last, arrival, count, languages, titles, entities, latest, absorbed, keys);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored story is truncated or not a story: " + e, e);
        }
    }

    private static void writeStrings(DataBytesWriter out, Collection<String> values) {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static ArrayList<String> readStrings(DataBytesReader in) throws IOException {
        ArrayList<String> out = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            out.add(in.readUTF());
        }
        return out;
    }
}
