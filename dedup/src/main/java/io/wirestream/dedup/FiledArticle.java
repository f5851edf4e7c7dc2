package io.wirestream.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One article of a probe batch as an index partition filed it: its keys there, and the candidates its probe found
 * under them when it was served, so that serving the same batch again answers exactly as the first time.
 *
 * @param keys       the keys it is filed under on this partition, with the event time of the filing
 * @param candidates the articles filed under those keys before it, with the strongest kind of key shared, in the
 *                   order they were found
 */
public record FiledArticle(FiledKeys keys, Map<String, MatchKind> candidates) {

    public FiledArticle {
        Objects.requireNonNull(keys, "keys");
        candidates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
    }
}
