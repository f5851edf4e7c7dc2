package io.wirestream.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per source, a set of item hashes in insertion order, holding at most {@code maxPerSource}: adding past
 * the limit forgets the oldest. Items are stored as 16-byte SHA-256 prefixes (32 hex chars), so memory is
 * about 100 bytes per item whatever the length of the GUID or URL. Not thread-safe; callers lock.
 */
final class BoundedItemSets {
    private final int maxPerSource;
    private final Map<String, LinkedHashMap<String, Boolean>> bySource = new HashMap<>();

    BoundedItemSets(int maxPerSource) {
        if (maxPerSource < 1) {
            throw new IllegalArgumentException("maxPerSource must be at least 1, was " + maxPerSource);
        }
        this.maxPerSource = maxPerSource;
    }

    static String hash(String itemKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(itemKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    boolean contains(String source, String hash) {
        Map<String, Boolean> set = bySource.get(source);
        return set != null && set.containsKey(hash);
    }

    /** Adds a hash; returns the hash it forgot to make room, if any. */
    Optional<String> add(String source, String hash) {
        LinkedHashMap<String, Boolean> set = bySource.computeIfAbsent(source, s -> new LinkedHashMap<>());
        set.remove(hash);
        set.put(hash, Boolean.TRUE);
        if (set.size() > maxPerSource) {
            Iterator<String> oldest = set.keySet().iterator();
            String forgotten = oldest.next();
            oldest.remove();
            return Optional.of(forgotten);
        }
        return Optional.empty();
    }

    void remove(String source, String hash) {
        Map<String, Boolean> set = bySource.get(source);
        if (set != null) {
            set.remove(hash);
        }
    }

    int size(String source) {
        Map<String, Boolean> set = bySource.get(source);
        return set == null ? 0 : set.size();
    }
}
