package io.wirestream.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reduces the many spellings of one article URL to a single canonical form, so that the same page
 * reached through a feed, a share button or an AMP cache is recognised as one article.
 *
 * <p>Contract: {@link #canonicalize(String)} returns empty for anything that is not an absolute
 * http(s) URL with a host; it never throws on bad input. The result keeps the path's case (paths
 * are case-sensitive on most servers) and the percent-encoding as published.
 *
 * <p>Rules, in order: lower-case scheme and host; {@code https} and {@code http} are treated as the
 * same scheme (written {@code https}); drop user info, fragment and default ports; strip the host
 * prefixes {@code www.}, {@code m.}, {@code mobile.} and {@code amp.}; drop an {@code /amp} path
 * segment at the start or end of the path and an {@code amp}/{@code outputType=amp} parameter; drop
 * tracking parameters; sort the remaining parameters; drop a trailing slash and {@code index.html}.
 */
public final class UrlCanonicalizer {

    /** Exact parameter names that only track the reader or the referrer. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "yclid", "msclkid", "mc_cid", "mc_eid", "igshid",
            "ref", "ref_src", "ref_url", "referrer", "cmpid", "ito", "ncid", "_ga", "_gl", "_hsenc",
            "_hsmi", "__twitter_impression", "spm", "amp", "outputtype", "rss");

    /** Parameter name prefixes that only track the reader. */
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "at_", "hmb_");

    private static final List<String> HOST_VARIANT_PREFIXES = List.of("www.", "m.", "mobile.", "amp.");

    /**
     * @param url the URL as published; may be null or blank
     * @return the canonical URL, or empty when {@code url} is not an absolute http(s) URL with a host
     */
    public Optional<String> canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        host = stripHostVariants(host.toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        String portPart = port == -1 || port == 80 || port == 443 ? "" : ":" + port;

        String path = canonicalPath(uri.getRawPath());
        String query = canonicalQuery(uri.getRawQuery());
        return Optional.of("https://" + host + portPart + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static String stripHostVariants(String host) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : HOST_VARIANT_PREFIXES) {
                // keep at least a second-level domain: "m.com" is a host of its own
                if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
                    host = host.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return host;
    }

    private static String canonicalPath(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        path = path.replaceAll("/{2,}", "/");
        if (path.startsWith("/amp/")) {
            path = path.substring(4);
        }
        if (path.endsWith("/amp") || path.endsWith("/amp/")) {
            path = path.substring(0, path.lastIndexOf("/amp"));
        }
        if (path.endsWith(".amp")) {
            path = path.substring(0, path.length() - 4);
        }
        if (path.endsWith("/index.html") || path.endsWith("/index.htm")) {
            path = path.substring(0, path.lastIndexOf('/') + 1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!isTracking(name)) {
                kept.add(pair);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static boolean isTracking(String name) {
        if (TRACKING_PARAMETERS.contains(name)) {
            return true;
        }
        for (String prefix : TRACKING_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
