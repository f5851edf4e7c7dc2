package io.wirestream.ingest.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured source. Which of {@code url}, {@code path} and {@code port} is set depends on the kind:
 * feed and page have a URL, folder a path, push a port (0: any free port). Options are kind-specific
 * ({@link SourceOptions}); {@link SourcesFile} validates all of it with messages naming the entry and field.
 *
 * @param name     unique name; {@code RawArticle.source} is {@code <kind>:<name>}
 * @param interval time between polls (feed, page) or full rescans (folder); null means the configured default
 */
public record SourceDefinition(String name, SourceKind kind, URI url, Path path, Integer port, Duration interval,
                               Map<String, String> options) {
    public SourceDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a source needs a name");
        }
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case FEED, PAGE -> {
                if (url == null) {
                    throw new IllegalArgumentException("source '" + name + "' (" + kind.label() + ") needs a url");
                }
            }
            case FOLDER -> {
                if (path == null) {
                    throw new IllegalArgumentException("source '" + name + "' (folder) needs a path");
                }
            }
            case PUSH -> {
                if (port == null || port < 0 || port > 65535) {
                    throw new IllegalArgumentException("source '" + name + "' (push) needs a port 0..65535, was " + port);
                }
            }
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("source '" + name + "': interval must be positive, was " + interval);
        }
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    /** A feed polled at the default interval, named by its URL (the {@code --feed URL} form). */
    public static SourceDefinition feed(URI url) {
        return new SourceDefinition(url.toString(), SourceKind.FEED, url, null, null, null, Map.of());
    }

    /** The value of {@code RawArticle.source} for this source's articles. */
    public String sourceLabel() {
        return kind.label() + ":" + name;
    }

    public Duration intervalOr(Duration fallback) {
        return interval == null ? fallback : interval;
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
