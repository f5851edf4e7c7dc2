package io.wirestream.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids: the first 16 bytes of SHA-256, as 32 hex chars, of the canonical URL when the article
 * has one, otherwise of its normalised text (NFKC, lower case, whitespace collapsed). The same item read
 * twice gets the same id, so the id is also the record key and the idempotence key downstream.
 */
public final class ArticleIds {
    private ArticleIds() {
    }

    public static String fromUrl(String canonicalUrl) {
        if (canonicalUrl == null || canonicalUrl.isBlank()) {
            throw new IllegalArgumentException("canonical URL is empty");
        }
        return hash("url:" + canonicalUrl);
    }

    public static String fromText(String title, String body) {
        String text = (title == null ? "" : title) + "\n" + (body == null ? "" : body);
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("article has neither a URL nor any text to derive an id from");
        }
        return hash("text:" + normalised);
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ")
            .strip();
    }

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
