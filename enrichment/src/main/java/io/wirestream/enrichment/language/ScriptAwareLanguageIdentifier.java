package io.wirestream.enrichment.language;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The language identifier Wirestream uses: the writing system narrows the candidates, OpenNLP's
 * statistical model chooses among what is left.
 *
 * <ol>
 *   <li>Letters of the sample are counted by Unicode script (ICU). Each candidate language covers the
 *       letters written in the scripts ICU's locale data lists for it (e.g. Japanese: Han, Hiragana,
 *       Katakana; Russian: Cyrillic).</li>
 *   <li>The languages covering the most letters remain; among them, those with the fewest scripts
 *       (so pure Han text is Chinese rather than Japanese or Korean).</li>
 *   <li>One language left (Greek, Hebrew, Korean, Thai...): that is the answer, with the covered
 *       share of letters as confidence. Several (Latin, Cyrillic, Arabic script): OpenNLP chooses among
 *       them, and the confidence is its renormalised probability times the covered share.</li>
 * </ol>
 * Text whose letters are mostly in no candidate's scripts, or mixed so that the best language covers
 * under half of them, is {@code und}.
 */
public final class ScriptAwareLanguageIdentifier implements LanguageIdentifier {

    private static final double MIN_COVERAGE = 0.5;

    private final OpenNlpLanguageIdentifier model;
    private final Map<String, Set<Integer>> scriptsByLanguage;

    private ScriptAwareLanguageIdentifier(OpenNlpLanguageIdentifier model, Map<String, Set<Integer>> scriptsByLanguage) {
        this.model = model;
        this.scriptsByLanguage = scriptsByLanguage;
    }

    public static ScriptAwareLanguageIdentifier create(Collection<String> isoCodes, DetectionLimits limits) {
        OpenNlpLanguageIdentifier model = OpenNlpLanguageIdentifier.create(isoCodes, limits);
        Map<String, Set<Integer>> scripts = new HashMap<>();
        for (String code : isoCodes) {
            int[] codes = UScript.getCode(new ULocale(code));
            if (codes == null || codes.length == 0) {
                throw new IllegalArgumentException("ICU knows no script for language '" + code + "'");
            }
            Set<Integer> set = new TreeSet<>();
            for (int c : codes) {
                set.add(c);
            }
            scripts.put(code, Set.copyOf(set));
        }
        return new ScriptAwareLanguageIdentifier(model, Map.copyOf(scripts));
    }

    /** The news languages with default limits. */
    public static ScriptAwareLanguageIdentifier forNews() {
        return create(NewsLanguages.CODES, DetectionLimits.DEFAULT);
    }

    @Override
    public LanguageGuess identify(CharSequence text) {
        DetectionLimits limits = model.limits();
        String sample = limits.sample(text);
        if (sample == null) {
            return LanguageGuess.undetermined(0.0);
        }
        Map<Integer, Integer> lettersByScript = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.isLetter(cp)) {
                lettersByScript.merge(UScript.getScript(cp), 1, Integer::sum);
                letters++;
            }
        }
        int bestCovered = 0;
        int fewestScripts = Integer.MAX_VALUE;
        Set<String> candidates = new TreeSet<>();
        for (Map.Entry<String, Set<Integer>> e : scriptsByLanguage.entrySet()) {
            int covered = 0;
            for (int script : e.getValue()) {
                covered += lettersByScript.getOrDefault(script, 0);
            }
            int nScripts = e.getValue().size();
            if (covered > bestCovered || (covered == bestCovered && covered > 0 && nScripts < fewestScripts)) {
                bestCovered = covered;
                fewestScripts = nScripts;
                candidates.clear();
                candidates.add(e.getKey());
            } else if (covered == bestCovered && covered > 0 && nScripts == fewestScripts) {
                candidates.add(e.getKey());
            }
        }
        double coverage = bestCovered / (double) letters;
        if (candidates.isEmpty() || coverage < MIN_COVERAGE) {
            return LanguageGuess.undetermined(coverage);
        }
        LanguageGuess guess = candidates.size() == 1
                ? new LanguageGuess(candidates.iterator().next(), coverage)
                : scaled(model.identifyAmong(sample, candidates), coverage);
        return guess.confidence() < limits.minConfidence() ? LanguageGuess.undetermined(guess.confidence()) : guess;
    }

    private static LanguageGuess scaled(LanguageGuess guess, double coverage) {
        return guess.isDetermined() ? new LanguageGuess(guess.code(), guess.confidence() * coverage) : guess;
    }

    @Override
    public Set<String> supportedLanguages() {
        return scriptsByLanguage.keySet();
    }

    /** Languages in use, for logs and docs. */
    public List<String> languages() {
        return List.copyOf(new TreeSet<>(scriptsByLanguage.keySet()));
    }
}
