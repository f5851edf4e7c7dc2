package io.wirestream.processors.route;

import io.wirestream.avro.EnrichedArticle;
import org.apache.lucene.index.memory.MemoryIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Which routes take an article. The article's text is indexed at most once, and only when a route with a
 * query has passed its other criteria. Thread-safe.
 */
public final class RouteMatcher {
    private final Routes routes;

    public RouteMatcher(Routes routes) {
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    /** The names of the routes that take {@code article}, in file order; an article can match several. */
    public List<String> matching(EnrichedArticle article) {
        MemoryIndex[] index = {null};
        Supplier<MemoryIndex> lazy = () -> {
            if (index[0] == null) {
                index[0] = ArticleQuery.index(article);
            }
            return index[0];
        };
        List<String> names = new ArrayList<>(2);
        for (Route route : routes.all()) {
            if (route.filter().matches(article, lazy)) {
                names.add(route.name());
            }
        }
        return names;
    }
}
