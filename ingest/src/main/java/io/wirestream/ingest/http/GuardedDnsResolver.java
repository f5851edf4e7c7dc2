package io.wirestream.ingest.http;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The resolver the HTTP client connects with: it resolves a host once and refuses it when any of its
 * addresses is not allowed by the {@link AddressPolicy}, so the client connects only to addresses that were
 * checked (a DNS answer that changes between a check and the connection cannot get round it).
 */
final class GuardedDnsResolver implements DnsResolver {
    /** A host refused because of one of its addresses; the message says which and why. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    /** Where the addresses of a host come from: the system resolver, or a test's own answers. */
    @FunctionalInterface
    interface Lookup {
        Lookup SYSTEM = InetAddress::getAllByName;

        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final AddressPolicy policy;
    private final Lookup lookup;

    GuardedDnsResolver(AddressPolicy policy) {
        this(policy, Lookup.SYSTEM);
    }

    GuardedDnsResolver(AddressPolicy policy, Lookup lookup) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = lookup.addresses(bare);
        if (policy.hostAllowed(bare)) {
            return addresses;
        }
        for (InetAddress a : addresses) {
            String refusal = policy.refusal(a).orElse(null);
            if (refusal != null) {
                String shown = a.getHostAddress();
                throw new RefusedAddressException((shown.equals(bare) ? shown : bare + " resolves to " + shown)
                    + ", which is not a public address (" + refusal + "); allow it with ingest.http.allowed.addresses");
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
