package io.wirestream.ingest;

import io.wirestream.avro.RawArticle;
import io.wirestream.core.ArticleIds;
import io.wirestream.dedup.UrlCanonicalizer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link RawArticle}s the same way for every source: the id (and so the record key) comes from the
 * canonical URL when there is one, else from the text, so re-reading an item yields the same key. User
 * information in the URL and the origin ({@code https://user:secret@host/}) is dropped: credentials never
 * reach a topic.
 */
public final class Articles {
    private static final UrlCanonicalizer URLS = new UrlCanonicalizer();

    private Articles() {
    }

    public static RawArticle create(String source, String origin, String url, String title, String body,
                                    Instant publishedAt, Instant fetchedAt, String languageHint,
                                    Map<String, String> attributes) {
        url = Urls.withoutUserInfo(url);
        origin = Urls.withoutUserInfo(origin);
        Optional<String> canonical = url == null ? Optional.empty() : URLS.canonicalize(url);
        String id = canonical.map(ArticleIds::fromUrl).orElseGet(() -> ArticleIds.fromText(title, body));
        return RawArticle.newBuilder()
            .setId(id)
            .setSource(source)
            .setOrigin(origin)
            .setUrl(url)
            .setTitle(title)
            .setBody(body)
            .setPublishedAt(publishedAt)
            .setFetchedAt(fetchedAt)
            .setLanguageHint(languageHint)
            .setAttributes(Map.copyOf(attributes))
            .build();
    }
}
