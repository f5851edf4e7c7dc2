package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a text is in a language that capitalises its nouns (German), where capitals are weak
 * evidence of a name. Given the language, that decides; without it the text is judged by its
 * function words: German ones (Lucene's German stop list, less the words other Germanic stop lists
 * share) make up at least {@value #MIN_SHARE} of its lower-case words.
 */
final class NounCapitalisation {

    private static final Set<String> LANGUAGES = Set.of("de", "lb");
    static final double MIN_SHARE = 0.08;
    private static final Set<String> GERMAN_ONLY = germanOnly();

    private NounCapitalisation() {
    }

    static boolean applies(String language, List<Token> tokens, Morphology morphology) {
        if (language != null && !language.equals("und")) {
            return LANGUAGES.contains(language);
        }
        int lower = 0;
        int german = 0;
        for (Token t : tokens) {
            if (t.cased() && !t.capitalised()) {
                lower++;
                if (GERMAN_ONLY.contains(t.text())) {
                    german++;
                }
            }
        }
        return lower > 0 && german >= 3 && german >= MIN_SHARE * lower;
    }

    private static Set<String> germanOnly() {
        Set<String> out = new HashSet<>();
        for (Object w : GermanAnalyzer.getDefaultStopSet()) {
            out.add(new String((char[]) w).toLowerCase(Locale.ROOT));
        }
        for (CharArraySet other : List.of(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, DutchAnalyzer.getDefaultStopSet(),
                DanishAnalyzer.getDefaultStopSet(), SwedishAnalyzer.getDefaultStopSet(), NorwegianAnalyzer.getDefaultStopSet())) {
            out.removeIf(other::contains);
        }
        return Set.copyOf(out);
    }
}
