package io.wirestream.enrichment.language;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Language accuracy on the project's own evaluation set (eval/language-sentences.tsv) for the
 * identifier in use ({@link ScriptAwareLanguageIdentifier}); fails below the targets, 99.5% on
 * paragraphs and 97% on single sentences. The two libraries it was chosen from, Lingua and OpenNLP
 * on its own, are measured on the same set for the record.
 */
class LanguageEvaluationTest {

    private static final double PARAGRAPH_TARGET = 0.995;
    private static final double SENTENCE_TARGET = 0.97;

    private static LanguageSamples samples;

    @BeforeAll
    static void load() {
        samples = LanguageSamples.load();
    }

    /** Accuracy and the misclassified samples. */
    record Result(int total, List<String> errors) {
        double accuracy() {
            return (total - errors.size()) / (double) total;
        }
    }

    static Result evaluate(LanguageIdentifier identifier, List<LanguageSamples.Sample> set) {
        List<String> errors = new ArrayList<>();
        for (LanguageSamples.Sample s : set) {
            LanguageGuess guess = identifier.identify(s.text());
            if (!guess.code().equals(s.language())) {
                errors.add(s.language() + "->" + guess.code() + String.format(Locale.ROOT, "(%.2f)", guess.confidence())
                        + ": " + s.text().substring(0, Math.min(60, s.text().length())));
            }
        }
        return new Result(set.size(), errors);
    }

    private static void report(String name, String setName, Result r) {
        System.out.printf(Locale.ROOT, "language-eval %s %s: %d/%d = %.2f%%%n", name, setName,
                r.total() - r.errors().size(), r.total(), 100 * r.accuracy());
        r.errors().forEach(e -> System.out.println("  miss " + e));
    }

    @Test
    void shouldCoverAtLeastThirtyLanguages() {
        Set<String> expected = new TreeSet<>(NewsLanguages.CODES);
        assertEquals(expected, new TreeSet<>(samples.languages()));
        assertTrue(expected.size() >= 30, "news languages: " + expected.size());
    }

    @Test
    void shouldMeetParagraphTarget() {
        Result r = evaluate(ScriptAwareLanguageIdentifier.forNews(), samples.paragraphs());
        report("wirestream", "paragraphs", r);
        assertTrue(r.accuracy() >= PARAGRAPH_TARGET, "paragraph accuracy " + r.accuracy() + " misses: " + r.errors());
    }

    @Test
    void shouldMeetSentenceTarget() {
        Result r = evaluate(ScriptAwareLanguageIdentifier.forNews(), samples.sentences());
        report("wirestream", "sentences", r);
        assertTrue(r.accuracy() >= SENTENCE_TARGET, "sentence accuracy " + r.accuracy() + " misses: " + r.errors());
    }

    @Test
    void shouldReportLinguaAndOpenNlpOnTheSameSet() {
        Map<String, LanguageIdentifier> candidates = new LinkedHashMap<>();
        candidates.put("lingua", LinguaLanguageIdentifier.create(NewsLanguages.CODES, DetectionLimits.DEFAULT, false));
        candidates.put("lingua-low", LinguaLanguageIdentifier.create(NewsLanguages.CODES, DetectionLimits.DEFAULT, true));
        candidates.put("opennlp", OpenNlpLanguageIdentifier.forNews());
        for (Map.Entry<String, LanguageIdentifier> c : candidates.entrySet()) {
            String name = c.getKey();
            LanguageIdentifier candidate = c.getValue();
            Result paragraphs = evaluate(candidate, samples.paragraphs());
            Result sentences = evaluate(candidate, samples.sentences());
            report(name, "paragraphs", paragraphs);
            report(name, "sentences", sentences);
            // Reported, not held to the targets; each must still be a working detector.
            assertTrue(paragraphs.accuracy() > 0.9, name + " paragraph accuracy " + paragraphs.accuracy());
        }
    }
}
