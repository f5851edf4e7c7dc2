package io.wirestream.ingest;

import java.net.URI;
import java.net.URISyntaxException;

/** What every source does to the URLs it is given. */
public final class Urls {
    private Urls() {
    }

    /**
     * {@code url} without the user information of its authority ({@code https://user:secret@host/a} becomes
     * {@code https://host/a}), so credentials that came with a link never reach a topic, a log line or a
     * server. Works on the text, so a URL the JDK cannot parse loses its credentials too; anything without
     * {@code scheme://...@} is returned as it is (null included).
     */
    public static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return url;
        }
        return url.substring(0, start) + url.substring(at + 1);
    }

    /** The same for a URI (returned unchanged when it has no user information). */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(withoutUserInfo(uri.toString()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + withoutUserInfo(uri.toString()) + "' is not a URL", e);
        }
    }
}
