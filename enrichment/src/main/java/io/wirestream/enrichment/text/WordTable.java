package io.wirestream.enrichment.text;

/**
 * One shared {@code String} per word recently seen, so that tokenising a text does not copy each
 * word into a new string, and the per-word caches behind the linker ({@link Morphology#keys}, the cue
 * words) find the word without hashing its chars again: the returned string's hash is already computed
 * (a {@code String} keeps its hash once asked).
 *
 * <p>A direct-mapped table: a word goes to one slot by its hash, and a different word with the same
 * slot replaces it. It is therefore a cache, never a dictionary: {@link #word} always returns a string
 * equal to the chars asked for, whatever the table holds. Memory is bounded by {@link #SLOTS} words.
 *
 * <p>Thread-safe without locks: a slot holds a reference to an immutable string, and a reader racing a
 * writer sees either the old or the new string, both checked against the chars before use.
 */
final class WordTable {

    /** Slots of the shared table (a power of two): about 4 MB when full of news words. */
    static final int SLOTS = 1 << 16;
    /** Words longer than this are copied, not kept: they rarely repeat. */
    static final int MAX_LENGTH = 32;

    private static final WordTable SHARED = new WordTable(SLOTS);

    private final String[] slots;
    private final int mask;

    WordTable(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, was " + slots);
        }
        this.slots = new String[slots];
        this.mask = slots - 1;
    }

    static WordTable shared() {
        return SHARED;
    }

    /** A string equal to {@code text.substring(start, end)}, the same instance as last time if it is still kept. */
    String word(String text, int start, int end) {
        int length = end - start;
        if (length > MAX_LENGTH) {
            return text.substring(start, end);
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);   // String.hashCode over the chars
        }
        int slot = (h ^ (h >>> 16)) & mask;
        String kept = slots[slot];
        if (kept != null && kept.length() == length && kept.hashCode() == h && text.regionMatches(start, kept, 0, length)) {
            return kept;
        }
        String word = text.substring(start, end);
        word.hashCode();
        slots[slot] = word;
        return word;
    }
}
