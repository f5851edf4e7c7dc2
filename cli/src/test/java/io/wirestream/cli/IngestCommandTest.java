package io.wirestream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Usage errors of {@code wirestream ingest}: refused before anything connects to Kafka. */
class IngestCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Wirestream.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void shouldAskForExactlyOneMode() {
        Run none = run("ingest");
        assertEquals(Wirestream.EXIT_USAGE, none.exit());
        assertEquals("give PATH... to read files, or --sources FILE / --feed URL to run the live service", none.err().lines().findFirst().orElse(""));
        Run both = run("ingest", "--feed", "http://127.0.0.1:1/feed.xml", "inbox");
        assertEquals(Wirestream.EXIT_USAGE, both.exit());
        assertEquals("give either PATH... (read files once) or --sources/--feed (run the live service), not both",
            both.err().lines().findFirst().orElse(""));
    }

    @Test
    void shouldRefuseAFeedThatIsNotHttp() {
        Run r = run("ingest", "--feed", "file:///etc/passwd");
        assertEquals(Wirestream.EXIT_USAGE, r.exit());
        assertEquals("--feed 'file:///etc/passwd' must be an http or https URL", r.err().lines().findFirst().orElse(""));
    }

    @Test
    void shouldNameTheEntryAndFieldOfABadSourcesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, "- {name: gazette, kind: feed, url: 'gopher://old.example/'}\n");
        Run r = run("ingest", "--sources", file.toString());
        assertEquals(Wirestream.EXIT_USAGE, r.exit());
        assertEquals("wirestream ingest: " + file + ": source #1 'gazette': field 'url': must be an http or https URL with a host, "
            + "was 'gopher://old.example/'", r.err().strip());
    }
}
