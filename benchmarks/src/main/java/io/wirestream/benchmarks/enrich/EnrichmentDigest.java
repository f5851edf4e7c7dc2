package io.wirestream.benchmarks.enrich;

import io.wirestream.enrichment.Enricher;
import io.wirestream.enrichment.Enrichment;
import io.wirestream.enrichment.entity.LinkedEntity;
import io.wirestream.enrichment.entity.Mention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A SHA-256 digest of everything the standard enricher outputs for every {@code .txt} file of the
 * given folders (language, confidence, and each entity with its type, id, name, knowledge-base flag,
 * salience and every mention with its surface and offsets), files in name order. A change meant to
 * make enrichment faster without changing its output must leave the digest as it was.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.enrich.EnrichmentDigest \
 *     ../shared/eval-data/ner-ru ../shared/eval-data/ner-en ../shared/eval-data/ner-en-pud ../shared/eval-data/lang/lang_1</pre>
 *
 * Prints one digest per folder and one over all of them.
 */
public final class EnrichmentDigest {

    private EnrichmentDigest() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: EnrichmentDigest <folder of .txt files>...");
        }
        Enricher enricher = Enricher.standard();
        MessageDigest all = sha256();
        for (String folder : args) {
            List<Path> files = textFiles(Path.of(folder));
            MessageDigest one = sha256();
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                byte[] record = describe(file.getFileName().toString(), enricher.enrich(text))
                        .getBytes(StandardCharsets.UTF_8);
                one.update(record);
                all.update(record);
            }
            System.out.printf(Locale.ROOT, "%s  %d files  %s%n", HexFormat.of().formatHex(one.digest()), files.size(), folder);
        }
        System.out.printf(Locale.ROOT, "%s  all%n", HexFormat.of().formatHex(all.digest()));
    }

    private static List<Path> textFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList());
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no .txt files in " + folder);
            }
            return files;
        }
    }

    /** Every field of the enrichment, exactly (doubles by their bits). */
    static String describe(String name, Enrichment e) {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append('\t').append(e.language().code()).append('\t')
                .append(Double.doubleToLongBits(e.language().confidence())).append('\n');
        for (LinkedEntity entity : e.entities()) {
            sb.append(entity.type()).append('\t').append(entity.id()).append('\t').append(entity.canonicalName())
                    .append('\t').append(entity.inKnowledgeBase()).append('\t')
                    .append(Double.doubleToLongBits(entity.salience())).append('\n');
            for (Mention m : entity.mentions()) {
                sb.append('\t').append(m.text()).append('\t').append(m.start()).append('\t').append(m.end()).append('\n');
            }
        }
        return sb.append('\u0000').toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
