package io.wirestream.gazetteer;

import edu.emory.mathcs.nlp.common.collection.tree.PrefixNode;
import edu.emory.mathcs.nlp.common.collection.tree.PrefixTree;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Build step: reads Emory NLP's English named-entity gazetteer from {@code edu.emory.mathcs.nlp:nlp4j-english}
 * (on the class path), keeps what {@link GazetteerEntry} keeps and writes the resource the entity typer loads:
 * gzip-compressed UTF-8 lines {@code name TAB kinds}, sorted by the names' UTF-8 bytes, no duplicates.
 *
 * <pre>java -Xmx1200m -cp &lt;this module's compile class path&gt; io.wirestream.gazetteer.GazetteerCompiler OUT.tsv.gz</pre>
 *
 * The source is a Java-serialised {@code PrefixTree} (xz) whose paths are a name's tokens and whose values are
 * sets of class numbers; reading it takes about 700 MB of heap and ten seconds.
 */
public final class GazetteerCompiler {

    static final String NAMES = "/edu/emory/mathcs/nlp/lexica/en-named-entity-gazetteers-simplified.xz";
    static final String LOWER_CASE_TAGS = "/edu/emory/mathcs/nlp/lexica/en-ambiguity-classes-simplified-lowercase.xz";

    private GazetteerCompiler() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GazetteerCompiler OUT.tsv.gz");
        }
        long start = System.nanoTime();
        Map<String, Object> tags = read(LOWER_CASE_TAGS);
        Set<String> common = new HashSet<>();
        // each word's part-of-speech tags, written as "[NNP, NN]"
        tags.forEach((word, classes) -> {
            for (String c : classes.toString().replaceAll("[\\[\\]]", "").split(", ")) {
                if (!c.equals("NNP") && !c.equals("NNPS")) {
                    common.add(word);
                    break;
                }
            }
        });
        tags = null;
        PrefixTree<String, Collection<String>> tree = read(NAMES);
        Map<String, String> kept = new HashMap<>();
        walk(tree.getRoot(), new ArrayDeque<>(), kept, common);
        tree = null;
        List<byte[]> names = new ArrayList<>(kept.size());
        kept.keySet().forEach(n -> names.add(n.getBytes(StandardCharsets.UTF_8)));
        names.sort(Arrays::compareUnsigned);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (byte[] n : names) {
                o.write(n);
                o.write('\t');
                o.write(kept.get(new String(n, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
                o.write('\n');
            }
        }
        System.out.printf("gazetteer: %d names kept, %d bytes, %.1f s -> %s%n", names.size(), Files.size(out),
                (System.nanoTime() - start) / 1e9, out);
    }

    private static void walk(PrefixNode<String, Collection<String>> node, Deque<String> path, Map<String, String> kept,
                             Set<String> common) {
        if (node.hasValue() && !path.isEmpty()) {
            String kinds = GazetteerEntry.kinds(new HashSet<>(node.getValue()), path.size());
            if (!kinds.isEmpty()) {
                String name = GazetteerEntry.join(new ArrayList<>(path));
                if (GazetteerEntry.kept(name, common::contains)) {
                    kept.merge(name, kinds, GazetteerCompiler::union);
                }
            }
        }
        for (Map.Entry<String, PrefixNode<String, Collection<String>>> e : node.entrySet()) {
            path.addLast(e.getKey());
            walk(e.getValue(), path, kept, common);
            path.removeLast();
        }
    }

    /** Both kind sets, in {@link GazetteerEntry#KINDS} order. */
    static String union(String a, String b) {
        StringBuilder u = new StringBuilder();
        for (char k : GazetteerEntry.KINDS.toCharArray()) {
            if (a.indexOf(k) >= 0 || b.indexOf(k) >= 0) {
                u.append(k);
            }
        }
        return u.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(String resource) throws IOException, ClassNotFoundException {
        InputStream raw = GazetteerCompiler.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException(resource + " not on the class path (artifact edu.emory.mathcs.nlp:nlp4j-english)");
        }
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new XZInputStream(new BufferedInputStream(raw, 1 << 16)), 1 << 16))) {
            return (T) in.readObject();
        }
    }
}
