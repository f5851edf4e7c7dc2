package io.wirestream.processors.route;

import io.wirestream.avro.EnrichedArticle;
import org.apache.lucene.index.memory.MemoryIndex;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which enriched articles a route takes. Every criterion given must hold; within a criterion, any listed value
 * will do. A filter without criteria takes every article.
 *
 * <ul>
 *   <li>{@code languages}: the detected language is one of these ISO 639-1 codes ({@code und} included);</li>
 *   <li>{@code entities}: the article names at least one entity meeting one of the conditions;</li>
 *   <li>{@code sources}: the article's source is one of these names;</li>
 *   <li>{@code hosts}: the host of the canonical URL (else of the URL) is one of these or a subdomain of one
 *       ({@code example.com} takes {@code www.example.com}); an article without URL matches none;</li>
 *   <li>{@code query}: the title or body matches the {@link ArticleQuery}.</li>
 *   <li>{@code stories}: the article's story ({@code EnrichedArticle.story.id}) is one of these story ids; an article
 *       without a story matches none. An article keeps the story id it was given: after a merge, list the absorbed
 *       story's id too (news.stories names it in {@code absorbed}).</li>
 * </ul>
 * Knows nothing of Kafka; immutable and thread-safe.
 */
public record RouteFilter(Set<String> languages, List<EntityCondition> entities, Set<String> sources, Set<String> hosts,
                          Optional<ArticleQuery> query, Set<String> stories) {
    public RouteFilter {
        stories = Set.copyOf(Objects.requireNonNull(stories, "stories"));
        languages = Set.copyOf(Objects.requireNonNull(languages, "languages"));
        entities = List.copyOf(Objects.requireNonNull(entities, "entities"));
        sources = Set.copyOf(Objects.requireNonNull(sources, "sources"));
        hosts = Objects.requireNonNull(hosts, "hosts").stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        Objects.requireNonNull(query, "query");
    }

    /** A filter without a story criterion. */
    public RouteFilter(Set<String> languages, List<EntityCondition> entities, Set<String> sources, Set<String> hosts,
                       Optional<ArticleQuery> query) {
        this(languages, entities, sources, hosts, query, Set.of());
    }

    /** The filter that takes every article. */
    public static RouteFilter all() {
        return new RouteFilter(Set.of(), List.of(), Set.of(), Set.of(), Optional.empty());
    }

    public boolean matches(EnrichedArticle article) {
        return matches(article, () -> ArticleQuery.index(article));
    }

    /**
     * Like {@link #matches(EnrichedArticle)}, with the article's text index built by the caller (once for all the
     * routes) and asked for only when the cheaper criteria hold.
     */
    public boolean matches(EnrichedArticle article, Supplier<MemoryIndex> index) {
        if (!languages.isEmpty() && !languages.contains(article.getLanguage())) {
            return false;
        }
        if (!sources.isEmpty() && !sources.contains(article.getSource())) {
            return false;
        }
        if (!stories.isEmpty() && (article.getStory() == null || !stories.contains(article.getStory().getId()))) {
            return false;
        }
        if (!hosts.isEmpty() && !hostMatches(article)) {
            return false;
        }
        if (!entities.isEmpty() && entities.stream().noneMatch(c -> c.matches(article))) {
            return false;
        }
        return query.isEmpty() || query.get().matches(index.get());
    }

    private boolean hostMatches(EnrichedArticle article) {
        String url = article.getCanonicalUrl() != null ? article.getCanonicalUrl() : article.getUrl();
        if (url == null) {
            return false;
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String wanted : hosts) {
            if (h.equals(wanted) || h.endsWith("." + wanted)) {
                return true;
            }
        }
        return false;
    }
}
