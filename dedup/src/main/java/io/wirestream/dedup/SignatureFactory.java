package io.wirestream.dedup;

/**
 * Builds {@link ArticleSignature}s with one set of {@link DedupParameters}. The sketch is computed
 * from the body only: headlines are what syndicators rewrite most, and a changed headline must not
 * hide a copy. Thread-safe.
 */
public final class SignatureFactory {

    private final DedupParameters parameters;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final Shingler shingler;
    private final MinHasher minHasher;
    private final LshBanding banding;

    public SignatureFactory(DedupParameters parameters) {
        this.parameters = parameters;
        this.shingler = new Shingler(parameters.shingleSize());
        this.minHasher = new MinHasher(parameters.numHashes(), parameters.seed());
        this.banding = new LshBanding(parameters.bands(), parameters.rows());
    }

    public DedupParameters parameters() {
        return parameters;
    }

    /**
     * @param id          article id
     * @param url         URL as published, or null
     * @param body        article text (cleaned or not: normalisation removes case and punctuation)
     * @param publishedAt publication time in epoch millis (the fetch time when unknown)
     */
    public ArticleSignature sign(String id, String url, String body, long publishedAt) {
        ArticleRef ref = new ArticleRef(id, publishedAt);
        String canonicalUrl = urls.canonicalize(url).orElse(null);
        String normalized = normalizer.normalize(body);
        if (normalized.isEmpty()) {
            return new ArticleSignature(ref, canonicalUrl, null, null, new long[0]);
        }
        String fingerprint = Hashing.hex(Hashing.sha256(normalized));
        // the shingles unsorted and with repeats: the signature depends only on which shingles occur
        MinHashSignature minHash = minHasher.signature(shingler.windows(normalized));
        return new ArticleSignature(ref, canonicalUrl, fingerprint, minHash, banding.bandKeys(minHash));
    }
}
