package io.wirestream.enrichment.entity;

import java.util.Objects;

/**
 * One occurrence of an entity in a text.
 *
 * @param text  the surface form exactly as in the text
 * @param start offset of its first char (UTF-16 code unit), inclusive
 * @param end   offset after its last char, exclusive
 */
public record Mention(String text, int start, int end) {

    public Mention {
        Objects.requireNonNull(text, "text must not be null");
        if (start < 0 || end <= start || end - start != text.length()) {
            throw new IllegalArgumentException("mention '" + text + "' cannot span " + start + ".." + end);
        }
    }
}
