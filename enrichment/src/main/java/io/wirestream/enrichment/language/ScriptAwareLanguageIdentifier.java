package io.wirestream.enrichment.language;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
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
 *   <li>The languages covering the most letters remain; among them, those whose usual writing (ICU's
 *       default scripts for the language) has the fewest scripts, so pure Han text is Chinese rather than
 *       Japanese or Korean. Scripts a language is also written in (Serbian, Bosnian and Azerbaijani in
 *       Latin and Cyrillic, Hindi in Latin) make it a candidate but do not count here: counting them
 *       would hand Latin Serbian to Croatian and Hindi to Nepali.</li>
 *   <li>Kana (hiragana or katakana) make the text Japanese: no other language writes them.</li>
 *   <li>One language left (Greek, Hebrew, Korean, Thai...): that is the answer, with the covered
 *       share of letters as confidence. Several (Latin, Cyrillic, Arabic script): OpenNLP chooses among
 *       them, and the confidence is its margin over the runner-up times the covered share.</li>
 *   <li>Latin Serbian, Croatian and Bosnian: the model knows Serbian only in Cyrillic, so among these three
 *       the call follows {@link SerboCroatianEvidence} when it finds distinctive words.</li>
 * </ol>
 * Text whose letters are mostly in no candidate's scripts, or mixed so that the best language covers
 * under half of them, is {@code und}.
 */
public final class ScriptAwareLanguageIdentifier implements LanguageIdentifier {

    private static final double MIN_COVERAGE = 0.5;
    private static final String JAPANESE = "ja";
    /**
     * Prior of a language outside {@link NewsLanguages} relative to one inside: the model's small languages
     * (Sundanese, Malay beside Indonesian) otherwise take short texts of their big neighbours. 0.7 was chosen
     * on the dev half of the public language sets (0.3, 0.5, 0.7 and 1.0 tried) and the project's own sentences.
     */
    static final double OTHER_LANGUAGE_WEIGHT = 0.7;

    /** Script codes ICU gives a char, 0 to the largest value of its script property. */
    private static final int SCRIPT_CODES = UCharacter.getIntPropertyMaxValue(UProperty.SCRIPT) + 1;

    private final OpenNlpLanguageIdentifier model;
    /** Per language, its writing systems: the usual one first, each a set of scripts. */
    private final Map<String, List<Set<Integer>>> writingSystems;

    /** {@link #writingSystems} as arrays, for the count per text: languages, and per language its systems' scripts. */
    private final String[] codes;
    private final int[][][] systemScripts;

    private ScriptAwareLanguageIdentifier(OpenNlpLanguageIdentifier model, Map<String, List<Set<Integer>>> writingSystems) {
        this.model = model;
        this.writingSystems = writingSystems;
        this.codes = writingSystems.keySet().toArray(new String[0]);
        this.systemScripts = new int[codes.length][][];
        for (int l = 0; l < codes.length; l++) {
            List<Set<Integer>> systems = writingSystems.get(codes[l]);
            systemScripts[l] = new int[systems.size()][];
            for (int k = 0; k < systems.size(); k++) {
                systemScripts[l][k] = systems.get(k).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    public static ScriptAwareLanguageIdentifier create(Collection<String> isoCodes, DetectionLimits limits) {
        OpenNlpLanguageIdentifier model = OpenNlpLanguageIdentifier.create(isoCodes, limits);
        Map<String, List<Set<Integer>>> systems = new HashMap<>();
        for (String code : isoCodes) {
            List<Set<Integer>> list = writingSystemsOf(code);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("ICU knows no script for language '" + code + "'");
            }
            systems.put(code, list);
        }
        return new ScriptAwareLanguageIdentifier(model, Map.copyOf(systems));
    }

    /**
     * Every language of the OpenNLP model (see {@link OpenNlpLanguageIdentifier#modelLanguages()}) with
     * default limits: the identifier the pipeline uses.
     */
    public static ScriptAwareLanguageIdentifier forNews() {
        return create(OpenNlpLanguageIdentifier.modelLanguages(), DetectionLimits.DEFAULT);
    }

    /**
     * The writing systems of a language, from ICU's locale data: the usual one (the scripts of the plain
     * locale: Cyrillic for Serbian, Han + hiragana + katakana for Japanese) first, then the script of every
     * locale ICU has for it with an explicit script (sr_Latn, bs_Cyrl, uz_Cyrl, az_Cyrl, pa_Arab, hi_Latn...),
     * so a language written in two scripts is a candidate in both.
     */
    static List<Set<Integer>> writingSystemsOf(String code) {
        List<Set<Integer>> systems = new ArrayList<>();
        Set<Integer> usual = scripts(UScript.getCode(new ULocale(code)));
        if (!usual.isEmpty()) {
            systems.add(usual);
        }
        for (ULocale locale : ULocale.getAvailableLocales()) {
            if (locale.getLanguage().equals(code) && !locale.getScript().isEmpty()) {
                Set<Integer> variant = scripts(UScript.getCode(locale.getScript()));
                if (!variant.isEmpty() && !systems.contains(variant)) {
                    systems.add(variant);
                }
            }
        }
        return List.copyOf(systems);
    }

    /** Scripts as letters report them: simplified and traditional Han are both Han ({@code UScript.getScript}). */
    private static Set<Integer> scripts(int[] codes) {
        Set<Integer> set = new TreeSet<>();
        if (codes != null) {
            for (int c : codes) {
                set.add(c == UScript.SIMPLIFIED_HAN || c == UScript.TRADITIONAL_HAN ? UScript.HAN : c);
            }
        }
        return Set.copyOf(set);
    }

    /** Letters in these scripts; a code no char has (a locale's compound script) covers none. */
    private static int covered(int[] scripts, int[] lettersByScript) {
        int covered = 0;
        for (int script : scripts) {
            covered += script >= 0 && script < lettersByScript.length ? lettersByScript[script] : 0;
        }
        return covered;
    }

    private static int covered(Set<Integer> scripts, int[] lettersByScript) {
        int covered = 0;
        for (int script : scripts) {
            covered += script >= 0 && script < lettersByScript.length ? lettersByScript[script] : 0;
        }
        return covered;
    }

    @Override
    public LanguageGuess identify(CharSequence text) {
        DetectionLimits limits = model.limits();
        String sample = limits.sample(text);
        if (sample == null) {
            return LanguageGuess.undetermined(0.0);
        }
        int[] lettersByScript = new int[SCRIPT_CODES];
        int letters = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.isLetter(cp)) {
                lettersByScript[UScript.getScript(cp)]++;
                letters++;
            }
        }
        int bestCovered = 0;
        int fewestScripts = Integer.MAX_VALUE;
        Set<String> candidates = new TreeSet<>();
        for (int l = 0; l < codes.length; l++) {
            // a text is in one of a language's writing systems: Latin "i" in Belarusian Cyrillic does not
            // make Serbian (Cyrillic and Latin) cover more of it than Belarusian
            int covered = 0;
            for (int[] system : systemScripts[l]) {
                covered = Math.max(covered, covered(system, lettersByScript));
            }
            int nScripts = systemScripts[l][0].length;
            if (covered > bestCovered || (covered == bestCovered && covered > 0 && nScripts < fewestScripts)) {
                bestCovered = covered;
                fewestScripts = nScripts;
                candidates.clear();
                candidates.add(codes[l]);
            } else if (covered == bestCovered && covered > 0 && nScripts == fewestScripts) {
                candidates.add(codes[l]);
            }
        }
        double coverage = bestCovered / (double) letters;
        int kana = lettersByScript[UScript.HIRAGANA] + lettersByScript[UScript.KATAKANA];
        if (kana > 0 && writingSystems.containsKey(JAPANESE)) {
            // no other language writes kana: Han with any kana is Japanese, however few (Chinese with a
            // Japanese name in katakana is rare in news; the opposite, kana-poor Japanese, is common)
            int japanese = covered(writingSystems.get(JAPANESE).get(0), lettersByScript);
            if (japanese / (double) letters >= MIN_COVERAGE) {
                candidates = Set.of(JAPANESE);
                coverage = japanese / (double) letters;
            }
        }
        if (candidates.isEmpty() || coverage < MIN_COVERAGE) {
            return LanguageGuess.undetermined(coverage);
        }
        LanguageGuess guess = candidates.size() == 1
                ? new LanguageGuess(candidates.iterator().next(), coverage)
                : scaled(model.identifyAmong(sample, candidates, NewsLanguages.CODES_SET, OTHER_LANGUAGE_WEIGHT), coverage);
        if (SerboCroatianEvidence.CANDIDATES.contains(guess.code())
                && lettersByScript[UScript.LATIN] == bestCovered && candidates.containsAll(SerboCroatianEvidence.CANDIDATES)) {
            guess = new LanguageGuess(SerboCroatianEvidence.decide(sample, guess.code()), guess.confidence());
        }
        return guess.confidence() < limits.minConfidence() ? LanguageGuess.undetermined(guess.confidence()) : guess;
    }

    private static LanguageGuess scaled(LanguageGuess guess, double coverage) {
        return guess.isDetermined() ? new LanguageGuess(guess.code(), guess.confidence() * coverage) : guess;
    }

    @Override
    public Set<String> supportedLanguages() {
        return writingSystems.keySet();
    }

    /** Languages in use, for logs and docs. */
    public List<String> languages() {
        return List.copyOf(new TreeSet<>(writingSystems.keySet()));
    }
}
