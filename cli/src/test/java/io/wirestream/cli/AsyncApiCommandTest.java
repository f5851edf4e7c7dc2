package io.wirestream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncApiCommandTest {
    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Wirestream.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldPrintTheCommittedDocument() throws Exception {
        Run run = run("asyncapi");

        assertEquals(0, run.code(), run.err());
        assertEquals(Files.readString(Path.of("..", "docs", "asyncapi.yaml"), StandardCharsets.UTF_8), run.out());
    }

    @Test
    void shouldWriteRoutedTopicsAsChannels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("contract.yaml");
        Run run = run("asyncapi", "--route", "eu-energy=news.route.energy:json", "--route", "sport=news.route.sport",
            "--output", file.toString());

        assertEquals(0, run.code(), run.err());
        String yaml = Files.readString(file);
        assertTrue(yaml.contains("  routeEuEnergy:\n    address: news.route.energy\n"), yaml);
        assertTrue(yaml.contains("  routeSport:\n    address: news.route.sport\n"), yaml);
        assertTrue(yaml.contains("  processorsSendRouteSport:\n    action: send\n"), yaml);
    }

    @Test
    void shouldTakeTheRoutedTopicsOfARoutesFile() {
        Run run = run("asyncapi", "--routes", Path.of("..", "samples", "routes.yaml").toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("  routeCentralBanks:\n    address: news.routed.central-banks\n"), run.out());
        assertTrue(run.out().contains("  routeMoscow:\n    address: news.routed.moscow\n"), run.out());
        assertTrue(run.out().contains("  routeEnglishJson:\n    address: news.routed.english-json\n"), run.out());
        assertTrue(run.out().contains("      EnrichedArticleJson:\n        name: EnrichedArticleJson\n"), run.out());
        assertTrue(run.out().contains("  consumersReceiveRouteEnglishJson:\n    action: receive\n"), run.out());
    }

    @Test
    void shouldRefuseARoutesFileThatDoesNotExist(@TempDir Path dir) {
        Run run = run("asyncapi", "--routes", dir.resolve("missing.yaml").toString());

        assertEquals(Wirestream.EXIT_USAGE, run.code());
        assertTrue(run.err().startsWith("wirestream asyncapi: configuration error: ") && run.err().contains("missing.yaml"), run.err());
    }

    @Test
    void shouldNameAWrongRouteOption() {
        Run run = run("asyncapi", "--route", "sport=news.route.sport:xml");

        assertEquals(Wirestream.EXIT_USAGE, run.code());
        assertEquals("wirestream asyncapi: configuration error: --route sport=news.route.sport:xml: format 'xml' is not avro or json\n",
            run.err());
    }
}
