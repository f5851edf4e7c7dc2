package io.wirestream.ingest.source;

import java.util.List;

/** A sources file with mistakes; the message lists every one, each naming the entry and the field. */
public class SourcesFileException extends Exception {
    private final List<String> problems;

    public SourcesFileException(String file, List<String> problems) {
        super(file + ": " + (problems.size() == 1 ? problems.get(0)
            : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
