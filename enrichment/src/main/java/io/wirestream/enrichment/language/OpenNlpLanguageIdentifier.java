package io.wirestream.enrichment.language;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Language identification with Apache OpenNLP's maximum-entropy detector and the model the OpenNLP
 * project publishes on Maven Central ({@code opennlp-models-langdetect}, 103 languages named by
 * ISO 639-3 codes). Predictions outside the chosen languages are ignored; the confidence is the
 * margin of the best chosen language over the runner-up (see {@link #identifyAmong}).
 *
 * <p>Kept as the measured alternative to {@link LinguaLanguageIdentifier}: see docs/enrichment.md.
 */
public final class OpenNlpLanguageIdentifier implements LanguageIdentifier {

    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Model labels that are not the ISO 639-3 form of an ISO 639-1 code. */
    private static final Map<String, String> MODEL_LABELS = Map.of(
            "cmn", "zh", "pes", "fa", "nob", "nb", "nno", "nn", "lvs", "lv", "ekk", "et", "zsm", "ms");

    private final NgramScorer scorer;
    private final DetectionLimits limits;
    private final Map<String, String> labelToCode;

    private OpenNlpLanguageIdentifier(LanguageDetectorModel model, DetectionLimits limits, Map<String, String> labelToCode) {
        this.scorer = new NgramScorer(model);
        this.limits = limits;
        this.labelToCode = labelToCode;
    }

    public static OpenNlpLanguageIdentifier create(Collection<String> isoCodes, DetectionLimits limits) {
        LanguageDetectorModel model = loadModel();
        Set<String> wanted = new TreeSet<>(isoCodes);
        Map<String, String> labelToCode = new HashMap<>();
        for (String label : new LanguageDetectorME(model).getSupportedLanguages()) {
            String code = toIso639_1(label);
            if (code != null && wanted.contains(code)) {
                labelToCode.put(label, code);
            }
        }
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(labelToCode.values());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("languages the OpenNLP model does not know: " + missing);
        }
        return new OpenNlpLanguageIdentifier(model, limits, Map.copyOf(labelToCode));
    }

    public static OpenNlpLanguageIdentifier forNews() {
        return create(NewsLanguages.CODES, DetectionLimits.DEFAULT);
    }

    /** Every language of the published model that has an ISO 639-1 code (about 90 of its 103 labels). */
    public static Set<String> modelLanguages() {
        Set<String> codes = new TreeSet<>();
        for (String label : new LanguageDetectorME(loadModel()).getSupportedLanguages()) {
            String code = toIso639_1(label);
            if (code != null) {
                codes.add(code);
            }
        }
        return Set.copyOf(codes);
    }

    static LanguageDetectorModel loadModel() {
        try (InputStream in = OpenNlpLanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL_RESOURCE
                        + " not on the class path (artifact org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenNLP language model", e);
        }
    }

    private static String toIso639_1(String iso639_3) {
        String mapped = MODEL_LABELS.get(iso639_3);
        if (mapped != null) {
            return mapped;
        }
        for (String two : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(two).getISO3Language().equals(iso639_3)) {
                return two;
            }
        }
        return null;
    }

    @Override
    public LanguageGuess identify(CharSequence text) {
        String sample = limits.sample(text);
        if (sample == null) {
            return LanguageGuess.undetermined(0.0);
        }
        LanguageGuess guess = identifyAmong(sample, null);
        return guess.confidence() < limits.minConfidence() ? LanguageGuess.undetermined(guess.confidence()) : guess;
    }

    /**
     * The best of {@code candidates} (all supported languages when null) for an already sampled text; no
     * threshold applied. The confidence is the best language's margin over the runner-up among the
     * candidates, {@code (p1 - p2) / (p1 + p2)}: 0 for a tie, 1 when no other candidate has any probability.
     * (The plain probability is no measure of certainty over a hundred languages: a clear call on a short
     * sentence often has p1 under 0.05.)
     */
    LanguageGuess identifyAmong(String sample, Set<String> candidates) {
        return identifyAmong(sample, candidates, Set.of(), 1.0);
    }

    /**
     * As {@link #identifyAmong(String, Set)}, with the probability of every language outside {@code preferred}
     * multiplied by {@code otherWeight} (a prior: among close relatives, the widely written language wins
     * unless the text clearly says otherwise).
     */
    LanguageGuess identifyAmong(String sample, Set<String> candidates, Set<String> preferred, double otherWeight) {
        opennlp.tools.langdetect.Language[] ranked = scorer.predictLanguages(sample);
        Map<String, Double> scores = new HashMap<>();
        for (opennlp.tools.langdetect.Language l : ranked) {
            String code = labelToCode.get(l.getLang());
            if (code != null && (candidates == null || candidates.contains(code))) {
                double weight = preferred.isEmpty() || preferred.contains(code) ? 1.0 : otherWeight;
                scores.merge(code, l.getConfidence() * weight, Math::max);
            }
        }
        String best = null;
        double bestP = 0.0;
        double secondP = 0.0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            double p = e.getValue();
            if (best == null || p > bestP || (p == bestP && e.getKey().compareTo(best) < 0)) {
                secondP = best == null ? 0.0 : bestP;
                best = e.getKey();
                bestP = p;
            } else if (p > secondP) {
                secondP = p;
            }
        }
        if (best == null || bestP <= 0.0) {
            return LanguageGuess.undetermined(0.0);
        }
        return new LanguageGuess(best, Math.max(0.0, Math.min(1.0, (bestP - secondP) / (bestP + secondP))));
    }

    DetectionLimits limits() {
        return limits;
    }

    @Override
    public Set<String> supportedLanguages() {
        return Set.copyOf(labelToCode.values());
    }
}
