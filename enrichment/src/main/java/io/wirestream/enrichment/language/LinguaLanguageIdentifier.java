package io.wirestream.enrichment.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Language identification with Lingua (n-gram models of 1 to 5 chars plus rules on unique
 * characters), restricted to a chosen set of languages.
 *
 * <p>Confidence: Lingua reports, for each candidate, its likelihood relative to the best one (the best
 * is 1.0). The confidence here is the margin between the best and the runner-up, {@code 1 - second};
 * a text that only one candidate can have written (a unique script) gets 1.0.
 *
 * <p>Heap: the models of all loaded languages stay in memory; see docs/enrichment.md for the figure.
 */
public final class LinguaLanguageIdentifier implements LanguageIdentifier {

    private final LanguageDetector detector;
    private final DetectionLimits limits;
    private final Set<String> codes;

    private LinguaLanguageIdentifier(LanguageDetector detector, DetectionLimits limits, Set<String> codes) {
        this.detector = detector;
        this.limits = limits;
        this.codes = codes;
    }

    /**
     * @param isoCodes     ISO 639-1 codes of the languages to tell apart; each must be known to Lingua
     * @param lowAccuracy  true to load only trigram models (much less heap, poorer on short texts)
     */
    public static LinguaLanguageIdentifier create(Collection<String> isoCodes, DetectionLimits limits, boolean lowAccuracy) {
        if (isoCodes.size() < 2) {
            throw new IllegalArgumentException("at least two languages are needed, got " + isoCodes);
        }
        Language[] languages = isoCodes.stream().map(LinguaLanguageIdentifier::language).toArray(Language[]::new);
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages).withPreloadedLanguageModels();
        if (lowAccuracy) {
            builder = builder.withLowAccuracyMode();
        }
        return new LinguaLanguageIdentifier(builder.build(), limits, Set.copyOf(new TreeSet<>(isoCodes)));
    }

    /** The news languages, full accuracy, default limits. */
    public static LinguaLanguageIdentifier forNews() {
        return create(NewsLanguages.CODES, DetectionLimits.DEFAULT, false);
    }

    private static Language language(String isoCode) {
        IsoCode639_1 code;
        try {
            code = IsoCode639_1.valueOf(isoCode.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 639-1 code known to Lingua: '" + isoCode + "'", e);
        }
        return Language.getByIsoCode639_1(code);
    }

    @Override
    public LanguageGuess identify(CharSequence text) {
        String sample = limits.sample(text);
        if (sample == null) {
            return LanguageGuess.undetermined(0.0);
        }
        SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
        if (values.isEmpty()) {
            return LanguageGuess.undetermined(0.0);
        }
        Iterator<Map.Entry<Language, Double>> it = values.entrySet().iterator();
        Language best = it.next().getKey();
        double second = it.hasNext() ? it.next().getValue() : 0.0;
        double confidence = Math.max(0.0, Math.min(1.0, 1.0 - second));
        if (confidence < limits.minConfidence()) {
            return LanguageGuess.undetermined(confidence);
        }
        return new LanguageGuess(best.getIsoCode639_1().toString(), confidence);
    }

    @Override
    public Set<String> supportedLanguages() {
        return codes;
    }
}
