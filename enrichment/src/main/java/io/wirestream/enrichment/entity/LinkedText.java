package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Scripts;
import io.wirestream.enrichment.text.Token;

import java.util.List;

/**
 * A text as the linker's stages see it: the text, its words (a dateline already given ordinary
 * capitals) and each word's match keys ({@link io.wirestream.enrichment.kb.KnowledgeBase#keys}).
 *
 * @param nounCapitals the language capitalises its nouns (German), so capitals alone are weak evidence
 * @param cyrillic     most cased words are Cyrillic, so a name in Latin letters is a foreign one cited as
 *                     written (a company, a site, a newspaper)
 */
record LinkedText(String text, List<Token> tokens, List<List<String>> keys, boolean nounCapitals, boolean cyrillic,
                  WordsWritten written) {

    LinkedText(String text, List<Token> tokens, List<List<String>> keys, boolean nounCapitals) {
        this(text, tokens, keys, nounCapitals, mostlyCyrillic(tokens), new WordsWritten(tokens));
    }

    /**
     * The words of the text as an open-addressing table of word indices, built on the first question (most texts
     * ask none or many): one int per slot, so building it allocates two arrays and no entry objects. Not
     * thread-safe: one per call.
     */
    static final class WordsWritten {
        private final List<Token> tokens;
        /** Per slot: the index + 1 of the first word with this text, 0 for a free slot. */
        private int[] slots;
        /** Per slot: that word's hash. */
        private int[] hashes;

        WordsWritten(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean contains(String word) {
            if (slots == null) {
                build();
            }
            int h = word.hashCode();
            int mask = slots.length - 1;
            for (int slot = spread(h) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                if (hashes[slot] == h && tokens.get(slots[slot] - 1).text().equals(word)) {
                    return true;
                }
            }
            return false;
        }

        private void build() {
            slots = new int[Integer.highestOneBit(Math.max(2, tokens.size())) << 2];
            hashes = new int[slots.length];
            int mask = slots.length - 1;
            for (int k = 0; k < tokens.size(); k++) {
                String w = tokens.get(k).text();
                int h = w.hashCode();
                int slot = spread(h) & mask;
                while (slots[slot] != 0 && !(hashes[slot] == h && tokens.get(slots[slot] - 1).text().equals(w))) {
                    slot = (slot + 1) & mask;
                }
                if (slots[slot] == 0) {
                    slots[slot] = k + 1;
                    hashes[slot] = h;
                }
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }

    private static boolean mostlyCyrillic(List<Token> tokens) {
        int cyrillic = 0;
        int cased = 0;
        for (Token t : tokens) {
            if (t.cased()) {
                cased++;
                if (Scripts.cyrillic(t.text().codePointAt(0))) {
                    cyrillic++;
                }
            }
        }
        return cased > 0 && cyrillic * 2 > cased;
    }

    Token token(int k) {
        return tokens.get(k);
    }

    int size() {
        return tokens.size();
    }

    /** The first match key of word {@code k} (its lemma where the dictionary knows it). */
    String key(int k) {
        return keys.get(k).get(0);
    }

    /** Words of one name are separated by one space or a hyphen only, never by punctuation. */
    static boolean adjacent(Token a, Token b) {
        return b.start() - a.end() == 1;
    }

    /** Whether the text also has {@code word} in lower case. */
    boolean writtenLowerCase(String word) {
        return written.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether every letter of the words from {@code from} to {@code to} is a Latin one (not IT-индустрии). */
    boolean latin(int from, int to) {
        for (int k = from; k < to; k++) {
            String w = tokens.get(k).text();
            for (int c = 0; c < w.length(); c++) {
                if (Character.isLetter(w.charAt(c))
                        && !Scripts.latin(w.charAt(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The word follows an elided article (dell'Economia, l'Union). */
    boolean afterElision(Token t) {
        return t.start() > 0 && (text.charAt(t.start() - 1) == '\'' || text.charAt(t.start() - 1) == '’');
    }
}
