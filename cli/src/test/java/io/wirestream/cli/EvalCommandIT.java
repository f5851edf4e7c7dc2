package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@code wirestream eval} in process on small evaluation sets written here, and checks the figures. */
@Timeout(300)
class EvalCommandIT {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Wirestream.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, "eval failed: " + err);
        return new String[] {out.toString(), err.toString()};
    }

    private void article(String id, String text) throws Exception {
        Files.writeString(dir.resolve(id + ".txt"), " date 2024-03-01 " + text + "\n");
    }

    @Test
    void shouldScoreLanguagesPerHalfWithDocumentsThatDidNotComeBackAsMisses() throws Exception {
        article("t_01", "The city council approved a new budget for public transport on Tuesday evening, "
            + "after a long debate about ticket prices and the cost of repairing old bridges.");
        article("t_02", "Der Stadtrat hat am Dienstagabend einen neuen Haushalt für den Nahverkehr beschlossen, "
            + "nach einer langen Debatte über Fahrpreise und die Kosten für die Sanierung alter Brücken.");
        article("t_03", "Городской совет во вторник вечером утвердил новый бюджет на общественный транспорт "
            + "после долгого спора о ценах на билеты и стоимости ремонта старых мостов.");
        // the gold says Spanish for a French text: one wrong call on the dev half
        article("t_04", "Le conseil municipal a adopté mardi soir un nouveau budget pour les transports publics, "
            + "après un long débat sur le prix des billets et le coût de la réparation des vieux ponts.");
        // t_05 has no article: it never comes back, a miss on the test half
        Files.writeString(dir.resolve("gold.json"),
            "{\n\"t_01\": \"en\",\n\"t_02\": \"de\",\n\"t_03\": \"ru\",\n\"t_04\": \"es\",\n\"t_05\": \"it\"\n}\n");

        String[] result = run("eval", "--input", dir.toString(), "--json", "--errors", "5");
        JsonNode report = new ObjectMapper().readTree(result[0]);
        assertEquals("lang", report.get("task").asText());
        assertEquals(4, report.get("cameBack").asInt());
        JsonNode dev = report.get("dev");
        assertEquals(2, dev.get("documents").asInt());
        assertEquals(1, dev.get("correct").asInt());
        assertEquals("es -> fr", dev.get("confusions").get(0).get("pair").asText());
        JsonNode test = report.get("test");
        assertEquals(3, test.get("documents").asInt());
        assertEquals(2, test.get("cameBack").asInt());
        assertEquals(2, test.get("correct").asInt());
        assertEquals("it -> <none>", test.get("confusions").get(0).get("pair").asText());
        assertEquals(3, report.get("all").get("correct").asInt());
        assertEquals(2, report.get("errors").size());
    }

    @Test
    void shouldPrintEntityFiguresAsText() throws Exception {
        article("n_1", "Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the European Union budget "
            + "and the future of the common agricultural policy before the summit.");
        article("n_2", "Officials in Berlin said the talks with Google and Microsoft about data centres in Germany "
            + "would continue next month, after a first round in Munich ended without agreement.");
        Files.writeString(dir.resolve("answers.json"), "{\"n_1\": [[\"PER\", \"Angela Merkel\"], [\"PER\", \"Emmanuel Macron\"], "
            + "[\"LOC\", \"Paris\"], [\"ORG\", \"European Union\"]],\n\"n_2\": [[\"LOC\", \"Berlin\"], [\"ORG\", \"Google\"], "
            + "[\"ORG\", \"Microsoft\"], [\"LOC\", \"Germany\"], [\"LOC\", \"Munich\"]]}\n");

        String[] result = run("eval", "--input", dir.toString(), "--gold", dir.resolve("answers.json").toString(), "--task", "ner",
            "--split", "all");
        String text = result[0];
        assertTrue(text.contains("2/2 documents came back"), text);
        // every gold pair is either found or missed: tp + fn is the gold count, 9 pairs
        String all = text.lines().filter(l -> l.strip().startsWith("ALL ")).findFirst().orElseThrow();
        int tp = Integer.parseInt(all.replaceAll(".*tp (\\d+),.*", "$1"));
        int fn = Integer.parseInt(all.replaceAll(".*fn (\\d+)\\).*", "$1"));
        assertEquals(9, tp + fn, all);
        assertTrue(tp >= 5, "the bundled knowledge base knows these names: " + all);
        assertTrue(!text.contains("[dev]") && !text.contains("[test]"), text);
    }

    @Test
    void shouldRefuseATaskTheGoldDoesNotHold() throws Exception {
        Files.writeString(dir.resolve("gold.json"), "{\"t_01\": \"en\"}");
        StringWriter err = new StringWriter();
        int exit = Wirestream.run(new String[] {"eval", "--input", dir.toString(), "--task", "ner"},
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Wirestream.EXIT_USAGE, exit);
        assertTrue(err.toString().contains("--task ner: " + dir.resolve("gold.json") + " holds lang answers"), err.toString());
    }
}
