package io.wirestream.enrichment.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * About a million English names of people, places, organisations and events, each with the kinds of thing it
 * names, from Emory NLP's named-entity gazetteer ({@code edu.emory.mathcs.nlp:nlp4j-english}, Apache-2.0), which
 * the module {@code gazetteer} filters into the resource {@value #RESOURCE} at build time (what it keeps: see
 * docs/enrichment.md). Evidence for the type of a name the knowledge base lacks; it links nothing.
 *
 * <p>The resource is gzip-compressed UTF-8, one {@code name TAB kinds} line per name, sorted by the names' UTF-8
 * bytes, no duplicates; kinds are letters of {@code PLOE} (person, place, organisation, event). The names are
 * kept as those bytes in one array with an offset each (about 25 MB of heap), and found through an open-addressing
 * table of their hashes (8 bytes a slot, at most half full: about 16 MB more for a million names), so a look-up
 * reads one or two slots and compares the bytes of a name only when its hash matches, instead of the twenty
 * names a binary search compares.
 * Matching is exact: case, diacritics and the single spaces between words as written.
 *
 * <p>Thread-safe and immutable; {@link #shared()} loads the bundled resource once, on first use.
 */
public final class EnglishGazetteer {

    /** The bundled resource, on the class path through the artifact {@code io.wirestream:wirestream-gazetteer}. */
    public static final String RESOURCE = "/io/wirestream/enrichment/gazetteer/en-names-v1.tsv.gz";

    /** What a gazetteer name names. */
    public enum Kind { PERSON, PLACE, ORGANIZATION, EVENT }

    private static final String LETTERS = "PLOE";
    private static final Kind[] KINDS = Kind.values();
    @SuppressWarnings("unchecked")
    private static final Set<Kind>[] SETS = new Set[1 << KINDS.length];
    private static volatile EnglishGazetteer shared;

    static {
        for (int mask = 0; mask < SETS.length; mask++) {
            EnumSet<Kind> s = EnumSet.noneOf(Kind.class);
            for (Kind k : KINDS) {
                if ((mask & (1 << k.ordinal())) != 0) {
                    s.add(k);
                }
            }
            SETS[mask] = Collections.unmodifiableSet(s);
        }
    }

    private final byte[] names;
    private final int[] starts;
    private final byte[] kinds;
    /** Per slot: the name's {@link #hash} in the high 32 bits, its line + 1 in the low ones; 0 is a free slot. */
    private final long[] slots;

    private EnglishGazetteer(byte[] names, int[] starts, byte[] kinds) {
        this.names = names;
        this.starts = starts;
        this.kinds = kinds;
        this.slots = new long[Integer.highestOneBit(Math.max(2, kinds.length)) << 2];
        int mask = slots.length - 1;
        for (int line = 0; line < kinds.length; line++) {
            int h = hash(names, starts[line], starts[line + 1]);
            int slot = h & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = ((long) h << 32) | (line + 1);
        }
    }

    /** A hash of the bytes from {@code from} to {@code to}, its low bits mixed from all of them. */
    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }

    /** The bundled gazetteer, loaded on first use (about a second). */
    public static EnglishGazetteer shared() {
        EnglishGazetteer g = shared;
        if (g == null) {
            synchronized (EnglishGazetteer.class) {
                g = shared;
                if (g == null) {
                    g = load(RESOURCE);
                    shared = g;
                }
            }
        }
        return g;
    }

    /**
     * The gazetteer in the class-path resource {@code resource}.
     *
     * @throws IllegalStateException if the resource is missing, or is not in the format above (the message names
     *                               the resource and the line)
     */
    public static EnglishGazetteer load(String resource) {
        InputStream in = EnglishGazetteer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " not on the class path (built by the module gazetteer,"
                    + " artifact io.wirestream:wirestream-gazetteer, from edu.emory.mathcs.nlp:nlp4j-english)");
        }
        try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
            return parse(gz.readAllBytes(), resource);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": not a readable gzip file: " + e.getMessage(), e);
        }
    }

    /** Parses the uncompressed lines; {@code source} names them in errors. */
    static EnglishGazetteer parse(byte[] data, String source) {
        int lines = 0;
        for (byte b : data) {
            if (b == '\n') {
                lines++;
            }
        }
        if (data.length > 0 && data[data.length - 1] != '\n') {
            throw new IllegalStateException(source + ": line " + (lines + 1) + ": no line end after the last line");
        }
        if (lines == 0) {
            throw new IllegalStateException(source + ": no names");
        }
        byte[] packed = new byte[data.length];
        int[] starts = new int[lines + 1];
        byte[] kinds = new byte[lines];
        int at = 0;
        int write = 0;
        for (int line = 0; line < lines; line++) {
            int tab = at;
            while (data[tab] != '\t' && data[tab] != '\n') {
                tab++;
            }
            if (data[tab] != '\t' || tab == at) {
                throw malformed(source, line, "expected a name, a tab and kinds");
            }
            int end = tab + 1;
            int mask = 0;
            while (data[end] != '\n') {
                int k = LETTERS.indexOf(data[end]);
                if (k < 0 || (mask & (1 << k)) != 0) {
                    throw malformed(source, line, "kinds must be distinct letters of " + LETTERS);
                }
                mask |= 1 << k;
                end++;
            }
            if (mask == 0) {
                throw malformed(source, line, "no kinds");
            }
            if (line > 0 && Arrays.compareUnsigned(packed, starts[line - 1], write, data, at, tab) >= 0) {
                throw malformed(source, line, "names must be sorted by their UTF-8 bytes, without duplicates");
            }
            starts[line] = write;
            System.arraycopy(data, at, packed, write, tab - at);
            write += tab - at;
            kinds[line] = (byte) mask;
            at = end + 1;
        }
        starts[lines] = write;
        return new EnglishGazetteer(Arrays.copyOf(packed, write), starts, kinds);
    }

    private static IllegalStateException malformed(String source, int line, String what) {
        return new IllegalStateException(source + ": line " + (line + 1) + ": " + what);
    }

    /** How many names it holds. */
    public int size() {
        return kinds.length;
    }

    /** The kinds {@code name} names, exactly as written; empty if it is not in the gazetteer. */
    public Set<Kind> kinds(String name) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        int h = hash(key, 0, key.length);
        int mask = slots.length - 1;
        for (int slot = h & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            int line = (int) entry - 1;
            if ((int) (entry >>> 32) == h && Arrays.equals(names, starts[line], starts[line + 1], key, 0, key.length)) {
                return SETS[kinds[line]];
            }
        }
        return SETS[0];
    }
}
