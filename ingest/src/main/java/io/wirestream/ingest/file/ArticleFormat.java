package io.wirestream.ingest.file;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats ingest reads, recognised by file name. */
public enum ArticleFormat {
    /** One article per file: {@code " date YYYY-MM-DD <text>"} ({@code .txt}). */
    DATED_TEXT,
    /** One JSON object per line ({@code .jsonl}, {@code .ndjson}). */
    JSON_LINES;

    public static Optional<ArticleFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Optional.of(DATED_TEXT);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }
}
