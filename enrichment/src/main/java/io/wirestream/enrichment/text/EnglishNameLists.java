package io.wirestream.enrichment.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * English given names (about 5,000), common surnames (about 470) and the names of the US states, from the
 * name lists Datafaker publishes ({@code net.datafaker:datafaker}, files {@code en/name.yml} and {@code en/address.yml});
 * only those lists are read. The Russian and German dictionaries carry given names for their
 * languages; for English text this is the evidence that "Serena Williams" is a person without a cue
 * word.
 *
 * <p>Matching is on the word as written (given names are capitalised). Thread-safe and immutable;
 * {@link #shared()} holds one instance (about 300 KB).
 */
public final class EnglishNameLists {

    private static final String NAMES = "/en/name.yml";
    private static final String ADDRESSES = "/en/address.yml";
    private static volatile EnglishNameLists shared;

    private final Set<String> givenNames;
    private final Set<String> surnames;
    private final Set<String> states;

    private EnglishNameLists(Set<String> givenNames, Set<String> surnames, Set<String> states) {
        this.givenNames = givenNames;
        this.surnames = surnames;
        this.states = states;
    }

    public static EnglishNameLists shared() {
        EnglishNameLists e = shared;
        if (e == null) {
            synchronized (EnglishNameLists.class) {
                e = shared;
                if (e == null) {
                    e = new EnglishNameLists(
                            blockLists(NAMES, List.of("male_first_name", "female_first_name", "first_name")),
                            blockLists(NAMES, List.of("last_name")),
                            blockLists(ADDRESSES, List.of("state")));
                    shared = e;
                }
            }
        }
        return e;
    }

    /** A given name as written (Serena, Andy). */
    public boolean givenName(String word) {
        return givenNames.contains(word);
    }

    /** A common English-language surname as written (Williams, Baker): the list holds about 470. */
    public boolean surname(String word) {
        return surnames.contains(word);
    }

    /** The name of a US state as written, words separated by one space (Florida, New Hampshire). */
    public boolean state(String name) {
        return states.contains(name);
    }

    /**
     * The items of the YAML block lists under the given keys ({@code key:} on a line of its own, then
     * {@code - "item"} lines). Only that shape is read: the files are plain lists of strings.
     */
    static Set<String> blockLists(String resource, List<String> keys) {
        try (InputStream in = EnglishNameLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the class path (artifact net.datafaker:datafaker)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> items = new HashSet<>();
            boolean inList = false;
            String line;
            while ((line = reader.readLine()) != null) {
                String s = line.strip();
                if (s.endsWith(":")) {
                    inList = keys.contains(s.substring(0, s.length() - 1));
                } else if (inList && s.startsWith("- ")) {
                    String item = s.substring(2).strip();
                    if (item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")) {
                        item = item.substring(1, item.length() - 1);
                    }
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                } else if (!s.startsWith("- ")) {
                    inList = false;
                }
            }
            if (items.isEmpty()) {
                throw new IllegalStateException(resource + ": no items under " + keys);
            }
            return Set.copyOf(items);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
