package io.wirestream.registry.client;

import java.util.List;
import java.util.Objects;

/**
 * The answer of a compatibility test.
 *
 * @param messages the registry's explanations (which field broke what); empty when compatible
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }
}
