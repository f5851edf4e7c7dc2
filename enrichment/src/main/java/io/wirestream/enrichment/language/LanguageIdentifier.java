package io.wirestream.enrichment.language;

/**
 * Identifies the language of a text. Implementations are thread-safe and hold their models for
 * their whole life, so one instance is shared by all threads of a process.
 */
public interface LanguageIdentifier {

    /** The language of {@code text}; never null, {@code und} when the text cannot be called. */
    LanguageGuess identify(CharSequence text);

    /** ISO 639-1 codes this identifier can return (besides {@code und}). */
    java.util.Set<String> supportedLanguages();
}
