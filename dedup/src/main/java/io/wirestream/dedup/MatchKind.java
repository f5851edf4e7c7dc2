package io.wirestream.dedup;

/** How a copy was recognised, strongest evidence first (the same symbols as the Avro {@code DuplicateKind}). */
public enum MatchKind {
    /** Same canonical URL. */
    EXACT_URL,
    /** Same normalised text. */
    EXACT_TEXT,
    /** Estimated Jaccard similarity of the shingle sets at or above the threshold. */
    NEAR
}
