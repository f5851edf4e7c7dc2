package io.wirestream.processors.route;

import java.util.List;

/** A routes file with mistakes; the message lists every one, each naming the route (number and name) and the field. */
public class RoutesFileException extends Exception {
    private final List<String> problems;

    public RoutesFileException(String file, List<String> problems) {
        super(file + ": " + (problems.size() == 1 ? problems.get(0)
            : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
