package io.wirestream.enrichment.entity;

import io.wirestream.enrichment.kb.EnglishGazetteer;
import io.wirestream.enrichment.kb.KnowledgeBase;
import io.wirestream.enrichment.text.EnglishNameLists;
import io.wirestream.enrichment.text.GermanLexicon;
import io.wirestream.enrichment.text.Morphology;
import io.wirestream.enrichment.text.Token;
import io.wirestream.enrichment.text.Tokenizer;

import java.util.List;

/**
 * Finds the people, places and organisations a text names and links them to canonical entities.
 * The work is done in stages, one class each:
 * <ol>
 *   <li>{@link Datelines}: an all-capitals place opening the text ("KOUROU, 12 May") is read with
 *       ordinary capitals and is a LOCATION.</li>
 *   <li>{@link MentionFinder}: known names of the knowledge base, Russian adjective + noun names and
 *       runs of capitalised words.</li>
 *   <li>{@link MentionTyper}: the type of a name the knowledge base lacks, from its cues.</li>
 *   <li>{@link MentionGrouper}: mentions grouped into entities, ranked by salience, named in their
 *       citation form ({@link RussianCitationForms}).</li>
 * </ol>
 * Rules that hold for one language or script live in their own class: {@link RussianNameRules}
 * (Cyrillic words, from the Russian dictionary's tags) and {@link GermanNameRules} (languages that
 * capitalise nouns, {@link NounCapitalisation}).
 *
 * <p>Thread-safe: all state is per call, the knowledge base and the dictionaries are shared.
 */
public final class EntityLinker {

    private final KnowledgeBase kb;
    private final Morphology morphology;
    private final MentionFinder finder;
    private final MentionGrouper grouper;

    public EntityLinker(KnowledgeBase kb) {
        this.kb = kb;
        this.morphology = Morphology.shared();
        NameCues cues = NameCues.bundled(morphology);
        RussianNameRules russian = new RussianNameRules(morphology, cues);
        GermanNameRules german = new GermanNameRules(GermanLexicon.shared(), cues);
        MentionTyper typer = new MentionTyper(cues, morphology, russian, german, EnglishNameLists.shared(),
                EnglishGazetteer.shared());
        this.finder = new MentionFinder(kb, cues, morphology, typer, russian, german);
        this.grouper = new MentionGrouper(new RussianCitationForms(morphology, cues));
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * Entities named in {@code text}, most salient first. Whether the text capitalises its nouns
     * (German) is judged from the text itself ({@link NounCapitalisation}); prefer
     * {@link #link(String, String)} when the language is known.
     */
    public List<LinkedEntity> link(String text) {
        return link(text, null);
    }

    /**
     * Entities named in {@code text}, most salient first.
     *
     * @param language ISO 639-1 code of the text, or null or {@code und} if not known
     */
    public List<LinkedEntity> link(String text, String language) {
        List<Token> tokens = Tokenizer.tokenize(text);
        Datelines.Dateline dateline = Datelines.normalise(text, tokens);
        boolean nounCapitals = NounCapitalisation.applies(language, tokens, morphology);
        LinkedText lt = new LinkedText(text, tokens, kb.keys(tokens), nounCapitals);
        return grouper.group(lt, finder.find(lt, dateline));
    }
}
