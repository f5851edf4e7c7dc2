package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.enrichment.eval.EntityScore;
import io.wirestream.enrichment.eval.GoldSet;
import io.wirestream.enrichment.eval.GoldSet.Mention;
import io.wirestream.enrichment.eval.LanguageScore;
import io.wirestream.enrichment.eval.LanguageScore.Prediction;
import io.wirestream.enrichment.eval.Split;
import io.wirestream.stories.eval.StoryScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the pipeline on an evaluation set, exactly as {@code demo} does (embedded broker and registry, ingest
 * of the folder, the processors), reads {@code news.enriched} back and scores it against the set's gold
 * answers: entity tagging (PER/LOC/ORG) or language identification, on the dev half, the test half and all
 * (see {@link Split}). A document that did not come back (a duplicate, a dead letter) counts as missed.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline on an evaluation set (articles plus gold.json) and score what came out:",
        "entity tagging, language identification, or stories (--task stories: pairwise and B-cubed, within a language and ru-en).",
        "Figures for the dev half (even document numbers), the test half (odd) and all."})
final class EvalCommand implements java.util.concurrent.Callable<Integer> {

    enum Task { ner, lang, stories }

    enum SplitOption { dev, test, all }

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", required = true, description = "Folder of articles of one evaluation set.")
    Path input;

    @Option(names = "--gold", paramLabel = "FILE", description = "The answers (default: DIR/gold.json).")
    Path gold;

    @Option(names = "--task", paramLabel = "ner|lang|stories",
        description = "What to score (default: inferred from the gold answers; stories must be named).")
    Task task;

    @Option(names = "--split", paramLabel = "dev|test|all", description = "Only this half (default: dev, test and all).")
    SplitOption split;

    @Option(names = "--errors", paramLabel = "N", defaultValue = "0",
        description = "Also list N errors: wrong documents (lang) or most frequent misses and false alarms (ner).")
    int errors;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of text.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
        description = "Give up if the articles have not all reached the output by then (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input " + input + ": not a folder");
        }
        Path goldFile = gold != null ? gold : input.resolve("gold.json");
        if (!Files.isRegularFile(goldFile)) {
            throw new IllegalArgumentException("--gold " + goldFile + ": no such file");
        }
        if (errors < 0) {
            throw new IllegalArgumentException("--errors must be >= 0, was " + errors);
        }
        if (task == Task.stories) {
            return stories(out, err, goldFile);
        }
        GoldSet answers = GoldSet.read(goldFile);
        Task inferred = answers.task() == GoldSet.Task.LANG ? Task.lang : Task.ner;
        if (task != null && task != inferred) {
            throw new IllegalArgumentException("--task " + task + ": " + goldFile + " holds " + inferred + " answers");
        }
        List<Split> splits = split == null ? List.of(Split.DEV, Split.TEST, Split.ALL) : List.of(Split.valueOf(split.name().toUpperCase(Locale.ROOT)));

        long start = System.nanoTime();
        DemoCommand.PipelineRun run = DemoCommand.runPipeline(input, null, err, Duration.ofSeconds(timeoutSeconds), "wirestream-eval");
        Map<String, JsonNode> enriched = enrichedByDocument(run, answers.documentIds());
        double seconds = (System.nanoTime() - start) / 1e9;

        ObjectNode report = new ObjectMapper().createObjectNode();
        report.put("input", input.toString());
        report.put("task", inferred.name());
        report.put("documents", answers.documentIds().size());
        report.put("cameBack", enriched.size());
        report.put("seconds", Math.round(seconds * 10) / 10.0);
        if (!json) {
            out.printf(Locale.ROOT, "wirestream eval %s (%s): %d/%d documents came back from %s in %.1f s%n", input, inferred,
                enriched.size(), answers.documentIds().size(), run.names().enriched(), seconds);
        }
        if (inferred == Task.lang) {
            Map<String, Prediction> predicted = languages(enriched);
            for (Split s : splits) {
                LanguageScore score = LanguageScore.score(answers.languages(), predicted, s);
                if (json) {
                    report.set(s.label(), languageJson(score));
                } else {
                    score.print(out);
                }
            }
            if (errors > 0) {
                listLanguageErrors(out, report, answers, predicted, splits.get(splits.size() - 1));
            }
        } else {
            Map<String, Set<Mention>> predicted = mentions(enriched);
            for (Split s : splits) {
                EntityScore score = EntityScore.score(answers.mentions(), predicted, s);
                if (json) {
                    report.set(s.label(), entityJson(score));
                } else {
                    score.print(out);
                }
            }
            if (errors > 0) {
                listEntityErrors(out, report, answers, predicted, splits.get(splits.size() - 1));
            }
        }
        if (json) {
            out.println(report.toString());
        }
        out.flush();
        return Wirestream.EXIT_OK;
    }

    /**
     * Stories: the gold file maps each document id to {@code {"story": label, "language": code}}; each document's
     * predicted story is the story id on its enriched article. Pairwise and B-cubed figures within a language,
     * between Russian and English, and over all, per half ({@link StoryScore}).
     */
    private Integer stories(PrintWriter out, PrintWriter err, Path goldFile) throws Exception {
        Map<String, StoryScore.Gold> answers = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper().readTree(goldFile.toFile());
        root.fields().forEachRemaining(e -> {
            JsonNode story = e.getValue().get("story");
            JsonNode language = e.getValue().get("language");
            if (story == null || !story.isTextual() || language == null || !language.isTextual()) {
                throw new IllegalArgumentException(goldFile + ": document " + e.getKey()
                    + " needs {\"story\": \"<label>\", \"language\": \"<code>\"}, found " + e.getValue());
            }
            answers.put(e.getKey(), new StoryScore.Gold(story.asText(), language.asText()));
        });
        if (answers.isEmpty()) {
            throw new IllegalArgumentException(goldFile + ": no documents");
        }
        List<Split> splits = split == null ? List.of(Split.DEV, Split.TEST, Split.ALL) : List.of(Split.valueOf(split.name().toUpperCase(Locale.ROOT)));
        long start = System.nanoTime();
        DemoCommand.PipelineRun run = DemoCommand.runPipeline(input, null, err, Duration.ofSeconds(timeoutSeconds), "wirestream-eval");
        Map<String, JsonNode> enriched = enrichedByDocument(run, answers.keySet());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> predicted = new HashMap<>();
        enriched.forEach((id, v) -> {
            if (v.path("story").hasNonNull("id")) {
                predicted.put(id, v.get("story").get("id").asText());
            }
        });
        ObjectNode report = new ObjectMapper().createObjectNode();
        report.put("input", input.toString());
        report.put("task", Task.stories.name());
        report.put("documents", answers.size());
        report.put("cameBack", enriched.size());
        report.put("seconds", Math.round(seconds * 10) / 10.0);
        if (!json) {
            out.printf(Locale.ROOT, "wirestream eval %s (stories): %d/%d documents came back from %s in %.1f s, %d stories predicted, %d in the gold%n",
                input, enriched.size(), answers.size(), run.names().enriched(), seconds, new java.util.HashSet<>(predicted.values()).size(),
                answers.values().stream().map(StoryScore.Gold::story).distinct().count());
        }
        for (Split s : splits) {
            Map<StoryScore.View, StoryScore.Result> results = StoryScore.scoreAll(answers, predicted, s::contains);
            if (json) {
                ObjectNode half = report.putObject(s.label());
                results.forEach((v, r) -> half.putObject(v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("documents", r.documents())
                    .put("pairwiseP", r.pairwise().precision()).put("pairwiseR", r.pairwise().recall()).put("pairwiseF1", r.pairwise().f1())
                    .put("bcubedP", r.bcubed().precision()).put("bcubedR", r.bcubed().recall()).put("bcubedF1", r.bcubed().f1()));
            } else {
                StoryScore.print(out, s.label(), results);
            }
        }
        if (errors > 0 && !json) {
            listStoryErrors(out, answers, predicted, enriched);
        }
        if (json) {
            out.println(report.toString());
        }
        out.flush();
        return Wirestream.EXIT_OK;
    }

    /** The predicted stories with their documents' gold labels, the mixed or split ones first. */
    private void listStoryErrors(PrintWriter out, Map<String, StoryScore.Gold> answers, Map<String, String> predicted,
                                 Map<String, JsonNode> enriched) {
        Map<String, List<String>> byStory = new java.util.TreeMap<>();
        predicted.forEach((doc, story) -> byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(doc));
        Map<String, Set<String>> predictedOfGold = new HashMap<>();
        predicted.forEach((doc, story) -> predictedOfGold.computeIfAbsent(answers.get(doc).story(), k -> new java.util.TreeSet<>()).add(story));
        int listed = 0;
        for (Map.Entry<String, List<String>> e : byStory.entrySet()) {
            Set<String> labels = new java.util.TreeSet<>();
            e.getValue().forEach(d -> labels.add(answers.get(d).story()));
            boolean split = labels.stream().anyMatch(l -> predictedOfGold.getOrDefault(l, Set.of()).size() > 1);
            if ((labels.size() > 1 || split) && listed++ < errors) {
                out.println("  " + e.getKey() + (labels.size() > 1 ? "  MIXED" : "  SPLIT"));
                for (String d : e.getValue().stream().sorted().toList()) {
                    JsonNode story = enriched.get(d).path("story");
                    out.printf(Locale.ROOT, "    %s %s gold=%s %s score=%s shared=%s %s%n", d, answers.get(d).language(), answers.get(d).story(),
                        story.path("role").asText(), story.path("score").asText(), story.path("sharedEntities"), story.path("sharedTerms"));
                }
            }
        }
    }

    /**
     * The last enriched record of each gold document, matched by the article's origin (its file name); records
     * of files the gold does not name are left out.
     */
    static Map<String, JsonNode> enrichedByDocument(DemoCommand.PipelineRun run, Set<String> documents) {
        Map<String, JsonNode> byDocument = new LinkedHashMap<>();
        for (ObjectNode r : run.records()) {
            JsonNode value = r.get("value");
            if (!r.get("topic").asText().equals(run.names().enriched()) || value == null || !value.hasNonNull("origin")) {
                continue;
            }
            String id = GoldSet.documentId(value.get("origin").asText());
            if (documents.contains(id)) {
                byDocument.put(id, value);
            }
        }
        return byDocument;
    }

    static Map<String, Prediction> languages(Map<String, JsonNode> enriched) {
        Map<String, Prediction> predicted = new HashMap<>();
        enriched.forEach((id, v) -> predicted.put(id, new Prediction(v.path("language").asText(""),
            v.hasNonNull("languageConfidence") ? v.get("languageConfidence").asDouble() : Double.NaN)));
        return predicted;
    }

    /** Every mention's text of every PER/LOC/ORG entity, as (type, normalised surface). */
    static Map<String, Set<Mention>> mentions(Map<String, JsonNode> enriched) {
        Map<String, Set<Mention>> predicted = new HashMap<>();
        enriched.forEach((id, v) -> {
            Set<Mention> set = new LinkedHashSet<>();
            for (JsonNode e : v.path("entities")) {
                for (JsonNode m : e.path("mentions")) {
                    String text = m.isTextual() ? m.asText() : m.path("text").asText("");
                    Mention mention = Mention.of(e.path("type").asText(""), text);
                    if (mention != null) {
                        set.add(mention);
                    }
                }
            }
            predicted.put(id, set);
        });
        return predicted;
    }

    private static ObjectNode languageJson(LanguageScore score) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("documents", score.overall().documents());
        n.put("cameBack", score.returned());
        n.put("correct", score.overall().correct());
        n.put("accuracy", score.overall().accuracy());
        ObjectNode langs = n.putObject("byLanguage");
        score.byLanguage().forEach((l, t) -> langs.putObject(l).put("documents", t.documents()).put("correct", t.correct()));
        ArrayNode confusions = n.putArray("confusions");
        score.confusions().forEach(e -> confusions.addObject().put("pair", e.getKey()).put("count", e.getValue()));
        ArrayNode bands = n.putArray("byConfidence");
        score.byBand().forEach((b, t) -> bands.addObject().put("from", b).put("documents", t.documents()).put("correct", t.correct()));
        return n;
    }

    private static ObjectNode entityJson(EntityScore score) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("documents", score.documents());
        n.put("cameBack", score.returned());
        score.rows().forEach((row, c) -> n.putObject(row).put("precision", c.precision()).put("recall", c.recall())
            .put("f1", c.f1()).put("tp", c.tp()).put("fp", c.fp()).put("fn", c.fn()));
        return n;
    }

    private void listLanguageErrors(PrintWriter out, ObjectNode report, GoldSet answers, Map<String, Prediction> predicted, Split s) {
        LanguageScore score = LanguageScore.score(answers.languages(), predicted, s);
        List<String> wrong = score.wrongDocuments().subList(0, Math.min(errors, score.wrongDocuments().size()));
        ArrayNode list = report.putArray("errors");
        if (!json) {
            out.println("first " + wrong.size() + " wrong documents [" + s.label() + "]:");
        }
        for (String id : wrong) {
            Prediction p = predicted.get(id);
            String got = p == null ? LanguageScore.NONE : p.code();
            double confidence = p == null ? Double.NaN : p.confidence();
            list.addObject().put("document", id).put("gold", answers.languages().get(id)).put("predicted", got).put("confidence", confidence);
            if (!json) {
                out.printf(Locale.ROOT, "  %s  gold %s  predicted %s (%.2f)%n", id, answers.languages().get(id), got, confidence);
            }
        }
    }

    private void listEntityErrors(PrintWriter out, ObjectNode report, GoldSet answers, Map<String, Set<Mention>> predicted, Split s) {
        Map<Mention, Integer> misses = new HashMap<>();
        Map<Mention, Integer> falseAlarms = new HashMap<>();
        answers.mentions().forEach((id, g) -> {
            if (!s.contains(id)) {
                return;
            }
            Set<Mention> p = predicted.getOrDefault(id, Set.of());
            g.stream().filter(m -> !p.contains(m)).forEach(m -> misses.merge(m, 1, Integer::sum));
            p.stream().filter(m -> !g.contains(m)).forEach(m -> falseAlarms.merge(m, 1, Integer::sum));
        });
        for (Map.Entry<String, Map<Mention, Integer>> kind : List.of(Map.entry("misses", misses), Map.entry("falseAlarms", falseAlarms))) {
            List<Map.Entry<Mention, Integer>> top = new ArrayList<>(kind.getValue().entrySet());
            top.sort(Map.Entry.<Mention, Integer>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().type() + " " + e.getKey().surface()));
            top = top.subList(0, Math.min(errors, top.size()));
            ArrayNode list = report.putArray(kind.getKey());
            StringBuilder sb = new StringBuilder("most frequent " + (kind.getKey().equals("misses") ? "misses" : "false alarms") + " [" + s.label() + "]:");
            for (Map.Entry<Mention, Integer> e : top) {
                list.addObject().put("type", e.getKey().type()).put("surface", e.getKey().surface()).put("count", e.getValue());
                sb.append(String.format(Locale.ROOT, " %s \"%s\" (%d);", e.getKey().type(), e.getKey().surface(), e.getValue()));
            }
            if (!json) {
                out.println(sb);
            }
        }
    }
}
