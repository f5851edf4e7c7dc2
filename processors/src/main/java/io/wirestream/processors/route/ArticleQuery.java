package io.wirestream.processors.route;

import io.wirestream.avro.EnrichedArticle;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import java.util.Set;
import java.util.TreeSet;

/**
 * A keyword or phrase query over an article's title and cleaned body, in Lucene's classic query syntax:
 * {@code "gas pipeline"}, {@code energy AND price*}, {@code (ECB OR Lagarde) -football}, {@code title:metro}.
 *
 * <p>Contract: terms without a field search both {@code title} and {@code body}; the default operator is AND
 * (a term list narrows, as in a search box); matching is case-insensitive on Unicode word boundaries
 * (Lucene's {@link StandardAnalyzer}: no stemming, no stop words), so {@code Москва} does not match
 * {@code Москве}: use {@code Москв*}. Only the fields {@code title} and {@code body} exist. Immutable and
 * thread-safe: each article is indexed into its own {@link MemoryIndex}.
 */
public final class ArticleQuery {
    public static final String TITLE = "title";
    public static final String BODY = "body";
    private static final Set<String> FIELDS = Set.of(TITLE, BODY);
    private static final Analyzer ANALYZER = new StandardAnalyzer();

    private final String text;
    private final Query query;

    private ArticleQuery(String text, Query query) {
        this.text = text;
        this.query = query;
    }

    /**
     * Parses a query.
     *
     * @throws IllegalArgumentException when the text is not a valid query or names another field than title or body
     */
    public static ArticleQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the query is empty");
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {TITLE, BODY}, ANALYZER);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        Query query;
        try {
            query = parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            // Lucene's message says where; its first line is enough
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new IllegalArgumentException("not a valid Lucene query: " + message, e);
        }
        Set<String> fields = new TreeSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        fields.removeAll(FIELDS);
        if (!fields.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + fields + " in the query: only title and body can be searched");
        }
        if (query.toString().isEmpty()) {
            throw new IllegalArgumentException("the query has no searchable term (only punctuation?)");
        }
        return new ArticleQuery(text, query);
    }

    /** The query as written. */
    public String text() {
        return text;
    }

    /** An article indexed for queries; build it once and run every route's query on it. */
    public static MemoryIndex index(EnrichedArticle article) {
        MemoryIndex index = new MemoryIndex();
        if (article.getTitle() != null) {
            index.addField(TITLE, article.getTitle(), ANALYZER);
        }
        index.addField(BODY, article.getBody(), ANALYZER);
        return index;
    }

    public boolean matches(MemoryIndex index) {
        return index.search(query) > 0.0f;
    }

    public boolean matches(EnrichedArticle article) {
        return matches(index(article));
    }

    @Override
    public String toString() {
        return text;
    }
}
