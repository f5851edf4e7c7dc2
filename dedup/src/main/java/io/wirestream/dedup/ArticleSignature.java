package io.wirestream.dedup;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything deduplication derives from one article: its exact-match keys and its sketch.
 * Immutable (arrays are copied in and out).
 */
public final class ArticleSignature {

    private final ArticleRef ref;
    private final String canonicalUrl;
    private final byte[] urlKey;
    private final String textFingerprint;
    private final MinHashSignature minHash;
    private final long[] bandKeys;

    /**
     * @param ref             the article
     * @param canonicalUrl    canonical URL, or null when the article has no valid URL
     * @param textFingerprint hex SHA-256 of the normalised text, or null when the text is empty
     * @param minHash         the sketch, or null when the text is empty
     * @param bandKeys        LSH band keys of {@code minHash}; empty when {@code minHash} is null
     */
    public ArticleSignature(ArticleRef ref, String canonicalUrl, String textFingerprint,
                            MinHashSignature minHash, long[] bandKeys) {
        this.ref = Objects.requireNonNull(ref, "ref");
        if ((minHash == null) != (bandKeys.length == 0)) {
            throw new IllegalArgumentException("band keys must be present exactly when a MinHash signature is, got "
                    + bandKeys.length + " band keys and " + (minHash == null ? "no" : "a") + " signature");
        }
        if (textFingerprint != null && textFingerprint.length() != 64) {
            throw new IllegalArgumentException("text fingerprint must be 64 hex chars of SHA-256, was " + textFingerprint);
        }
        this.canonicalUrl = canonicalUrl;
        this.urlKey = canonicalUrl == null ? null : Hashing.sha256Prefix16(canonicalUrl);
        this.textFingerprint = textFingerprint;
        this.minHash = minHash;
        this.bandKeys = bandKeys.clone();
    }

    public ArticleRef ref() {
        return ref;
    }

    public Optional<String> canonicalUrl() {
        return Optional.ofNullable(canonicalUrl);
    }

    /** @return the first 16 bytes of SHA-256 of the canonical URL */
    public Optional<byte[]> urlKey() {
        return Optional.ofNullable(urlKey).map(byte[]::clone);
    }

    public Optional<String> textFingerprint() {
        return Optional.ofNullable(textFingerprint);
    }

    /** @return the first 16 bytes of the text fingerprint */
    public Optional<byte[]> textKey() {
        if (textFingerprint == null) {
            return Optional.empty();
        }
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) {
            key[i] = (byte) Integer.parseInt(textFingerprint.substring(2 * i, 2 * i + 2), 16);
        }
        return Optional.of(key);
    }

    public Optional<MinHashSignature> minHash() {
        return Optional.ofNullable(minHash);
    }

    public long[] bandKeys() {
        return bandKeys.clone();
    }

    @Override
    public String toString() {
        return "ArticleSignature[" + ref + ", url=" + canonicalUrl + ", text=" + textFingerprint
                + ", bands=" + Arrays.toString(bandKeys) + "]";
    }
}
