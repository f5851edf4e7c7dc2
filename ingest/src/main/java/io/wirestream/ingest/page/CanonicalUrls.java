package io.wirestream.ingest.page;

import crawlercommons.domains.EffectiveTldFinder;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides whether a page's rel=canonical (or og:url) may stand for the page. The article id comes from that
 * URL, so a page must not claim another site's: the canonical is honoured only when it is http(s) and within
 * the same registrable domain as the URL fetched (per the public suffix list, private suffixes included, so
 * {@code alice.github.io} cannot claim {@code bob.github.io}); otherwise the fetched URL stands. Hosts without
 * a registrable domain (IP addresses, {@code localhost}) must match exactly.
 */
public final class CanonicalUrls {
    private CanonicalUrls() {
    }

    /** The URL to publish the page under: {@code canonical} when it is allowed, else {@code fetched}. */
    public static String choose(URI fetched, String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return fetched.toString();
        }
        URI c;
        try {
            c = new URI(canonical.strip());
        } catch (URISyntaxException e) {
            return fetched.toString();
        }
        String scheme = c.getScheme() == null ? "" : c.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || c.getHost() == null || fetched.getHost() == null) {
            return fetched.toString();
        }
        return sameSite(fetched.getHost(), c.getHost()) ? canonical.strip() : fetched.toString();
    }

    static boolean sameSite(String a, String b) {
        String hostA = a.toLowerCase(Locale.ROOT);
        String hostB = b.toLowerCase(Locale.ROOT);
        if (hostA.equals(hostB)) {
            return true;
        }
        if (isIpLiteral(hostA) || isIpLiteral(hostB)) {
            return false;
        }
        String domainA = EffectiveTldFinder.getAssignedDomain(hostA, true, false);
        String domainB = EffectiveTldFinder.getAssignedDomain(hostB, true, false);
        return domainA != null && domainA.equals(domainB);
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }
}
