package io.wirestream.enrichment.kb;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;
import io.wirestream.enrichment.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The name index as it was before its walk used arrays instead of lists: the oracle {@link NameIndex}
 * must agree with.
 *
 * <p>A trie of names over word keys ({@link Morphology#keys}), so that a name is found whatever form
 * its words take in the text. An all-capitals word of a name (NATO, ООН, WHO) only matches an
 * all-capitals word of the text, so "Who" opening a sentence is not the World Health Organization.
 *
 * <p>Safe for concurrent reads and writes; a reader racing a writer may see a name half added.
 */
final class NameIndexOracle {

    /** At most this many key combinations are indexed per name. */
    private static final int MAX_VARIANTS = 16;
    private static final String ACRONYM = "=";

    private static final class Node {
        final Map<String, Node> children = new ConcurrentHashMap<>();
        final List<String> ids = new CopyOnWriteArrayList<>();
    }

    private final Node root = new Node();
    private final Morphology morphology;
    private volatile int maxWords = 1;

    NameIndexOracle(Morphology morphology) {
        this.morphology = morphology;
    }

    /** Keys of a word of the text: its morphological keys, and its acronym key if it is one. */
    List<String> textKeys(Token token) {
        List<String> keys = morphology.keys(token.text());
        if (!token.acronym()) {
            return keys;
        }
        List<String> all = new ArrayList<>(keys.size() + 1);
        all.add(ACRONYM + keys.get(0));
        all.addAll(keys);
        return all;
    }

    private List<String> nameKeys(Token token) {
        return token.acronym() ? List.of(ACRONYM + morphology.keys(token.text()).get(0)) : morphology.nameKeys(token.text());
    }

    void add(String name, String id) {
        for (List<String> path : paths(name)) {
            Node node = root;
            for (String key : path) {
                node = node.children.computeIfAbsent(key, k -> new Node());
            }
            if (!node.ids.contains(id)) {
                node.ids.add(id);
            }
            if (path.size() > maxWords) {
                maxWords = path.size();
            }
        }
    }

    void remove(String name, String id) {
        for (List<String> path : paths(name)) {
            Node node = root;
            for (String key : path) {
                node = node.children.get(key);
                if (node == null) {
                    break;
                }
            }
            if (node != null) {
                node.ids.remove(id);
            }
        }
    }

    private List<List<String>> paths(String name) {
        List<Token> tokens = Tokenizer.tokenize(name);
        List<List<String>> paths = new ArrayList<>();
        if (tokens.isEmpty()) {
            return paths;
        }
        paths.add(new ArrayList<>());
        for (Token t : tokens) {
            List<String> keys = nameKeys(t);
            List<List<String>> next = new ArrayList<>();
            for (List<String> p : paths) {
                for (String k : keys) {
                    if (next.size() >= MAX_VARIANTS) {
                        break;
                    }
                    List<String> q = new ArrayList<>(p);
                    q.add(k);
                    next.add(q);
                }
            }
            paths = next;
        }
        return paths;
    }

    /** The longest name starting at word {@code start}: how many words it spans and its ids. */
    record Hit(int words, List<String> ids) {
    }

    Hit longest(List<List<String>> keysPerToken, int start) {
        List<Node> frontier = List.of(root);
        Hit best = null;
        int limit = Math.min(keysPerToken.size(), start + maxWords);
        for (int i = start; i < limit && !frontier.isEmpty(); i++) {
            List<Node> next = new ArrayList<>(2);
            for (Node node : frontier) {
                for (String key : keysPerToken.get(i)) {
                    Node child = node.children.get(key);
                    if (child != null && !next.contains(child)) {
                        next.add(child);
                    }
                }
            }
            for (Node node : next) {
                if (!node.ids.isEmpty()) {
                    best = new Hit(i - start + 1, List.copyOf(node.ids));
                    break;
                }
            }
            frontier = next;
        }
        return best;
    }
}
